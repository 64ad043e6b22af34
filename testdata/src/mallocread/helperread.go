package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// Reads made by a helper, at bytes its summary names (uses(p0{[8,16)})): the caller that passes
// memory whose bytes there nothing wrote makes the helper read them before any write.

type frame struct {
	kind  uint32
	flags uint32
	size  uint64
}

// frameSize reads size, and nothing else of f.
func frameSize(f *frame) uint64 { return f.size }

// frameKind reads kind.
func frameKind(f *frame) uint32 { return f.kind }

// sizeOf reads size through a helper: a need passed up one more call.
func sizeOf(f *frame) uint64 { return frameSize(f) }

// word reads the 8 bytes at byte 8 of p.
func word(p unsafe.Pointer) uint64 { return *(*uint64)(unsafe.Add(p, 8)) }

func helperReadsUnwritten() uint64 {
	f := (*frame)(C.malloc(C.size_t(unsafe.Sizeof(frame{}))))
	defer C.free(unsafe.Pointer(f))
	f.kind = 1
	f.flags = 0
	return frameSize(f) // want `call to mallocread.frameSize reads C.malloc'd memory before any write`
}

func helperOfHelper() uint64 {
	f := (*frame)(C.malloc(C.size_t(unsafe.Sizeof(frame{}))))
	defer C.free(unsafe.Pointer(f))
	f.kind = 1
	return sizeOf(f) // want `call to mallocread.sizeOf reads C.malloc'd memory before any write`
}

func helperReadsAtOffset() uint64 {
	p := C.malloc(16)
	defer C.free(p)
	*(*uint64)(p) = 7
	return word(p) // want `call to mallocread.word reads C.malloc'd memory before any write`
}

// helperReadsWritten is fine: frameKind reads the field the caller wrote.
func helperReadsWritten() uint32 {
	f := (*frame)(C.malloc(C.size_t(unsafe.Sizeof(frame{}))))
	defer C.free(unsafe.Pointer(f))
	f.kind = 1
	return frameKind(f)
}

// helperReadsShifted is fine: word reads bytes [8, 16) of p+8, which are bytes [16, 24) of the
// allocation, written here.
func helperReadsShifted() uint64 {
	p := C.malloc(24)
	defer C.free(p)
	*(*uint64)(unsafe.Add(p, 16)) = 7
	return word(unsafe.Add(p, 8))
}

// setSize writes size before anything reads it: a helper that writes its input is taken as the
// one that initializes it.
func setSize(f *frame) uint64 {
	f.size = 64
	return f.size
}

func helperWritesFirst() uint64 {
	f := (*frame)(C.malloc(C.size_t(unsafe.Sizeof(frame{}))))
	defer C.free(unsafe.Pointer(f))
	f.kind = 1
	return setSize(f)
}

// readAt reads where its caller says: the caller does not know which byte, and stays silent on
// memory some of which was written.
func readAt(p unsafe.Pointer, i int) byte { return *(*byte)(unsafe.Add(p, i)) }

func helperReadsUnknownOffset() byte {
	p := C.malloc(16)
	defer C.free(p)
	*(*byte)(p) = 1
	return readAt(p, 0)
}

// A method that reads memory a field of its receiver views: the caller knows what the field
// holds.
type window struct {
	data []byte
	off  int
}

func (w *window) sum() int {
	s := 0
	for _, c := range w.data {
		s += int(c)
	}
	return s
}

// view makes a view of w's memory and reads none of it.
func (w *window) view() []byte { return w.data[w.off:] }

func methodReadsField() int {
	p := C.malloc(16)
	defer C.free(p)
	w := &window{data: unsafe.Slice((*byte)(p), 16)}
	return w.sum() // want `call to mallocread.window.sum reads C.malloc'd memory before any write`
}

// methodReadsFilled is fine: the caller wrote a byte, and sum's offsets are not known.
func methodReadsFilled() int {
	p := C.malloc(16)
	defer C.free(p)
	w := &window{data: unsafe.Slice((*byte)(p), 16)}
	w.data[0] = 1
	return w.sum()
}

// methodMakesView is fine: a view reads nothing.
func methodMakesView() int {
	p := C.malloc(16)
	defer C.free(p)
	w := &window{data: unsafe.Slice((*byte)(p), 16)}
	return len(w.view())
}

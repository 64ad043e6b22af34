package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// Writes made by a helper, at bytes its summary names: the rest of the memory stays as
// uninitialized as before the call.

type rec struct {
	tag  uint32
	size uint32
	body uint64
}

// initHead writes tag and size, not body.
func initHead(r *rec) {
	r.tag = 1
	r.size = 16
}

func readBody() uint64 {
	r := (*rec)(C.malloc(C.size_t(unsafe.Sizeof(rec{}))))
	defer C.free(unsafe.Pointer(r))
	initHead(r)
	return r.body // want `read of C.malloc'd memory before any write`
}

// readSize reads what the helper wrote.
func readSize() uint32 {
	r := (*rec)(C.malloc(C.size_t(unsafe.Sizeof(rec{}))))
	defer C.free(unsafe.Pointer(r))
	initHead(r)
	return r.size
}

// setByte writes the one byte p points to.
func setByte(p unsafe.Pointer) { *(*byte)(p) = 0 }

// readNext has the helper write byte 2 and reads byte 3.
func readNext() byte {
	p := C.malloc(4)
	defer C.free(p)
	setByte(unsafe.Add(p, 2))
	return *(*byte)(unsafe.Add(p, 3)) // want `read of C.malloc'd memory before any write`
}

// readSame reads the byte the helper wrote.
func readSame() byte {
	p := C.malloc(4)
	defer C.free(p)
	setByte(unsafe.Add(p, 2))
	return *(*byte)(unsafe.Add(p, 2))
}

// setAt writes where its caller says: a caller that does not know where may have had any byte
// written.
func setAt(p unsafe.Pointer, i int) { *(*byte)(unsafe.Add(p, i)) = 0 }

func readAfterSetAt(i int) byte {
	p := C.malloc(4)
	defer C.free(p)
	setAt(p, i)
	return *(*byte)(unsafe.Add(p, 3))
}

// readAtUnknown passes an offset the caller does not know: the helper's bytes may be any.
func readAtUnknown(i int) byte {
	p := C.malloc(8)
	defer C.free(p)
	setByte(unsafe.Add(p, i))
	return *(*byte)(unsafe.Add(p, 3))
}

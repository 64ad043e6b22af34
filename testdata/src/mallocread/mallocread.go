// Package mallocread: reads of C.malloc'd memory before any write, beside their corrected twins.
package mallocread

// #include <stdlib.h>
// #include <string.h>
import "C"

import "unsafe"

type header struct {
	magic uint32
	len   uint32
	next  uintptr
}

func fieldBeforeWrite() uint32 {
	h := (*header)(C.malloc(C.size_t(unsafe.Sizeof(header{}))))
	defer C.free(unsafe.Pointer(h))
	h.magic = 0xfeed
	return h.len // want `read of C.malloc'd memory before any write \(allocated on line 17\)`
}

// fieldAfterWrite is fine: both fields read were written.
func fieldAfterWrite() uint32 {
	h := (*header)(C.malloc(C.size_t(unsafe.Sizeof(header{}))))
	defer C.free(unsafe.Pointer(h))
	h.magic, h.len = 0xfeed, 0
	return h.magic + h.len
}

// calloced is fine: calloc zeroes.
func calloced() uint32 {
	h := (*header)(C.calloc(1, C.size_t(unsafe.Sizeof(header{}))))
	defer C.free(unsafe.Pointer(h))
	return h.len
}

func elementBeforeFill(n int) int32 {
	p := C.malloc(C.size_t(4 * n))
	defer C.free(p)
	s := unsafe.Slice((*int32)(p), n)
	return s[n-1] // want `read of C.malloc'd memory before any write`
}

// elementAfterFill is fine: the loop writes every element.
func elementAfterFill(n int) int32 {
	p := C.malloc(C.size_t(4 * n))
	defer C.free(p)
	s := unsafe.Slice((*int32)(p), n)
	for i := range s {
		s[i] = int32(i)
	}
	return s[n-1]
}

// memsetFirst is fine: C.memset fills the block.
func memsetFirst() byte {
	p := C.malloc(16)
	defer C.free(p)
	C.memset(p, 0, 16)
	return *(*byte)(p)
}

// filledByCallee is fine: the callee may fill what it receives, and the model does not see
// which bytes.
func filledByCallee(fill func([]byte)) byte {
	p := C.malloc(16)
	defer C.free(p)
	b := unsafe.Slice((*byte)(p), 16)
	fill(b)
	return b[3]
}

func copyOut(dst []byte) {
	p := C.malloc(16)
	defer C.free(p)
	copy(dst, unsafe.Slice((*byte)(p), 16)) // want `copy from C.malloc'd memory before any write`
}

func goStringOfGarbage() string {
	p := (*C.char)(C.malloc(32))
	defer C.free(unsafe.Pointer(p))
	return C.GoString(p) // want `call to C.GoString reads C.malloc'd memory before any write`
}

// onePathWrites is not reported: one path wrote it, and the branches may be correlated.
func onePathWrites(ok bool) uint32 {
	h := (*header)(C.malloc(C.size_t(unsafe.Sizeof(header{}))))
	defer C.free(unsafe.Pointer(h))
	if ok {
		h.len = 1
	}
	return h.len
}

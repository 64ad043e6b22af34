package cfree

// #include <stdlib.h>
import "C"

import "unsafe"

// A handle whose methods read the memory a field points to: the callee's summary says it
// dereferences p0.data, which the caller checks against what it freed.

type handle struct {
	data unsafe.Pointer
	n    int
}

func newHandle(n int) *handle { return &handle{data: C.malloc(C.size_t(n)), n: n} }

func (h *handle) Free()             { C.free(h.data) }
func (h *handle) At(i int) byte     { return *(*byte)(unsafe.Add(h.data, i)) }
func (h *handle) Set(i int, b byte) { *(*byte)(unsafe.Add(h.data, i)) = b }

// atAfterFree reads through a method after the handle was freed by another.
func atAfterFree() byte {
	h := newHandle(8)
	h.Set(0, 1)
	h.Free()
	return h.At(0) // want `call to cfree.handle.At reads the memory h.data points to after it was freed by cfree.handle.Free on line 26`
}

// atBeforeFree is fine.
func atBeforeFree() byte {
	h := newHandle(8)
	h.Set(0, 1)
	b := h.At(0)
	h.Free()
	return b
}

// goBytesAfterFree: cgo wraps C.GoBytes in a closure that captures p; the closure's summary
// says it reads what p holds.
func goBytesAfterFree() []byte {
	p := C.calloc(8, 1)
	C.free(p)
	return C.GoBytes(p, 8) // want `call to C.GoBytes reads C.calloc'd memory after it was freed by C.free on line 43`
}

// goBytesBeforeFree is fine.
func goBytesBeforeFree() []byte {
	p := C.calloc(8, 1)
	b := C.GoBytes(p, 8)
	C.free(p)
	return b
}

// Package dangling: views of memory the function frees, returned or stored.
package dangling

// #include <stdlib.h>
import "C"

import "unsafe"

func viewOfDeferredFree(s string) []byte {
	p := C.CString(s)
	defer C.free(unsafe.Pointer(p))
	return unsafe.Slice((*byte)(unsafe.Pointer(p)), len(s)) // want `pointer into C.CString's memory returned, but it is freed by the deferred call on line 11 when the function returns`
}

// copyOfDeferredFree is fine: C.GoBytes returns a Go copy.
func copyOfDeferredFree(s string) []byte {
	p := C.CString(s)
	defer C.free(unsafe.Pointer(p))
	return C.GoBytes(unsafe.Pointer(p), C.int(len(s)))
}

var last unsafe.Pointer

func storedThenFreed() {
	p := C.malloc(8)
	last = p // want `pointer into C.malloc'd memory stored in memory that outlives the call, but it is freed on line 27`
	C.free(p)
}

// storedNotFreed is fine: the global owns the memory now.
func storedNotFreed() {
	p := C.malloc(8)
	last = p
}

func returnedAfterFree() unsafe.Pointer {
	p := C.malloc(8)
	C.free(p)
	return p // want `pointer into C.malloc'd memory returned, but it is freed on line 38`
}

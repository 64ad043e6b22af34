// Package regress holds the false positives found on real code, one file each, named after
// what they fix. None of them may be reported.
package regress

// #include <stdlib.h>
import "C"

import (
	"reflect"
	"syscall"
	"unsafe"
)

// headerOverCMemory is ristretto's contrib/memtest/nojemalloc.go: a header value over C memory.
// The collector neither moves nor frees C memory, so Data needs nothing to keep it alive.
func headerOverCMemory(size int) []byte {
	ptr := C.calloc(C.size_t(size), 1)
	hdr := reflect.SliceHeader{Data: uintptr(ptr), Len: size, Cap: size}
	return *(*[]byte)(unsafe.Pointer(&hdr))
}

// headerOverMmap is the same over an mmap'd region.
func headerOverMmap(n int) []byte {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	hdr := reflect.SliceHeader{Data: uintptr(unsafe.Pointer(&b[0])), Len: n, Cap: n}
	return *(*[]byte)(unsafe.Pointer(&hdr))
}

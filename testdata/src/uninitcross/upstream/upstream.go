// Package upstream is an allocator whose summary says it returns uninitialized memory.
package upstream

// #include <stdlib.h>
// #include <string.h>
import "C"

import "unsafe"

// Alloc returns n bytes of uninitialized C memory.
func Alloc(n int) []byte {
	p := C.malloc(C.size_t(n))
	return unsafe.Slice((*byte)(p), n)
}

// Zalloc returns n zeroed bytes of C memory.
func Zalloc(n int) []byte {
	p := C.malloc(C.size_t(n))
	C.memset(p, 0, C.size_t(n))
	return unsafe.Slice((*byte)(p), n)
}

// ArenaAlloc hands out memory from an allocator written in assembly.
//
//uninitlint:alloc uninit
func ArenaAlloc(n int) unsafe.Pointer

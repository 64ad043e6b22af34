package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// An allocator reached through an interface the function made itself: the call resolves to the
// concrete method, whose result is C.malloc'd memory nobody wrote. This once crashed the
// model while it named the allocator.

type allocator interface{ Allocate(n int) []byte }

type cgoAllocator struct{}

func (cgoAllocator) Allocate(n int) []byte {
	return unsafe.Slice((*byte)(C.malloc(C.size_t(n))), n)
}

func firstByte() byte {
	var a allocator = cgoAllocator{}
	bm := a.Allocate(8)
	return bm[0] // want `read of memory allocated by mallocread.cgoAllocator.Allocate before any write`
}

func firstByteTwin() byte {
	var a allocator = cgoAllocator{}
	bm := a.Allocate(8)
	bm[0] = 1
	return bm[0]
}

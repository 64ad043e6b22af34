package downstream

import (
	"unsafe"

	"vetmod/upstream"
)

// UninitRead reads memory from upstream's allocator before writing it.
func UninitRead() int64 {
	p := upstream.Alloc(8)
	return *(*int64)(p)
}


// PastEnd walks 8 bytes past an 8-byte allocation.
func PastEnd() unsafe.Pointer {
	p := upstream.Alloc(8)
	*(*int64)(p) = 0
	return unsafe.Add(p, 16)
}

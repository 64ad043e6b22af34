// Package downstream reads memory from upstream's allocators.
package downstream

import (
	"unsafe"

	"uninitcross/upstream"
)

func header() uint32 {
	b := upstream.Alloc(64)
	return uint32(b[0]) | uint32(b[1])<<8 // want `read of memory allocated by upstream.Alloc before any write`
}

// zeroed is fine: Zalloc's summary does not say uninitialized.
func zeroed() byte {
	b := upstream.Zalloc(64)
	return b[0]
}

func arena() int64 {
	p := upstream.ArenaAlloc(8)
	return *(*int64)(p) // want `read of memory allocated by upstream.ArenaAlloc before any write`
}

// written is fine: the first word is written before it is read.
func written() int64 {
	p := upstream.ArenaAlloc(8)
	*(*int64)(p) = 1
	return *(*int64)(unsafe.Pointer(p))
}

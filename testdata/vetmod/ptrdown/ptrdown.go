// Package ptrdown walks past the end of memory from upstream's allocator, whose size fact says
// how big it is.
package ptrdown

import (
	"unsafe"

	"vetmod/upstream"
)

// PastEnd walks 8 bytes past an 8-byte allocation.
func PastEnd() unsafe.Pointer {
	p := upstream.Alloc(8)
	*(*int64)(p) = 0
	return unsafe.Add(p, 16) // want `unsafe.Add reaches byte 16 of an 8-byte allocation \(allocated on line 13\)`
}

// InBounds stays inside.
func InBounds() unsafe.Pointer {
	p := upstream.Alloc(8)
	return unsafe.Add(p, 4)
}

// LastWordPlusOne reads word 2 of a 16-byte allocation through upstream's helper.
func LastWordPlusOne() uint64 {
	p := upstream.Alloc(16)
	*(*[2]uint64)(p) = [2]uint64{}
	defer upstream.Release(p)
	return upstream.Word(p, 2) // want `call to upstream.Word: unsafe.Add at upstream.go:\d+ reaches byte 16 of a 16-byte allocation \(allocated on line \d+\)`
}

// LastWord is fine: word 1 is the last of two.
func LastWord() uint64 {
	p := upstream.Alloc(16)
	*(*[2]uint64)(p) = [2]uint64{}
	defer upstream.Release(p)
	return upstream.Word(p, 1)
}

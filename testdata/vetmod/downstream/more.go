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

// Suppressed suppresses a finding; the ignore pass, which reads every pass's result, sees that
// it is used, under go vet as standalone.
func Suppressed() int64 {
	p := upstream.Alloc(8)
	//uninitlint:ignore uninit-read the test checks that directives work under go vet
	return *(*int64)(p)
}

// Unused suppresses nothing: the ignore pass reports it.
func Unused() int64 {
	//uninitlint:ignore uninit-read nothing here
	return 0
}

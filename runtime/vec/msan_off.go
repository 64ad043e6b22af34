//go:build !msan || !cgo

package vec

import "unsafe"

// cleared tells the memory sanitizer that the n bytes at p were just zeroed: nothing to tell
// without -msan.
func cleared(unsafe.Pointer, uintptr) {}

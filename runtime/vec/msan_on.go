//go:build msan && cgo

package vec

// #include <sanitizer/msan_interface.h>
import "C"

import "unsafe"

// cleared tells the memory sanitizer that the n bytes at p were just zeroed. clear lowers to
// memclr, which -msan does not instrument: without this, the first read of the zeroed C memory
// is reported as a read of uninitialized bytes.
func cleared(p unsafe.Pointer, n uintptr) {
	C.__msan_unpoison(p, C.size_t(n))
}

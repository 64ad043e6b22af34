package cfree

// #include <stdlib.h>
import "C"

import (
	"strings"
	"unsafe"
)

// Comparing, concatenating or hashing a string reads its bytes; len does not.

func compareFreed() bool {
	p := C.CString("hello")
	s := unsafe.String((*byte)(unsafe.Pointer(p)), 5)
	C.free(unsafe.Pointer(p))
	return s == "hello" // want `comparison reads C.CString's memory after it was freed by C.free on line 16`
}

func lookupFreed(m map[string]int) int {
	p := C.CString("hello")
	s := unsafe.String((*byte)(unsafe.Pointer(p)), 5)
	C.free(unsafe.Pointer(p))
	return m[s] // want `map lookup reads C.CString's memory after it was freed by C.free on line 23`
}

func prefixFreed() bool {
	p := C.CString("hello")
	s := unsafe.String((*byte)(unsafe.Pointer(p)), 5)
	C.free(unsafe.Pointer(p))
	return strings.HasPrefix(s, "he") // want `call to strings.HasPrefix reads C.CString's memory after it was freed by C.free on line 30`
}

type named struct{ name string }

func concatFreed() string {
	p := C.CString("hello")
	t := &named{name: unsafe.String((*byte)(unsafe.Pointer(p)), 5)}
	C.free(unsafe.Pointer(p))
	return t.name + "!" // want `concatenation reads C.CString's memory after it was freed by C.free on line 39`
}

// lenFreed is fine: a string's length is not its memory.
func lenFreed() int {
	p := C.CString("hello")
	s := unsafe.String((*byte)(unsafe.Pointer(p)), 5)
	C.free(unsafe.Pointer(p))
	return len(s)
}

// compareBefore is fine: the comparison runs before the free.
func compareBefore() bool {
	p := C.CString("hello")
	s := unsafe.String((*byte)(unsafe.Pointer(p)), 5)
	ok := s == "hello"
	C.free(unsafe.Pointer(p))
	return ok
}

// compareCopy is fine: strings.Clone copied the bytes before the free.
func compareCopy() bool {
	p := C.CString("hello")
	s := strings.Clone(unsafe.String((*byte)(unsafe.Pointer(p)), 5))
	C.free(unsafe.Pointer(p))
	return s == "hello"
}

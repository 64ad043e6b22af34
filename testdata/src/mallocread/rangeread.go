package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// sumRange ranges over C memory nobody wrote. SSA gives the element load of a range loop no
// position: the read is reported where the body uses the element.
func sumRange(n int) (t int64) {
	p := unsafe.Slice((*int64)(C.malloc(C.size_t(8*n))), n)
	defer C.free(unsafe.Pointer(&p[0]))
	for _, x := range p {
		t += x // want `read of C.malloc'd memory before any write`
	}
	return t
}

// sumRangeTwin zeroes the memory first.
func sumRangeTwin(n int) (t int64) {
	p := unsafe.Slice((*int64)(C.calloc(C.size_t(n), 8)), n)
	defer C.free(unsafe.Pointer(&p[0]))
	for _, x := range p {
		t += x
	}
	return t
}

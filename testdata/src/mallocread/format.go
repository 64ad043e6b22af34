package mallocread

// #include <stdlib.h>
import "C"

import (
	"fmt"
	"unsafe"
)

// printUnwritten formats bytes nothing wrote.
func printUnwritten() {
	p := C.malloc(16)
	defer C.free(p)
	fmt.Printf("%x\n", unsafe.Slice((*byte)(p), 16)) // want `call to fmt.Printf reads C.malloc'd memory before any write`
}

// printWritten is fine: clear wrote every byte.
func printWritten() {
	p := C.malloc(16)
	defer C.free(p)
	b := unsafe.Slice((*byte)(p), 16)
	clear(b)
	fmt.Printf("%x\n", b)
}

// compareUnwritten compares bytes nothing wrote.
func compareUnwritten() bool {
	p := C.malloc(4)
	defer C.free(p)
	return unsafe.String((*byte)(p), 4) == "abcd" // want `comparison reads C.malloc'd memory before any write`
}

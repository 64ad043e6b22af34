package cfree

// #include <stdlib.h>
import "C"

import (
	"fmt"
	"log"
	"unsafe"
)

// fmt and log format every operand: a slice or string operand's bytes are read.

func printFreed() {
	p := C.malloc(8)
	b := unsafe.Slice((*byte)(p), 8)
	b[0] = 'x'
	C.free(p)
	fmt.Printf("%s\n", b) // want `call to fmt.Printf reads C.malloc'd memory after it was freed by C.free on line 18`
}

func sprintFreed() string {
	p := C.CString("name")
	s := unsafe.String((*byte)(unsafe.Pointer(p)), 4)
	C.free(unsafe.Pointer(p))
	return fmt.Sprint("user ", s) // want `call to fmt.Sprint reads C.CString's memory after it was freed by C.free on line 25`
}

func logFreed() {
	p := C.malloc(8)
	b := unsafe.Slice((*byte)(p), 8)
	clear(b)
	C.free(p)
	log.Printf("%x", b) // want `call to log.Printf reads C.malloc'd memory after it was freed by C.free on line 33`
}

// printBefore is fine: the bytes are formatted before the free.
func printBefore() {
	p := C.malloc(8)
	defer C.free(p)
	b := unsafe.Slice((*byte)(p), 8)
	clear(b)
	fmt.Printf("%s\n", b)
}

// printLen is fine: the length is not the memory.
func printLen() {
	p := C.malloc(8)
	b := unsafe.Slice((*byte)(p), 8)
	C.free(p)
	fmt.Println(len(b))
}

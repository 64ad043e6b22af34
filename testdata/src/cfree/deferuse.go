package cfree

// #include <stdlib.h>
import "C"

import (
	"log"
	"unsafe"
)

// A deferred call reads memory when it runs, at the return: after what the body freed.

func loggedAfterFree() {
	p := C.malloc(8)
	*(*byte)(p) = 1
	defer func() { log.Printf("%x", *(*byte)(p)) }() // want `deferred call, which runs at the return, reads C.malloc'd memory after it was freed by C.free on line 17`
	C.free(p)
}

// loggedBeforeFree is fine: defers run last in, first out, so the log runs before the free.
func loggedBeforeFree() {
	p := C.malloc(8)
	*(*byte)(p) = 1
	defer C.free(p)
	defer func() { log.Printf("%x", *(*byte)(p)) }()
}

// loggedReplaced is fine: the closure reads p when it runs, and p holds a new block by then.
func loggedReplaced() {
	p := C.malloc(8)
	*(*byte)(p) = 1
	defer func() { log.Printf("%x", *(*byte)(p)) }()
	C.free(p)
	p = C.malloc(8)
	*(*byte)(p) = 2
}

var _ = unsafe.Pointer(nil)

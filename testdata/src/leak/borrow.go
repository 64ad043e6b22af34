package leak

// #include <stdlib.h>
// #include <string.h>
// static int open_it(const char *p) { return p[0] == 'x'; }
// static int keep(char *p) { return p != 0; }
import "C"

import (
	"errors"
	"unsafe"
)

var errOpen = errors.New("open failed")

// openName passes the name to a C function, then frees it itself: the C call borrowed it, and
// the error return skips the free.
func openName(name string) error {
	cname := C.CString(name)
	if rc := C.open_it(cname); rc != 0 {
		return errOpen // want `return loses C.CString's memory allocated on line 19`
	}
	C.free(unsafe.Pointer(cname))
	return nil
}

// openNameTwin frees on every path.
func openNameTwin(name string) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	if rc := C.open_it(cname); rc != 0 {
		return errOpen
	}
	return nil
}

// copyIn fills C memory with memcpy, then returns early on a check made too late.
func copyIn(src []byte) error {
	p := C.malloc(C.size_t(len(src)))
	C.memcpy(p, unsafe.Pointer(&src[0]), C.size_t(len(src)))
	if len(src) > 10 {
		return errOpen // want `return loses C.malloc'd memory allocated on line 39`
	}
	C.free(p)
	return nil
}

// copyInTwin checks before it allocates.
func copyInTwin(src []byte) error {
	if len(src) > 10 {
		return errOpen
	}
	p := C.malloc(C.size_t(len(src)))
	C.memcpy(p, unsafe.Pointer(&src[0]), C.size_t(len(src)))
	C.free(p)
	return nil
}

// handOver gives the string to C, which keeps it: nothing here frees it, so the C call may own
// it. Silent.
func handOver(name string) {
	cname := C.CString(name)
	C.keep(cname)
}

// freeBeforeCall frees on one branch before the C call: the call does not borrow what it never
// receives freed, and every path hands the memory on. Silent.
func freeBeforeCall(name string, skip bool) {
	cname := C.CString(name)
	if skip {
		C.free(unsafe.Pointer(cname))
		return
	}
	C.keep(cname)
}

// registerHandler gives the handler to C, which keeps it on success; it frees it only when
// registering fails: ownership passes on success, and the return of nil loses nothing. Silent.
func registerHandler(name string) error {
	h := C.CString(name)
	if rc := C.keep(h); rc == 0 {
		C.free(unsafe.Pointer(h))
		return errOpen
	}
	return nil
}

// registerTwice frees on failure and again after a second use on success: the C call
// borrowed it, and the early return of the second check loses it.
func registerTwice(name string) error {
	h := C.CString(name)
	if rc := C.open_it(h); rc == 0 {
		C.free(unsafe.Pointer(h))
		return errOpen
	}
	if len(name) > 8 {
		return errOpen // want `return loses C.CString's memory allocated on line 91`
	}
	C.free(unsafe.Pointer(h))
	return nil
}

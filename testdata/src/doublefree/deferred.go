package doublefree

// #include <stdlib.h>
// static int checkName(char *s) { return s[0] == 0 ? -1 : 0; }
import "C"

import (
	"errors"
	"sync"
	"unsafe"
)

// A release done explicitly while a defer will do it again at the return.

var errBadName = errors.New("bad name")

// registerName frees on its error path what the defer frees again.
func registerName(name string) error {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	if C.checkName(cs) < 0 {
		C.free(unsafe.Pointer(cs)) // want `free of C.CString's memory, which the deferred call on line 20 frees again when the function returns`
		return errBadName
	}
	return nil
}

// registerNameOnce is fine: the defer alone frees.
func registerNameOnce(name string) error {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	if C.checkName(cs) < 0 {
		return errBadName
	}
	return nil
}

// registerNameCleared is fine: the deferred closure reads cs when the function returns, and
// the error path has set it to nil by then.
func registerNameCleared(name string) error {
	cs := C.CString(name)
	defer func() {
		if cs != nil {
			C.free(unsafe.Pointer(cs))
		}
	}()
	if C.checkName(cs) < 0 {
		C.free(unsafe.Pointer(cs))
		cs = nil
		return errBadName
	}
	return nil
}

var blocks = sync.Pool{New: func() any { return new([64]byte) }}

// putTwiceDeferred hands the block to the pool on the error path, and the defer hands it again: two
// later Gets return the same block.
func putTwiceDeferred(fail bool) error {
	b := blocks.Get().(*[64]byte)
	defer blocks.Put(b)
	if fail {
		blocks.Put(b) // want `sync.Pool.Put of the sync.Pool object, which the deferred call on line 61 puts back again when the function returns`
		return errBadName
	}
	b[0] = 1
	return nil
}

type cregion struct{ data unsafe.Pointer }

func openCRegion() *cregion { return &cregion{data: C.malloc(64)} }

func (r *cregion) Close() error {
	C.free(r.data)
	return nil
}

// closeTwiceDeferred is `defer f.Close(); return f.Close()`, harmless for an *os.File but a double free
// when Close releases memory.
func closeTwiceDeferred() error {
	r := openCRegion()
	defer r.Close()
	return r.Close() // want `free of the memory r.data points to, which the deferred call on line 83 frees again when the function returns`
}

// closeOnceDeferred is fine.
func closeOnceDeferred() error {
	r := openCRegion()
	return r.Close()
}

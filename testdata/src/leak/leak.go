// Package leak: manual memory lost at a return, each case beside its corrected twin.
package leak

// #include <stdlib.h>
// #include <string.h>
import "C"

import (
	"errors"
	"syscall"
	"unsafe"
)

var errTooLong = errors.New("too long")

func earlyReturn(s string, max int) error {
	cs := C.CString(s)
	if len(s) > max {
		return errTooLong // want `return loses C.CString's memory allocated on line 17`
	}
	C.free(unsafe.Pointer(cs))
	return nil
}

// earlyReturnTwin is fine: the check comes before the allocation.
func earlyReturnTwin(s string, max int) error {
	if len(s) > max {
		return errTooLong
	}
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	return nil
}

func fallsOffEnd(n int) {
	p := C.malloc(C.size_t(n))
	*(*byte)(p) = 1
} // want `return loses C.malloc'd memory allocated on line 36`

// nilCheck is fine: where p is nil, nothing was allocated.
func nilCheck(n int) error {
	p := C.malloc(C.size_t(n))
	if p == nil {
		return errTooLong
	}
	C.free(p)
	return nil
}

// returned is fine: the caller owns the memory.
func returned(n int) (unsafe.Pointer, error) {
	p := C.malloc(C.size_t(n))
	if n > 64 {
		return p, errTooLong
	}
	return p, nil
}

type holder struct{ p unsafe.Pointer }

// stored is fine: the holder owns it now.
func stored(h *holder, n int) {
	h.p = C.malloc(C.size_t(n))
}

// handedOn is fine: a call that receives the memory may take ownership of it.
func handedOn(n int, take func(unsafe.Pointer)) {
	p := C.malloc(C.size_t(n))
	take(p)
}

// deferredClosure is fine: the closure frees what p holds when the function returns.
func deferredClosure(n int) error {
	var p unsafe.Pointer
	defer func() { C.free(p) }()
	p = C.malloc(C.size_t(n))
	if n > 64 {
		return errTooLong
	}
	return nil
}

func mmapped(fd, n int) error {
	b, err := syscall.Mmap(fd, 0, n, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return err // a failed Mmap maps nothing
	}
	if b[0] != 0x7f {
		return errTooLong // want `return loses the mmap'd region allocated on line 84`
	}
	return syscall.Munmap(b)
}

// mmappedTwin is fine: every path unmaps.
func mmappedTwin(fd, n int) error {
	b, err := syscall.Mmap(fd, 0, n, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return err
	}
	defer syscall.Munmap(b)
	if b[0] != 0x7f {
		return errTooLong
	}
	return nil
}

// cgoCall is fine: C.memset receives p through cgo's wrapper, and may keep it for all the
// analysis knows; the free after it is on the only path.
func cgoCall(n int) {
	p := C.malloc(C.size_t(n))
	C.memset(p, 0, C.size_t(n))
	C.free(p)
}

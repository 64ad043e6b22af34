package uintptrheld

// #include <stdlib.h>
import "C"

import (
	"syscall"
	"unsafe"
)

type winsize struct{ row, col, x, y uint16 }

// ioctl takes its argument as a uintptr and passes it on to syscall.Syscall: the compiler keeps
// the object alive only for a uintptr(unsafe.Pointer(p)) written in syscall.Syscall's own call.
func ioctl(fd, req, arg uintptr) syscall.Errno {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, arg)
	return e
}

func winSize(fd uintptr) winsize {
	var ws winsize
	ioctl(fd, syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws))) // want `address of Go memory passed as a uintptr to ioctl, which passes it to syscall.Syscall on line 16`
	return ws
}

// ioctlPtr is the fix x/sys made: the argument stays a pointer until the system call.
func ioctlPtr(fd, req uintptr, arg unsafe.Pointer) syscall.Errno {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, uintptr(arg))
	return e
}

func winSizeTwin(fd uintptr) winsize {
	var ws winsize
	ioctlPtr(fd, syscall.TIOCGWINSZ, unsafe.Pointer(&ws))
	return ws
}

// ioctlEscapes is the other fix: the directive makes the compiler keep the argument's object
// alive for the call.
//
//go:uintptrescapes
func ioctlEscapes(fd, req, arg uintptr) syscall.Errno {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, arg)
	return e
}

func winSizeEscapes(fd uintptr) winsize {
	var ws winsize
	ioctlEscapes(fd, syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))
	return ws
}

// getAt converts its uintptr back to a pointer, at an offset.
func getAt(base uintptr, i int) int32 {
	return *(*int32)(unsafe.Pointer(base + uintptr(i)*4))
}

// readVia passes the integer to getAt through one more wrapper.
func readVia(u uintptr) int32 { return getAt(u, 1) }

func sumPair() int32 {
	p := new([2]int32)
	return readVia(uintptr(unsafe.Pointer(p))) // want `passed as a uintptr to readVia, which passes it to getAt, which needs a pointer`
}

// sumPairLocal uses the object after the call, but nothing else keeps its pointer: it lives on
// the stack, which moves if getAt's frame grows it.
func sumPairLocal() int32 {
	p := new([2]int32)
	s := getAt(uintptr(unsafe.Pointer(p)), 1) // want `passed as a uintptr to getAt, which converts it back to a pointer`
	return s + p[0]
}

var lastPair *[2]int32

// sumPairKept keeps the object on the heap (a package variable holds it) and uses it after the
// call: it stays where it is, and reachable.
func sumPairKept() int32 {
	p := new([2]int32)
	lastPair = p
	s := getAt(uintptr(unsafe.Pointer(p)), 1)
	return s + p[0]
}

// sumC passes C memory, which never moves and needs nothing to keep it alive.
func sumC() int32 {
	p := C.malloc(8)
	defer C.free(p)
	return getAt(uintptr(p), 1)
}

// hash only does arithmetic on its integer: no pointer again.
func hash(u uintptr) uintptr { return u*31 + 7 }

func hashOf() uintptr {
	var x int
	return hash(uintptr(unsafe.Pointer(&x)))
}

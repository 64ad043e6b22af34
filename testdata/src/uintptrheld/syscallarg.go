package uintptrheld

// #include <stdlib.h>
import "C"

import (
	"fmt"
	"syscall"
	"unsafe"
)

// A system call's uintptr argument keeps its object alive, and in place, only when the
// conversion is written in the call's own arguments (unsafe.Pointer rule 4).

func logf(format string, args ...any) { fmt.Printf(format, args...) }

// wakeHeld converts before a call that may grow the stack: the counter, on the stack, may move.
func wakeHeld(fd int) {
	var one uint64 = 1
	ptr := uintptr(unsafe.Pointer(&one))
	logf("waking %d\n", fd)
	syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), ptr, 8) // want `address of Go memory converted to a uintptr on line 20 is passed to syscall.Syscall after other calls ran`
}

// wakeInline is the fix: the conversion is in the call.
func wakeInline(fd int) {
	var one uint64 = 1
	logf("waking %d\n", fd)
	syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), uintptr(unsafe.Pointer(&one)), 8)
}

// wakeAdjacent is fine: nothing runs between the conversion and the call, so the stack cannot
// move and the collector cannot free what the function still holds.
func wakeAdjacent(fd int) {
	var one uint64 = 1
	ptr := uintptr(unsafe.Pointer(&one))
	syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), ptr, 8)
}

// wakeC is fine: C memory does not move.
func wakeC(fd int) {
	p := C.malloc(8)
	defer C.free(p)
	ptr := uintptr(p)
	logf("waking %d\n", fd)
	syscall.Syscall(syscall.SYS_WRITE, uintptr(fd), ptr, 8)
}

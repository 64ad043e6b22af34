// Package uintptrheld: addresses kept in uintptrs, and reflect headers built as values.
package uintptrheld

import (
	"reflect"
	"syscall"
	"unsafe"
)

func held() *int64 {
	x := new(int64)
	u := uintptr(unsafe.Pointer(x))
	u += 8
	return (*int64)(unsafe.Pointer(u - 8)) // want `address held in a uintptr since line 12 is converted back to a pointer`
}

// heldParam: a *int64 parameter points into Go memory, which may move (the caller's stack).
func heldParam(p *int64) *int64 {
	u := uintptr(unsafe.Pointer(p))
	return (*int64)(unsafe.Pointer(u)) // want `address held in a uintptr since line 19 is converted back`
}

// heldUnsafeParam is not reported: an unsafe.Pointer parameter may point into memory that
// never moves (C, mmap), which needs nothing to keep it alive (see isGoPointer).
func heldUnsafeParam(p unsafe.Pointer) *int64 {
	u := uintptr(p)
	return (*int64)(unsafe.Pointer(u))
}

// oneExpression is fine: rule 3, arithmetic within one expression.
func oneExpression(a *[4]int32) *int32 {
	return (*int32)(unsafe.Pointer(uintptr(unsafe.Pointer(a)) + 4))
}

// syscallArg is fine: rule 4, the conversion is in the call's argument list.
func syscallArg(b []byte) {
	syscall.Syscall(syscall.SYS_WRITE, 1, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
}

// fromUnknown is fine: u may hold the address of memory that never moves (mmap, C).
func fromUnknown(u uintptr) unsafe.Pointer {
	return unsafe.Pointer(u)
}

func headerValue(a []byte) []byte {
	h := reflect.SliceHeader{Data: uintptr(unsafe.Pointer(&a[0])), Len: len(a), Cap: len(a)} // want `reflect.SliceHeader built as a value`
	return *(*[]byte)(unsafe.Pointer(&h))
}

// headerView is fine: rule 6, the header views a real slice.
func headerView(a []byte, p *byte) []byte {
	var s []byte
	h := (*reflect.SliceHeader)(unsafe.Pointer(&s))
	h.Data = uintptr(unsafe.Pointer(p))
	h.Len, h.Cap = len(a), len(a)
	return s
}

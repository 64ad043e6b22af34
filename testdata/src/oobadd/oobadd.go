// Package oobadd: unsafe.Add and uintptr arithmetic outside their allocation, each beside its
// corrected twin.
package oobadd

// #include <stdlib.h>
import "C"

import "unsafe"

func offByOne(n int) {
	p := C.malloc(C.size_t(n))
	defer C.free(p)
	for i := 0; i <= n; i++ {
		*(*byte)(unsafe.Add(p, i)) = 0 // want `unsafe.Add may reach byte n of an n-byte allocation \(allocated on line 11\)`
	}
}

// inBounds is fine: i < n stops the loop before the end.
func inBounds(n int) {
	p := C.malloc(C.size_t(n))
	defer C.free(p)
	for i := 0; i < n; i++ {
		*(*byte)(unsafe.Add(p, i)) = 0
	}
}

func rangeOverN(n int) {
	p := C.malloc(C.size_t(n))
	defer C.free(p)
	for i := range n {
		*(*byte)(unsafe.Add(p, i+1)) = 0 // want `unsafe.Add may reach byte n of an n-byte allocation`
	}
}

// rangeOverNFine is fine: range n yields 0 .. n-1.
func rangeOverNFine(n int) {
	p := C.malloc(C.size_t(n))
	defer C.free(p)
	for i := range n {
		*(*byte)(unsafe.Add(p, i)) = 0
	}
}

func negative() byte {
	var buf [32]byte
	p := unsafe.Pointer(&buf)
	return *(*byte)(unsafe.Add(p, -1)) // want `unsafe.Add reaches byte -1 of a 32-byte allocation`
}

// fromTheMiddle is fine: the negative offset starts from byte 8, so it stays inside.
func fromTheMiddle() byte {
	var buf [32]byte
	p := unsafe.Pointer(&buf[8])
	return *(*byte)(unsafe.Add(p, -8))
}

func pastSmallObject() int32 {
	x := new(int32)
	return *(*int32)(unsafe.Add(unsafe.Pointer(x), 8)) // want `unsafe.Add reaches byte 8 of a 4-byte allocation`
}

// insideObject is fine: byte 4 of an 8-byte struct is its second field.
func insideObject() int32 {
	x := new(struct{ a, b int32 })
	return *(*int32)(unsafe.Add(unsafe.Pointer(x), 4))
}

func onePastTheEnd(s []int64) unsafe.Pointer {
	a := make([]int64, 4)
	copy(a, s)
	return unsafe.Add(unsafe.Pointer(&a[0]), 4*8) // want `unsafe.Add reaches byte 32 of a 32-byte allocation`
}

// lastElement is fine: byte 24 starts the last element.
func lastElement(s []int64) unsafe.Pointer {
	a := make([]int64, 4)
	copy(a, s)
	return unsafe.Add(unsafe.Pointer(&a[0]), 3*8)
}

func uintptrArith() *byte {
	p := C.malloc(16)
	return (*byte)(unsafe.Pointer(uintptr(p) + 16)) // want `pointer arithmetic reaches byte 16 of a 16-byte allocation`
}

// uintptrArithFine is fine: byte 15 is the last one.
func uintptrArithFine() *byte {
	p := C.malloc(16)
	return (*byte)(unsafe.Pointer(uintptr(p) + 15))
}

func guardedWrong(n, i int) byte {
	p := C.malloc(C.size_t(n))
	defer C.free(p)
	if i > n {
		return 0
	}
	return *(*byte)(unsafe.Add(p, i)) // want `unsafe.Add may reach byte n of an n-byte allocation`
}

// guardedRight is fine: i >= n returns first.
func guardedRight(n, i int) byte {
	p := C.malloc(C.size_t(n))
	defer C.free(p)
	if i >= n || i < 0 {
		return 0
	}
	return *(*byte)(unsafe.Add(p, i))
}

// unknownOffset is fine as far as the analysis knows: nothing bounds off, so it stays silent.
func unknownOffset(off int) byte {
	p := C.malloc(64)
	defer C.free(p)
	return *(*byte)(unsafe.Add(p, off))
}

// userAlloc is an allocator whose result size is its parameter, times 8.
func userAlloc(n int) unsafe.Pointer {
	return C.malloc(C.size_t(n) * 8)
}

func throughFact() {
	p := userAlloc(4)
	defer C.free(p)
	*(*int64)(unsafe.Add(p, 32)) = 1 // want `unsafe.Add reaches byte 32 of a 32-byte allocation`
}

// throughFactFine is fine: byte 24 is the last of four words.
func throughFactFine() {
	p := userAlloc(4)
	defer C.free(p)
	*(*int64)(unsafe.Add(p, 24)) = 1
}

// pointerLoop is fine: the loop stops at end without computing a pointer past it.
func pointerLoop(n int) int {
	p := C.calloc(C.size_t(n), 1)
	defer C.free(p)
	sum := 0
	for i := 0; i < n; i++ {
		sum += int(*(*byte)(unsafe.Add(p, i)))
	}
	return sum
}

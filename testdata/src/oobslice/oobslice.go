// Package oobslice: unsafe.Slice and unsafe.String longer than what remains of their
// allocation, each beside its corrected twin.
package oobslice

// #include <stdlib.h>
import "C"

import (
	"syscall"
	"unsafe"
)

func longerThanMalloc(n int) []byte {
	p := C.malloc(C.size_t(n))
	return unsafe.Slice((*byte)(p), n+1) // want `unsafe.Slice extends to byte n\+1 of an n-byte allocation \(allocated on line 14\)`
}

// exactMalloc is fine: n bytes over n bytes.
func exactMalloc(n int) []byte {
	p := C.malloc(C.size_t(n))
	return unsafe.Slice((*byte)(p), n)
}

func wordsOverBytes(n int) []uint64 {
	p := C.malloc(C.size_t(n))
	return unsafe.Slice((*uint64)(p), n) // want `unsafe.Slice may extend to byte 8\*n of an n-byte allocation`
}

// wordsOverWords is fine: n words over n*8 bytes.
func wordsOverWords(n int) []uint64 {
	p := C.malloc(C.size_t(n) * 8)
	return unsafe.Slice((*uint64)(p), n)
}

func fromOffset() []byte {
	p := C.calloc(16, 1)
	return unsafe.Slice((*byte)(unsafe.Add(p, 8)), 16) // want `unsafe.Slice extends to byte 24 of a 16-byte allocation`
}

// fromOffsetFine is fine: 8 bytes remain after byte 8.
func fromOffsetFine() []byte {
	p := C.calloc(16, 1)
	return unsafe.Slice((*byte)(unsafe.Add(p, 8)), 8)
}

func stringTooLong() string {
	cs := C.CString("hello")
	return unsafe.String((*byte)(unsafe.Pointer(cs)), 7) // want `unsafe.String extends to byte 7 of a 6-byte allocation`
}

// stringWithNul is fine: C.CString("hello") holds 6 bytes with the NUL.
func stringWithNul() string {
	cs := C.CString("hello")
	return unsafe.String((*byte)(unsafe.Pointer(cs)), 6)
}

func overArray() []int32 {
	var a [4]int32
	return unsafe.Slice(&a[0], 5) // want `unsafe.Slice extends to byte 20 of a 16-byte allocation`
}

// overArrayFine is fine: four elements from the first.
func overArrayFine() []int32 {
	var a [4]int32
	return unsafe.Slice(&a[1], 3)
}

func overMmap() []byte {
	b, err := syscall.Mmap(-1, 0, 4096, syscall.PROT_READ, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	return unsafe.Slice(&b[0], 8192) // want `unsafe.Slice extends to byte 8192 of a 4096-byte allocation`
}

// mmapFine is fine: the view is the mapping's length.
func mmapFine() []byte {
	b, err := syscall.Mmap(-1, 0, 4096, syscall.PROT_READ, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	return unsafe.Slice(&b[0], 4096)
}

// unknownLength is fine as far as the analysis knows: n is not bounded.
func unknownLength(n int) []byte {
	p := C.malloc(64)
	return unsafe.Slice((*byte)(p), n)
}

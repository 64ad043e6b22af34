// Package misaligned: conversions at offsets not aligned for their type, each beside its
// corrected twin.
package misaligned

// #include <stdlib.h>
import "C"

import (
	"encoding/binary"
	"unsafe"
)

func wordAtOne() uint64 {
	var buf [16]byte
	return *(*uint64)(unsafe.Pointer(&buf[1])) // want `conversion to \*uint64 at byte 1 of a 16-byte allocation, which is not a multiple of its alignment 8`
}

// wordAtOneFine is fine: it reads the bytes one by one.
func wordAtOneFine() uint64 {
	var buf [16]byte
	return binary.LittleEndian.Uint64(buf[1:])
}

// wordAtEight is fine: byte 8 of an 8-aligned buffer.
func wordAtEight() uint64 {
	var buf [16]byte
	return *(*uint64)(unsafe.Pointer(&buf[8]))
}

func cMemory() *uint32 {
	p := C.malloc(64)
	return (*uint32)(unsafe.Add(p, 6)) // want `conversion to \*uint32 at byte 6 of a 64-byte allocation`
}

// cMemoryFine is fine: malloc aligns for any type, and 8 is a multiple of 4.
func cMemoryFine() *uint32 {
	p := C.malloc(64)
	return (*uint32)(unsafe.Add(p, 8))
}

// smallBuffer is silent: a 4-byte array is only guaranteed byte alignment, so whether byte 2
// is aligned for uint16 depends on where the compiler puts it.
func smallBuffer() uint16 {
	var b [4]byte
	return *(*uint16)(unsafe.Pointer(&b[2]))
}

// unknownOffset is silent: the offset is not known exactly.
func unknownOffset(i int) uint32 {
	var buf [64]byte
	return *(*uint32)(unsafe.Pointer(&buf[i&^3]))
}

// wordsAtFour converts at byte 4 of a [2]uint64: every variable of that type is 8-aligned.
func wordsAtFour() uint64 {
	var a [2]uint64
	return *(*uint64)(unsafe.Add(unsafe.Pointer(&a[0]), 4)) // want `conversion to \*uint64 at byte 4 of a 16-byte allocation, which is not a multiple of its alignment 8`
}

// wordsAtEight is fine: the second element.
func wordsAtEight() uint64 {
	var a [2]uint64
	return *(*uint64)(unsafe.Add(unsafe.Pointer(&a[0]), 8))
}

// halvesAtFour is fine: a [4]uint32 is 4-aligned, and byte 4 is a multiple of 4.
func halvesAtFour() uint32 {
	a := make([]uint32, 4)
	return *(*uint32)(unsafe.Add(unsafe.Pointer(&a[0]), 4))
}

func sliceAtTwo() uint32 {
	a := make([]uint32, 4)
	return *(*uint32)(unsafe.Add(unsafe.Pointer(&a[0]), 2)) // want `conversion to \*uint32 at byte 2 of a 16-byte allocation, which is not a multiple of its alignment 4`
}

// genericSilent is silent: the layout of [2]T depends on T.
func genericSilent[T any]() uint64 {
	var a [2]T
	return *(*uint64)(unsafe.Add(unsafe.Pointer(&a[0]), 4))
}

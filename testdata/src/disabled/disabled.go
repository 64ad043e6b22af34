// Package disabled: the ptrarith test runs it with -ptrarith.disable=misaligned; the misaligned
// conversion is not reported, the out-of-bounds one still is.
package disabled

import "unsafe"

func misalignedNotReported() uint64 {
	var buf [16]byte
	return *(*uint64)(unsafe.Pointer(&buf[1]))
}

func oobStillReported() byte {
	var buf [16]byte
	return *(*byte)(unsafe.Add(unsafe.Pointer(&buf[0]), 16)) // want `unsafe.Add reaches byte 16 of a 16-byte allocation`
}

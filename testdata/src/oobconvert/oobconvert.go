// Package oobconvert: conversions to a type larger than what remains of the object, each beside
// its corrected twin.
package oobconvert

import "unsafe"

func bytesOfInt32() byte {
	var x32 int32
	return (*[8]byte)(unsafe.Pointer(&x32))[0] // want `conversion to \*\[8\]byte needs 8 bytes but only 4 remain at byte 0 of a 4-byte allocation`
}

// bytesOfInt32Fine is fine: four bytes of a four-byte int32.
func bytesOfInt32Fine() byte {
	var x32 int32
	return (*[4]byte)(unsafe.Pointer(&x32))[0]
}

func wordAtEveryIndex(b []byte) (sum uint64) {
	for i := range b {
		sum ^= *(*uint64)(unsafe.Pointer(&b[i])) // want `conversion to \*uint64 needs 8 bytes but as few as 1 may remain at byte len\(b\)-1 of b \(len\(b\) bytes\)`
	}
	return sum
}

func wordAtIndexUnguarded(b []byte, i int) uint64 {
	if i < len(b) {
		return *(*uint64)(unsafe.Pointer(&b[i])) // want `conversion to \*uint64 needs 8 bytes but as few as 1 may remain at byte len\(b\)-1 of b`
	}
	return 0
}

// wordAtIndexGuarded is fine: i+8 <= len(b) leaves eight bytes at i.
func wordAtIndexGuarded(b []byte, i int) uint64 {
	if i+8 <= len(b) {
		return *(*uint64)(unsafe.Pointer(&b[i]))
	}
	return 0
}

// wordAtOpaqueIndex is silent: only the bounds check of b[i] bounds i, and an opaque index is
// the caller's business (its contract may be i+8 <= len(b)); the model has seen no path.
func wordAtOpaqueIndex(b []byte, i int) uint64 {
	return *(*uint64)(unsafe.Pointer(&b[i]))
}

func sumWords(b []byte) (sum uint64) {
	for i := 0; i < len(b); i += 8 {
		sum += *(*uint64)(unsafe.Pointer(&b[i])) // want `conversion to \*uint64 needs 8 bytes but as few as 1 may remain`
	}
	return sum
}

// sumWordsFine is fine: the loop condition leaves eight bytes for each word.
func sumWordsFine(b []byte) (sum uint64) {
	for i := 0; i+8 <= len(b); i += 8 {
		sum += *(*uint64)(unsafe.Pointer(&b[i]))
	}
	return sum
}

// sumWordsDivided is fine: i < len(b)/8 keeps 8*i+8 within len(b). The analysis cannot relate
// len(b)/8 to len(b), so the guard it cannot read keeps it silent.
func sumWordsDivided(b []byte) (sum uint64) {
	for i := 0; i < len(b)/8; i++ {
		sum += *(*uint64)(unsafe.Pointer(&b[i*8]))
	}
	return sum
}

// checkedFirst is fine: the bounds check of b[7] proves eight bytes.
func checkedFirst(b []byte) uint64 {
	_ = b[7]
	return *(*uint64)(unsafe.Pointer(&b[0]))
}

// firstOfUnknown is silent: nothing says how long b is, and the caller may know.
func firstOfUnknown(b []byte) uint64 {
	return *(*uint64)(unsafe.Pointer(&b[0]))
}

type header struct {
	kind uint8
	n    uint32
}

func headerOfShortBuffer() uint32 {
	buf := make([]byte, 4)
	h := (*header)(unsafe.Pointer(&buf[0])) // want `conversion to \*header needs 8 bytes but only 4 remain at byte 0 of a 4-byte allocation`
	return h.n
}

// headerOfBuffer is fine: the buffer holds a header.
func headerOfBuffer() uint32 {
	buf := make([]byte, unsafe.Sizeof(header{}))
	h := (*header)(unsafe.Pointer(&buf[0]))
	return h.n
}

func tailOfArray() uint32 {
	var a [6]byte
	return *(*uint32)(unsafe.Pointer(&a[4])) // want `conversion to \*uint32 needs 4 bytes but only 2 remain at byte 4 of a 6-byte allocation`
}

// tailOfArrayFine is fine: two bytes at byte 4 of six.
func tailOfArrayFine() uint16 {
	var a [6]byte
	return *(*uint16)(unsafe.Pointer(&a[4]))
}

// wordsOfArray is fine: i steps by 8 from 0, so it is at most 56 below 64.
func wordsOfArray(a *[64]byte) (sum uint64) {
	for i := 0; i < len(a); i += 8 {
		sum += *(*uint64)(unsafe.Pointer(&a[i]))
	}
	return sum
}

func wordsOfOddArray(a *[60]byte) (sum uint64) {
	for i := 0; i < len(a); i += 8 {
		sum += *(*uint64)(unsafe.Pointer(&a[i])) // want `conversion to \*uint64 needs 8 bytes but as few as 4 may remain at byte 56`
	}
	return sum
}

// maskedIndex is fine: i&^3 is a multiple of 4, at most 60 in a 64-byte array.
func maskedIndex(i int) uint32 {
	var buf [64]byte
	return *(*uint32)(unsafe.Pointer(&buf[i&^3]))
}

// tailAfterStatedMinimum reads a word where the program's own guard admits four bytes: the tail
// read of hashing code.
func tailAfterStatedMinimum(b []byte) uint64 {
	if len(b) < 4 {
		return 0
	}
	return *(*uint64)(unsafe.Pointer(&b[0])) // want `conversion to \*uint64 needs 8 bytes but as few as 4 may remain at byte 0 of b \(len\(b\) bytes\)`
}

// tailAfterStatedMinimumFine is fine: its guard admits eight bytes or more.
func tailAfterStatedMinimumFine(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return *(*uint64)(unsafe.Pointer(&b[0]))
}

func stringTail(s string) uint32 {
	if len(s) >= 2 {
		return *(*uint32)(unsafe.Pointer(unsafe.StringData(s))) // want `conversion to \*uint32 needs 4 bytes but as few as 2 may remain at byte 0 of s`
	}
	return 0
}

// nonEmpty is silent: a check for emptiness says nothing of the size the read needs, and other
// conditions (len(b)%8 == 0, in std's reflect) may bound it in ways the model cannot read.
func nonEmpty(b []byte) uint64 {
	if len(b) == 0 {
		return 0
	}
	return *(*uint64)(unsafe.Pointer(&b[0]))
}

func tailAfterWordLoop(b []byte) (h uint64) {
	for len(b) >= 8 {
		h ^= *(*uint64)(unsafe.Pointer(&b[0]))
		b = b[8:]
	}
	if len(b) > 0 {
		h ^= *(*uint64)(unsafe.Pointer(&b[0])) // want `conversion to \*uint64 needs 8 bytes but at most 7 remain at byte 0 of b`
	}
	return h
}

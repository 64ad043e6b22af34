// Package needs: accesses made by helpers with their callers' arguments. The helper cannot know
// the allocation; the caller does. Each bad call is reported at the access in the helper, with
// the call as its witness, beside a corrected twin.
package needs

// #include <stdlib.h>
import "C"

import "unsafe"

// at reads the i-th 8-byte word of p. Its bounds are its callers' duty.
func at(p unsafe.Pointer, i int) uint64 {
	return *(*uint64)(unsafe.Add(p, 8*i)) // want `unsafe.Add reaches byte 64 of a 64-byte allocation \(allocated on line 17, when called from line 18\)` `unsafe.Add may reach byte 8\*n of an 8\*n-byte allocation \(allocated on line 32, when called from line 35\)` `unsafe.Add reaches byte 64 of a 64-byte allocation \(allocated on line 54, when called from line 56\)`
}

func wordPastTheEnd() uint64 {
	p := C.malloc(64)
	v := at(p, 8)
	C.free(p)
	return v
}

// wordPastTheEndFine is fine: word 7 is the last of eight.
func wordPastTheEndFine() uint64 {
	p := C.malloc(64)
	v := at(p, 7)
	C.free(p)
	return v
}

func sumOneTooMany(n int) (s uint64) {
	p := C.malloc(C.size_t(8 * n))
	defer C.free(p)
	for i := 0; i <= n; i++ {
		s += at(p, i)
	}
	return s
}

// sumFine is fine: i < n words of an 8*n-byte allocation.
func sumFine(n int) (s uint64) {
	p := C.malloc(C.size_t(8 * n))
	defer C.free(p)
	for i := 0; i < n; i++ {
		s += at(p, i)
	}
	return s
}

// next reads the word after i: its need is at's, passed on in its own parameters.
func next(p unsafe.Pointer, i int) uint64 { return at(p, i+1) }

func nextPastTheEnd() uint64 {
	p := C.malloc(64)
	defer C.free(p)
	return next(p, 7)
}

// nextFine is fine: the word after word 6 is word 7.
func nextFine() uint64 {
	p := C.malloc(64)
	defer C.free(p)
	return next(p, 6)
}

// le32 reads four bytes at off of b; the index check proves only that one byte is there.
func le32(b []byte, off int) uint32 {
	return *(*uint32)(unsafe.Pointer(&b[off])) // want `conversion to \*uint32 needs 4 bytes but only 2 remain at byte 14 of a 16-byte allocation \(allocated on line 72, when called from line 73\)`
}

func tailWord() uint32 {
	buf := make([]byte, 16)
	return le32(buf, 14)
}

// tailWordFine is fine: bytes 12 to 15.
func tailWordFine() uint32 {
	buf := make([]byte, 16)
	return le32(buf, 12)
}

// bytesOf views n bytes at p.
func bytesOf(p unsafe.Pointer, n int) []byte {
	return unsafe.Slice((*byte)(p), n) // want `unsafe.Slice extends to byte 33 of a 32-byte allocation`
}

func viewTooLong() byte {
	p := C.malloc(32)
	defer C.free(p)
	return bytesOf(p, 33)[0]
}

// viewFine is fine: all 32 bytes.
func viewFine() byte {
	p := C.malloc(32)
	defer C.free(p)
	return bytesOf(p, 32)[0]
}

// atChecked checks its index itself: the early return is what keeps it in bounds, so it needs
// nothing of its callers.
func atChecked(p unsafe.Pointer, i, n int) uint64 {
	if i >= n {
		return 0
	}
	return *(*uint64)(unsafe.Add(p, 8*i))
}

// checkedFine is fine: atChecked returns 0 for word 8 of 8.
func checkedFine() uint64 {
	p := C.malloc(64)
	defer C.free(p)
	return atChecked(p, 8, 8)
}

// opaqueFine is silent: the caller knows nothing of p's size either.
func opaqueFine(p unsafe.Pointer) uint64 { return at(p, 100) }

type small struct{ a, b int64 }

type large struct {
	small
	c [8]int64
}

// asLarge views a small as a large on purpose, as its pragma says: it is not a need.
//
//go:nocheckptr
func asLarge(s *small) *large { return (*large)(unsafe.Pointer(s)) }

// largeViewSilent is silent: asLarge's author opted out of checkptr, and only small's fields are read.
func largeViewSilent() int64 { return asLarge(new(small)).a }

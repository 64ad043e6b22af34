package oobconvert

import "unsafe"

// What remains, stated as a difference: len(b)-i < 8 is i > len(b)-8 on its true edge.

// wordsRemaining is fine: the loop bound says i < len(b), the guard inside it that 8 remain.
func wordsRemaining(b []byte) (h uint64) {
	for i := 0; i < len(b); i += 8 {
		if len(b)-i < 8 {
			break
		}
		h ^= *(*uint64)(unsafe.Pointer(&b[i]))
	}
	return h
}

// wordsRemainingShort checks for 4 bytes and reads 8.
func wordsRemainingShort(b []byte) (h uint64) {
	for i := 0; i < len(b); i += 8 {
		if len(b)-i < 4 {
			break
		}
		h ^= *(*uint64)(unsafe.Pointer(&b[i])) // want `conversion to \*uint64 needs 8 bytes but as few as 4 may remain at byte len\(b\)-4 of b`
	}
	return h
}

// loadAt is fine: off is inside b, and 8 bytes remain from it.
func loadAt(b []byte, off int) uint64 {
	if off < 0 || off >= len(b) {
		return 0
	}
	if rem := len(b) - off; rem < 8 {
		return 0
	}
	return *(*uint64)(unsafe.Pointer(&b[off]))
}

// loadAtShort leaves room for a uint32 and reads a uint64.
func loadAtShort(b []byte, off int) uint64 {
	if off < 0 || off >= len(b) {
		return 0
	}
	if 4 > len(b)-off {
		return 0
	}
	return *(*uint64)(unsafe.Pointer(&b[off])) // want `as few as 4 may remain at byte len\(b\)-4 of b`
}

// tailOfSuffix: the suffix's length has no name a reader knows; the message says so rather
// than printing a size.
func tailOfSuffix(b []byte, off int) uint64 {
	b = b[off:]
	if len(b) < 4 {
		return 0
	}
	return *(*uint64)(unsafe.Pointer(&b[0])) // want `conversion to \*uint64 may reach 4 bytes past the end of the slice$`
}

// minRemaining is fine: min(len(b)-off, 8) is 8 only if 8 bytes remain.
func minRemaining(b []byte, off int) uint64 {
	if off < 0 || off >= len(b) {
		return 0
	}
	n := min(len(b)-off, 8)
	if n == 8 {
		return *(*uint64)(unsafe.Pointer(&b[off]))
	}
	return 0
}

// minRemainingShort checks for 4 of them.
func minRemainingShort(b []byte, off int) uint64 {
	if off < 0 || off >= len(b) {
		return 0
	}
	if n := min(len(b)-off, 8); n >= 4 {
		return *(*uint64)(unsafe.Pointer(&b[off])) // want `as few as 4 may remain at byte len\(b\)-4 of b`
	}
	return 0
}

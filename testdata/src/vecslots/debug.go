package vecslots

import "unsafe"

// Patterns that vecdebug builds write over Raw memory holding no element.
// They are jemalloc's: a stale read shows 0xa5a5... for memory allocated but
// not yet written (or vacated by Pop and Truncate), 0x5a5a... for memory freed.
const (
	uninitByte byte = 0xa5
	freedByte  byte = 0x5a
)

// memory returns the n bytes at p as a slice.
// The caller must own [p, p+n) for as long as it uses the slice.
func memory(p unsafe.Pointer, n uintptr) []byte {
	// The caller owns the n bytes at p.
	return unsafe.Slice((*byte)(p), n)
}

// fill sets every byte of b to c.
func fill(b []byte, c byte) {
	for i := range b {
		b[i] = c
	}
}

// firstNot returns the index of the first byte of b that is not c, or -1.
func firstNot(b []byte, c byte) int {
	for i, x := range b {
		if x != c {
			return i
		}
	}
	return -1
}

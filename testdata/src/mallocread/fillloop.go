package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// Writes at indexes that are not constants: a fill loop covers the slots its bound lets it
// reach, and a read past them, or below where it starts, reads what nobody wrote.

// fillShort stops one slot early (i < n-1) and returns the slot it left out.
func fillShort(n int) uint64 {
	p := (*[1 << 20]uint64)(C.malloc(C.size_t(8 * n)))
	defer C.free(unsafe.Pointer(p))
	for i := 0; i < n-1; i++ {
		p[i] = uint64(i)
	}
	return p[n-1] // want `read of C.malloc'd memory before any write`
}

// fillShortTwin fills every slot it returns.
func fillShortTwin(n int) uint64 {
	p := (*[1 << 20]uint64)(C.malloc(C.size_t(8 * n)))
	defer C.free(unsafe.Pointer(p))
	for i := 0; i < n; i++ {
		p[i] = uint64(i)
	}
	return p[n-1]
}

// fillThenLast writes the last slot after the loop: fine.
func fillThenLast(n int) uint64 {
	p := (*[1 << 20]uint64)(C.malloc(C.size_t(8 * n)))
	defer C.free(unsafe.Pointer(p))
	for i := 0; i < n-1; i++ {
		p[i] = uint64(i)
	}
	p[n-1] = 0
	return p[n-1]
}

// fillRange is fillShort with a range over an integer, and a bound stated with <=.
func fillRange(n int) (uint32, uint32) {
	p := (*[1 << 20]uint32)(C.malloc(C.size_t(4 * n)))
	defer C.free(unsafe.Pointer(p))
	for i := range n - 1 {
		p[i] = 1
	}
	q := (*[1 << 20]uint32)(C.malloc(C.size_t(4 * n)))
	defer C.free(unsafe.Pointer(q))
	for i := 0; i <= n-3; i++ {
		q[i] = 1
	}
	return p[n-1], q[n-2] // want `read of C.malloc'd memory before any write` `read of C.malloc'd memory before any write`
}

// fillFromOne skips slot 0, the header its caller was meant to fill, and reads it.
func fillFromOne(n int) byte {
	b := unsafe.Slice((*byte)(C.malloc(C.size_t(n))), n)
	defer C.free(unsafe.Pointer(&b[0]))
	for i := 1; i < n; i++ {
		b[i] = ' '
	}
	return b[0] // want `read of C.malloc'd memory before any write`
}

// fillFromOneTwin reads only what the loop wrote.
func fillFromOneTwin(n int) byte {
	b := unsafe.Slice((*byte)(C.malloc(C.size_t(n))), n)
	defer C.free(unsafe.Pointer(&b[0]))
	for i := 1; i < n; i++ {
		b[i] = ' '
	}
	return b[n-1]
}

// fillSliceShort is fillShort over a slice view: the bounds check of s[i] bounds i too.
func fillSliceShort(n int) int32 {
	s := unsafe.Slice((*int32)(C.malloc(C.size_t(4*n))), n)
	defer C.free(unsafe.Pointer(&s[0]))
	for i := 0; i < n-1; i++ {
		s[i] = -1
	}
	return s[n-1] // want `read of C.malloc'd memory before any write`
}

// fillMoving is fine to the model: the bound m changes on each round of the outer loop, so
// the slot read may be one an earlier round wrote.
func fillMoving(n int) (sum uint64) {
	p := (*[1 << 20]uint64)(C.malloc(C.size_t(8 * n)))
	defer C.free(unsafe.Pointer(p))
	for m := 1; m < n; m++ {
		for i := 0; i < m-1; i++ {
			p[i] = uint64(i)
		}
		sum += p[m-1]
	}
	return sum
}

// fillUnbounded writes at indexes the model cannot bound: every read after it is silent.
func fillUnbounded(n int, idx []int) uint64 {
	p := (*[1 << 20]uint64)(C.malloc(C.size_t(8 * n)))
	defer C.free(unsafe.Pointer(p))
	for _, i := range idx {
		p[i] = 1
	}
	return p[n-1] + p[0]
}

// fillStride writes every other slot, up to n-2 at most, and reads slot n: past all of it.
func fillStride(n int) uint16 {
	p := (*[1 << 20]uint16)(C.malloc(C.size_t(2 * (n + 1))))
	defer C.free(unsafe.Pointer(p))
	for i := 0; i < n-1; i += 2 {
		p[i] = 7
	}
	return p[n] // want `read of C.malloc'd memory before any write`
}

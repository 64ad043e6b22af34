package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// readThenWrite reads each slot before the same iteration writes it: on the first iteration
// nothing has been written.
func readThenWrite(n int) (sum int64) {
	p := (*[1 << 20]int64)(C.malloc(C.size_t(n * 8)))
	for i := 0; i < n; i++ {
		sum += p[i] // want `read of C.malloc'd memory before any write on the loop's first iteration`
		p[i] = 0
	}
	C.free(unsafe.Pointer(p))
	return sum
}

// writeThenRead is fine: the iteration writes the slot before it reads it.
func writeThenRead(n int) (sum int64) {
	p := (*[1 << 20]int64)(C.malloc(C.size_t(n * 8)))
	for i := 0; i < n; i++ {
		p[i] = int64(i)
		sum += p[i]
	}
	C.free(unsafe.Pointer(p))
	return sum
}

// guardedRead is fine: the read runs from the second iteration on, after the first one wrote.
func guardedRead(n int) (sum int64) {
	p := (*[1 << 20]int64)(C.malloc(C.size_t(n * 8)))
	for i := 0; i < n; i++ {
		if i > 0 {
			sum += p[i-1]
		}
		p[i] = int64(i)
	}
	C.free(unsafe.Pointer(p))
	return sum
}

// accumulate adds into a counter no one zeroed.
func accumulate(n int) int64 {
	p := (*int64)(C.malloc(8))
	for i := 0; i < n; i++ {
		*p += int64(i) // want `read of C.malloc'd memory before any write on the loop's first iteration`
	}
	v := *p
	C.free(unsafe.Pointer(p))
	return v
}

// accumulateTwin is fine: the counter starts at zero.
func accumulateTwin(n int) int64 {
	p := (*int64)(C.malloc(8))
	*p = 0
	for i := 0; i < n; i++ {
		*p += int64(i)
	}
	v := *p
	C.free(unsafe.Pointer(p))
	return v
}

// filledInLoop is fine: an inner loop fills the buffer before the outer body reads it.
func filledInLoop(rounds, n int) (sum int64) {
	p := (*[1 << 20]int64)(C.malloc(C.size_t(n * 8)))
	for r := 0; r < rounds; r++ {
		for i := 0; i < n; i++ {
			p[i] = int64(r)
		}
		sum += p[0]
	}
	C.free(unsafe.Pointer(p))
	return sum
}

package errpath

// #include <stdlib.h>
// static unsigned sum(unsigned char *p, size_t n) { unsigned s = 0; while (n--) s += *p++; return s; }
import "C"

import (
	"sync"
	"unsafe"
)

// A free that runs on every iteration of a loop, of memory allocated before it: whenever the
// loop runs again, the next iteration uses (and frees) what the last one freed.

func sumRecords(recs [][]byte) (out []uint32) {
	buf := C.malloc(4096)
	for _, r := range recs {
		n := copy(unsafe.Slice((*byte)(buf), 4096), r)                 // want `copy of C.malloc'd memory after it was freed by C.free on line 20 \(in the loop's next iteration: line 20 runs on every iteration\)` `unsafe.Slice of C.malloc'd memory after it was freed`
		out = append(out, uint32(C.sum((*C.uchar)(buf), C.size_t(n)))) // want `call to C.sum reads C.malloc'd memory after it was freed`
		C.free(buf)                                                    // want `free of C.malloc'd memory already freed on line 20 \(in the loop's next iteration`
	}
	return out // want `return loses C.malloc'd memory allocated on line 16`
}

// sumRecordsOnce is fine: the buffer is freed once, after the loop.
func sumRecordsOnce(recs [][]byte) (out []uint32) {
	buf := C.malloc(4096)
	defer C.free(buf)
	for _, r := range recs {
		n := copy(unsafe.Slice((*byte)(buf), 4096), r)
		out = append(out, uint32(C.sum((*C.uchar)(buf), C.size_t(n))))
	}
	return out
}

// lastIterationFree is fine for use-after-free: the free runs on the last iteration only; but
// when n <= 0 the loop never frees, and the memory leaks.
func lastIterationFree(n int) {
	p := C.malloc(8)
	for i := 0; i < n; i++ {
		*(*byte)(p) = byte(i)
		if i == n-1 {
			C.free(p)
		}
	}
} // want `return loses C.malloc'd memory allocated on line 39`

// perIteration is fine: each iteration frees what it allocated.
func perIteration(n int) {
	for i := 0; i < n; i++ {
		p := C.malloc(8)
		*(*byte)(p) = byte(i)
		C.free(p)
	}
}

// freeThenBreak is fine for use-after-free: the loop ends where it frees; but when no x is
// above 3 nothing frees, and the memory leaks.
func freeThenBreak(xs []int) {
	p := C.malloc(8)
	for _, x := range xs {
		*(*byte)(p) = byte(x)
		if x > 3 {
			C.free(p)
			break
		}
	}
} // want `return loses C.malloc'd memory allocated on line 60`

// freeThenReplace is fine: each iteration frees the buffer and allocates the next.
func freeThenReplace(xs []int) {
	p := C.malloc(8)
	for _, x := range xs {
		*(*byte)(p) = byte(x)
		C.free(p)
		p = C.malloc(8)
	}
	C.free(p)
}

var boxes = sync.Pool{New: func() any { return new(int) }}

// putBoxed is fine: the loop boxes a new value on each iteration (std's sync.BenchmarkPool).
func putBoxed(n int) {
	for i := 0; i < n; i++ {
		boxes.Put(i)
	}
}

// putSameBox is fine as far as the model knows: one boxed constant, put many times, as std's
// sync.BenchmarkPoolSTW does on purpose; the model has not seen it allocated.
func putSameBox(n int) {
	var item any = 42
	for i := 0; i < n; i++ {
		boxes.Put(item)
	}
}

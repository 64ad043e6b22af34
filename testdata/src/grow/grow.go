// Package grow: pointers into a vector's memory held across a call that may reallocate it.
package grow

// #include <stdlib.h>
import "C"

import "unsafe"

// Vec is a growable vector of int32 in C memory.
type Vec struct {
	data unsafe.Pointer // *[cap]int32
	n    int
	cap  int
}

// Push appends v, doubling the capacity through C.realloc when full.
func (v *Vec) Push(x int32) {
	if v.n == v.cap {
		v.cap = max(2*v.cap, 4)
		v.data = C.realloc(v.data, C.size_t(v.cap*4))
	}
	*(*int32)(unsafe.Add(v.data, v.n*4)) = x
	v.n++
}

// Slice returns a view of the elements: it points into the memory v owns.
func (v *Vec) Slice() []int32 {
	return unsafe.Slice((*int32)(v.data), v.n)
}

func viewAcrossPush(v *Vec) int32 {
	s := v.Slice()
	v.Push(1)
	return s[0] // want `read of the memory v.data points to after it was possibly reallocated by grow.Vec.Push on line 33`
}

// viewAfterPush is fine: the view is taken after the growth.
func viewAfterPush(v *Vec) int32 {
	v.Push(1)
	s := v.Slice()
	return s[0]
}

// staleInLoop keeps a view from before the loop while pushing in it: once the loop pushes,
// every path leads to the read.
func staleInLoop(v *Vec, xs []int32) int32 {
	first := v.Slice()
	for _, x := range xs {
		v.Push(x)
	}
	return first[0] // want `read of the memory v.data points to after it was possibly reallocated by grow.Vec.Push on line 49 \(when line 49 runs: every path from it leads here\)`
}

func pointerAcrossRealloc() byte {
	p := C.malloc(4)
	q := C.realloc(p, 64)
	defer C.free(q)
	return *(*byte)(p) // want `read of C.malloc'd memory after it was possibly reallocated by C.realloc`
}

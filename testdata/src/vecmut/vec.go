// Package vecmut holds mutated copies of the reference Raw vector (runtime/vec): memory from
// C.malloc, elements addressed with unsafe.Add. Each mutation is a bug ptrarith must report,
// beside the original method it was made from.
package vecmut

// #include <stdlib.h>
import "C"

import "unsafe"

// Raw is a vector of int64 over C memory.
type Raw struct {
	data unsafe.Pointer // *[cap]int64
	n    int            // elements at index < n are initialized
	cap  int
}

const elemSize = 8

// New returns a vector with room for capacity elements.
func New(capacity int) *Raw {
	return &Raw{data: C.malloc(C.size_t(capacity) * elemSize), cap: capacity}
}

// slot returns the address of element i. The caller ensures 0 <= i < r.cap.
func (r *Raw) slot(i int) unsafe.Pointer {
	return unsafe.Add(r.data, i*elemSize)
}

// fill writes x to every slot of a fresh vector of n elements.
func fill(n int, x int64) unsafe.Pointer {
	data := C.malloc(C.size_t(n) * elemSize)
	for i := 0; i < n; i++ {
		// i < n: slot i is inside the n*8 bytes.
		*(*int64)(unsafe.Add(data, i*elemSize)) = x
	}
	return data
}

// fillWrongStride is fill with the element address computed with a stride of 16.
func fillWrongStride(n int, x int64) unsafe.Pointer {
	data := C.malloc(C.size_t(n) * elemSize)
	for i := 0; i < n; i++ {
		*(*int64)(unsafe.Add(data, i*16)) = x // want `unsafe.Add may reach byte 16\*n-16 of an 8\*n-byte allocation`
	}
	return data
}

// fillOffByOne is fill with the loop bound i <= n.
func fillOffByOne(n int, x int64) unsafe.Pointer {
	data := C.malloc(C.size_t(n) * elemSize)
	for i := 0; i <= n; i++ {
		*(*int64)(unsafe.Add(data, i*elemSize)) = x // want `unsafe.Add may reach byte 8\*n of an 8\*n-byte allocation`
	}
	return data
}

// get returns element i of the n initialized ones of a fresh vector of capacity n.
func get(n, i int) int64 {
	data := C.calloc(C.size_t(n), elemSize)
	defer C.free(data)
	if i < 0 || i >= n {
		panic("vec: index out of range")
	}
	// i < n: the element is inside the allocation.
	return *(*int64)(unsafe.Add(data, i*elemSize))
}

// getLE is get guarded by i <= n.
func getLE(n, i int) int64 {
	data := C.calloc(C.size_t(n), elemSize)
	defer C.free(data)
	if i < 0 || i > n {
		panic("vec: index out of range")
	}
	return *(*int64)(unsafe.Add(data, i*elemSize)) // want `unsafe.Add may reach byte 8\*n of an 8\*n-byte allocation`
}

// view returns the n elements of a fresh vector as a slice.
func view(n int) []int64 {
	data := C.malloc(C.size_t(n) * elemSize)
	// The view covers exactly the n*8 bytes allocated.
	return unsafe.Slice((*int64)(data), n)
}

// viewTooLong is view with the slice one element longer than the allocation.
func viewTooLong(n int) []int64 {
	data := C.malloc(C.size_t(n) * elemSize)
	return unsafe.Slice((*int64)(data), n+1) // want `unsafe.Slice extends to byte 8\*n\+8 of an 8\*n-byte allocation`
}

// viewBytes is viewTooLong's mistake in bytes: a view of n*8 int64s over n*8 bytes.
func viewBytes(n int) []int64 {
	data := C.malloc(C.size_t(n) * elemSize)
	return unsafe.Slice((*int64)(data), n*elemSize) // want `unsafe.Slice may extend to byte 64\*n of an 8\*n-byte allocation`
}

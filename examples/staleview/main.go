// Command staleview is a shipped example with real bugs that uninitlint finds: a view of a
// runtime/vec.Raw kept across a Push that may reallocate it, and C memory used after C.free.
//
//	go run ./cmd/uninitlint ./examples/...
package main

// #include <stdlib.h>
// #include <string.h>
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// sumAndAppend sums the vector, appending each element's double as it goes. The view s is
// taken before the loop; the first Push that grows the vector moves its elements and leaves s
// pointing into freed memory.
func sumAndAppend(r *vec.Raw[int64]) int64 {
	s := r.Slice()
	var sum int64
	for i := range len(s) {
		r.Push(2 * s[i]) // bug: s may dangle after the first Push that grows r
		sum += s[i]
	}
	return sum
}

// greeting copies a greeting into C memory and reads it back after freeing it.
func greeting(name string) string {
	cs := C.CString("hello, " + name)
	n := C.strlen(cs)
	C.free(unsafe.Pointer(cs))
	return C.GoStringN(cs, C.int(n)) // bug: cs was freed on the line above
}

func main() {
	r, err := vec.NewRaw[int64](2)
	if err != nil {
		panic(err)
	}
	defer r.Free()
	r.Push(1)
	r.Push(2)
	fmt.Println(sumAndAppend(r), greeting("gopher"))
}

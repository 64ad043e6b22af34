// Package gopointer: Go pointers stored in C memory.
package gopointer

// #include <stdlib.h>
import "C"

import "unsafe"

type node struct {
	next *node
	name *string
	id   int
}

func storeGoPointer(name string) *node {
	n := (*node)(C.calloc(1, C.size_t(unsafe.Sizeof(node{}))))
	s := new(string)
	*s = name
	n.name = s // want `Go pointer stored in C.calloc'd memory, which the garbage collector does not scan`
	return n
}

// storeCPointer is fine: a pointer to C memory in C memory is invisible to the GC, as it should be.
func storeCPointer() *node {
	a := (*node)(C.calloc(1, C.size_t(unsafe.Sizeof(node{}))))
	b := (*node)(C.calloc(1, C.size_t(unsafe.Sizeof(node{}))))
	a.next = b
	a.id = 1
	return a
}

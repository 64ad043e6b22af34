package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

type cnode struct {
	next *cnode
	val  int
}

// newNode stores a pointer into a slot nothing wrote: the GC's write barrier reads the slot's
// old value, garbage, as a pointer.
func newNode(v int) *cnode {
	n := (*cnode)(C.malloc(C.size_t(unsafe.Sizeof(cnode{}))))
	n.val = v
	n.next = nil // want `pointer store \(the GC's write barrier reads the old value\) into C.malloc'd memory before any write`
	return n
}

// newNodeTwin is fine: calloc's memory is zeroed, so the old value is nil.
func newNodeTwin(v int) *cnode {
	n := (*cnode)(C.calloc(1, C.size_t(unsafe.Sizeof(cnode{}))))
	n.val = v
	n.next = nil
	return n
}

// newNodeCleared is fine: the integer store of a whole-word zero happens first.
func newNodeCleared(v int) *cnode {
	n := (*cnode)(C.malloc(C.size_t(unsafe.Sizeof(cnode{}))))
	*(*uintptr)(unsafe.Pointer(&n.next)) = 0
	n.val = v
	n.next = nil
	return n
}

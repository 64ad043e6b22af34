package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// growRead reads the tail realloc grew: bytes 16 to 32 were never written.
func growRead() int64 {
	p := (*[2]int64)(C.malloc(16))
	p[0], p[1] = 1, 2
	q := (*[4]int64)(C.realloc(unsafe.Pointer(p), 32))
	v := q[0] + q[1] + q[2] // want `read of memory allocated by C.realloc before any write`
	C.free(unsafe.Pointer(q))
	return v
}

// growReadTwin is fine: the tail is written before it is read; the prefix keeps the old bytes.
func growReadTwin() int64 {
	p := (*[2]int64)(C.malloc(16))
	p[0], p[1] = 1, 2
	q := (*[4]int64)(C.realloc(unsafe.Pointer(p), 32))
	q[2], q[3] = 3, 4
	v := q[0] + q[1] + q[2]
	C.free(unsafe.Pointer(q))
	return v
}

// callocGrow: calloc's zeroes are kept below the old size, not past it.
func callocGrow() int64 {
	p := (*[2]int64)(C.calloc(2, 8))
	q := (*[4]int64)(C.realloc(unsafe.Pointer(p), 32))
	v := q[0] + q[3] // want `read of memory allocated by C.realloc before any write`
	C.free(unsafe.Pointer(q))
	return v
}

// unknownOldSize is silent: without the old size the model cannot tell the kept bytes from
// the grown tail.
func unknownOldSize(n int) int64 {
	p := (*[2]int64)(C.malloc(C.size_t(n)))
	q := (*[4]int64)(C.realloc(unsafe.Pointer(p), 32))
	v := q[3]
	C.free(unsafe.Pointer(q))
	return v
}

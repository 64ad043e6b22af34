//go:build cgo

package vecslots

// #include <stdlib.h>
import "C"

import "unsafe"

// allocator names the memory Raw stores elements in, for error messages.
const allocator = "C malloc'd memory"

// allocate returns size > 0 bytes of uninitialized C memory, aligned for any
// type. It never returns nil: cgo's C.malloc crashes the program when C is
// out of memory.
func allocate(size uintptr) unsafe.Pointer {
	// size > 0: malloc returns a block of its own, not a shared empty one.
	return C.malloc(C.size_t(size))
}

// reallocate resizes p, nil or a block from allocate or reallocate, to
// newSize > 0 bytes. It keeps the first bytes, up to the old size, and leaves
// the rest uninitialized. It returns nil if C is out of memory; p is then
// still valid and unchanged.
func reallocate(p unsafe.Pointer, _, newSize uintptr) unsafe.Pointer {
	// p is nil or a live block of ours, and newSize > 0 (realloc(p, 0) may free p).
	return C.realloc(p, C.size_t(newSize))
}

// release frees p, a block from allocate or reallocate.
func release(p unsafe.Pointer) {
	// p came from malloc or realloc, and its owner lets go of it here.
	C.free(p)
}

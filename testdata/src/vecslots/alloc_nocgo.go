//go:build !cgo

package vecslots

import "unsafe"

// allocator names the memory Raw stores elements in, for error messages.
const allocator = "the pointer-free Go memory Raw uses without cgo"

// allocate returns size > 0 bytes of Go memory typed as words, which the
// garbage collector does not scan. Go allocations of 8 bytes or more are
// 8-byte aligned, the largest alignment of any Go type.
func allocate(size uintptr) unsafe.Pointer {
	// The block has room for size bytes, and nothing but this pointer refers to it.
	return unsafe.Pointer(unsafe.SliceData(make([]uint64, (size+7)/8)))
}

// reallocate returns a block of newSize > 0 bytes holding the first bytes of
// p, up to oldSize; p is nil or a block of oldSize bytes from allocate. It
// never returns nil.
func reallocate(p unsafe.Pointer, oldSize, newSize uintptr) unsafe.Pointer {
	q := allocate(newSize)
	// q holds newSize bytes and p holds oldSize: the copy stays inside both.
	copy(memory(q, newSize), memory(p, min(oldSize, newSize)))
	return q
}

// release does nothing: the garbage collector frees a block once nothing
// points to it.
func release(unsafe.Pointer) {}

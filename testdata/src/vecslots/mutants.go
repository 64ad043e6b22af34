package vecslots

import "unsafe"

// Mutants of the copied runtime/vec that read or expose slots past the length. The rest of the
// package is runtime/vec verbatim, copied in by internal/vectest when the test runs; the linter
// must stay silent on it.

// GetByCap is Heapless.Get with the bound taken from the capacity instead of the length.
func (h *Heapless[T, A]) GetByCap(i int) T {
	checkIndex("Heapless.Get", i, len(h.buf))
	return h.buf[i] // want `read of Heapless.buf at an index not known to be below Heapless.n`
}

// PopNoDecrement is Raw.Pop with the decrement lost: it reads the slot at the length.
func (r *Raw[T]) PopNoDecrement() T {
	return *r.slot(r.len) // want `read of Raw.data at an index not known to be below Raw.len`
}

// SliceCap is Raw.Slice exposing the capacity.
func (r *Raw[T]) SliceCap() []T {
	return unsafe.Slice((*T)(r.data), r.cap) // want `returned view of Raw.data reaches past Raw.len`
}

// PeekPast is Heapless.Pop with the decrement lost: it reads the slot at the length.
func (h *Heapless[T, A]) PeekPast() T {
	return h.buf[h.n] // want `read of Heapless.buf at an index not known to be below Heapless.n`
}

package vecmutant

// Mutants: methods of the copied runtime/vec, each changed the way a maintainer could break it.
// The rest of the package is runtime/vec verbatim, copied in by internal/vectest when the test
// runs; the linter must stay silent on it.

// ClearAndFree is Free with a mutation: it zeroes the elements through a view taken before the
// memory was released, after the release.
func (r *Raw[T]) ClearAndFree() {
	s := r.Slice()
	r.Free()
	clear(s) // want `clear of the memory r.data points to after it may have been freed by vecmutant.Raw.Free`
}

// PushFront is a mutant of Push that keeps a pointer to element 0 across the Push that may
// move every element.
func (r *Raw[T]) PushFront(v T) {
	first := r.slot(0)
	r.Push(*first)
	*first = v // want `write to the memory r.data points to after it was possibly reallocated by vecmutant.Raw.Push`
}

// resizeCopyAfterRelease is resize with its copy and release swapped: it copies the elements
// out of memory it has just released.
func (r *Raw[T]) resizeCopyAfterRelease(newCap int) {
	size := sizeOf[T]()
	p := allocate(uintptr(newCap) * size)
	release(r.data)
	copy(memory(p, uintptr(newCap)*size), r.bytes(0, r.len)) // want `copy of the memory r.data points to after it was freed by vecmutant.release` `call to vecmutant.Raw.bytes reads the memory r.data points to after it was freed`
	r.data, r.cap = p, newCap
}

// keepView is what a user of the copy writes: a view across a growth.
func keepView(r *Raw[int64]) int64 {
	s := r.Slice()
	r.Reserve(100)
	return s[0] // want `read of the memory r.data points to after it was possibly reallocated by vecmutant.Raw.Reserve`
}

// Package slots: length-guarded containers (the heapless-vector pattern) read past their length.
package slots

// Stack keeps values in buf[0:n]; slots at index >= n are logically uninitialized.
type Stack struct {
	buf [8]int
	n   int
}

func (s *Stack) Push(v int) bool {
	if s.n == len(s.buf) {
		return false
	}
	s.buf[s.n] = v
	s.n++
	return true
}

// Get is fine: it panics unless i < n.
func (s *Stack) Get(i int) int {
	if i < 0 || i >= s.n {
		panic("stack: index out of range")
	}
	return s.buf[i]
}

// GetByCap is Get bounded by the capacity instead of the length.
func (s *Stack) GetByCap(i int) int {
	if i >= len(s.buf) {
		panic("stack: index out of range")
	}
	return s.buf[i] // want `read of Stack.buf at an index not known to be below Stack.n`
}

// Pop is fine: it reads the slot its decrement just vacated, then clears it.
func (s *Stack) Pop() (int, bool) {
	if s.n == 0 {
		return 0, false
	}
	s.n--
	v := s.buf[s.n]
	s.buf[s.n] = 0
	return v, true
}

// PeekPastEnd reads the slot at the length, which holds no element.
func (s *Stack) PeekPastEnd() int {
	return s.buf[s.n] // want `read of Stack.buf at an index not known to be below Stack.n`
}

// Last is fine: n-1 < n.
func (s *Stack) Last() int {
	if s.n == 0 {
		return 0
	}
	return s.buf[s.n-1]
}

// First is fine: n > 0 is checked.
func (s *Stack) First() int {
	if s.n > 0 {
		return s.buf[0]
	}
	return 0
}

// FirstUnchecked is not reported: slot 0 of a container is often read under an invariant the
// model cannot see (a B-tree node is never empty), so a constant index is judged only against
// a wrong bound.
func (s *Stack) FirstUnchecked() int {
	return s.buf[0]
}

func (s *Stack) capacity() int { return len(s.buf) }

// FirstByCap checks the wrong bound.
func (s *Stack) FirstByCap() int {
	if s.capacity() > 0 {
		return s.buf[0] // want `read of Stack.buf at an index not known to be below Stack.n`
	}
	return 0
}

// Sum is fine: the loop runs over 0..n.
func (s *Stack) Sum() int {
	t := 0
	for i := 0; i < s.n; i++ {
		t += s.buf[i]
	}
	return t
}

// SumAll ranges over the whole buffer.
func (s *Stack) SumAll() int {
	t := 0
	for i := 0; i < len(s.buf); i++ {
		t += s.buf[i] // want `read of Stack.buf at an index not known to be below Stack.n`
	}
	return t
}

// checkIndex panics unless i < n: its summary ensures it for callers.
func checkIndex(i, n int) {
	if uint(i) >= uint(n) {
		panic("index out of range")
	}
}

// At is fine: checkIndex ensures i < n.
func (s *Stack) At(i int) int {
	checkIndex(i, s.n)
	return s.buf[i]
}

// AtByCap checks against the capacity.
func (s *Stack) AtByCap(i int) int {
	checkIndex(i, len(s.buf))
	return s.buf[i] // want `read of Stack.buf at an index not known to be below Stack.n`
}

// checkBound panics when i > n: it admits i == n, the slot at the length.
func checkBound(i, n int) {
	if i > n {
		panic("index out of range")
	}
}

// AtLoose is bounded by a helper that lets i be the length.
func (s *Stack) AtLoose(i int) int {
	checkBound(i, s.n)
	return s.buf[i] // want `read of Stack.buf at an index not known to be below Stack.n`
}

// PopPast moves the length down, then reads one past the slot it vacated.
func (s *Stack) PopPast() int {
	s.n--
	return s.buf[s.n+1] // want `read of Stack.buf at an index not known to be below Stack.n`
}

// fail panics, through a method the inliner keeps: the block calling it is a dead end.
//
//go:noinline
func (s *Stack) fail(i int) { panic(i) }

// AtFails is fine: past the length, fail never returns.
func (s *Stack) AtFails(i int) int {
	if uint(i) >= uint(s.n) {
		s.fail(i)
	}
	return s.buf[i]
}

// AtFailsLoose lets i be the length before it fails.
func (s *Stack) AtFailsLoose(i int) int {
	if uint(i) > uint(s.n) {
		s.fail(i)
	}
	return s.buf[i] // want `read of Stack.buf at an index not known to be below Stack.n`
}

// Slice is fine: the view ends at the length.
func (s *Stack) Slice() []int { return s.buf[:s.n] }

// All exposes the whole buffer.
func (s *Stack) All() []int {
	return s.buf[:] // want `returned view of Stack.buf reaches past Stack.n`
}

// Params is not reported: the index is a parameter nobody bounded, and buf is not a container
// (no push pattern) in this type.
type Params struct {
	vals [4]int
	used int
}

func (p *Params) Get(i int) int { return p.vals[i] }

// Ring is filled by code the model does not see; the directive says which field counts it.
//
//uninitlint:len count items
type Ring struct {
	items [4]uint64
	count int
}

// Last reads the slot at the count.
func (r *Ring) Last() uint64 {
	return r.items[r.count] // want `read of Ring.items at an index not known to be below Ring.count`
}

// Newest is fine: count-1 < count.
func (r *Ring) Newest() uint64 {
	return r.items[r.count-1]
}

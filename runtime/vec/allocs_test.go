//go:build !asan

package vec_test

import (
	"testing"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// These tests do not run under -asan: there the compiler treats every
// conversion of a pointer to unsafe.Pointer as an escape, so that ASan can
// see object bounds on the heap (see cmd/compile/internal/escape), and a
// Heapless whose methods convert &h.buf moves to the heap. They prove the
// allocation counts of every other build, the race detector's included.

var (
	sink   *int
	target int
)

// TestHeaplessAllocs proves that Heapless never allocates, with a pointer
// element type so that write barriers and clearing are exercised. It does
// not run in parallel: AllocsPerRun counts every goroutine's allocations.
func TestHeaplessAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		var h vec.Heapless[*int, [8]*int]
		for range h.Cap() {
			h.Push(&target)
		}
		h.Insert(0, &target)
		h.Set(1, h.Get(0))
		h.Remove(2)
		h.SwapRemove(0)
		for _, p := range h.All() {
			sink = p
		}
		sink, _ = h.Pop()
		sink = h.Slice()[0]
		h.Truncate(2)
		h.Clear()
	})
	if allocs != 0 {
		t.Errorf("Heapless allocated %v times per run, want 0", allocs)
	}
}

// TestRawAllocs proves that Push and Extend within the capacity, Get, Set,
// Pop and Slice do not allocate. It does not run in parallel: AllocsPerRun counts
// every goroutine's allocations.
func TestRawAllocs(t *testing.T) {
	r := newRaw[int](t, 64)
	var total int
	allocs := testing.AllocsPerRun(100, func() {
		for i := range 64 {
			r.Push(i)
		}
		r.Set(0, r.Get(1))
		for _, v := range r.All() {
			total += v
		}
		total += len(r.Slice())
		for r.Len() > 0 {
			v, _ := r.Pop()
			total += v
		}
		total += len(r.Extend(64))
		r.Truncate(0)
	})
	if allocs != 0 {
		t.Errorf("Raw allocated %v times per run within its capacity, want 0", allocs)
	}
}

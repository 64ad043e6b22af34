//go:build vecdebug

package vec_test

import (
	"bytes"
	"testing"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// These tests run only with -tags vecdebug: they read Raw memory past the
// length, which only the debug build fills with a known pattern.

func TestDebugRawPoisonsUninitialized(t *testing.T) {
	t.Parallel()
	uninit := func(n int) []byte { return bytes.Repeat([]byte{vec.UninitByte}, n) }
	r := newRaw[uint32](t, 4)
	if got := vec.RawBytes(r); !bytes.Equal(got, uninit(16)) {
		t.Errorf("fresh memory = % x, want the uninitialized pattern", got)
	}
	r.Push(1)
	r.Push(2)
	r.Pop()
	if got := vec.RawBytes(r)[4:]; !bytes.Equal(got, uninit(12)) {
		t.Errorf("after Pop, the tail = % x, want the uninitialized pattern", got)
	}
	for i := range 5 {
		r.Push(uint32(i))
	}
	if got := vec.RawBytes(r)[6*4:]; r.Cap() != 8 || !bytes.Equal(got, uninit(8)) {
		t.Errorf("after growth to Cap %d, the tail = % x, want the uninitialized pattern", r.Cap(), got)
	}
	r.Truncate(0)
	if got := vec.RawBytes(r); !bytes.Equal(got, uninit(32)) {
		t.Errorf("after Truncate(0), memory = % x, want the uninitialized pattern", got)
	}
}

func TestDebugRawCatchesStaleWrite(t *testing.T) {
	t.Parallel()
	r := newRaw[uint32](t, 4)
	r.Push(1)
	r.Push(2)
	stale := r.Slice()
	r.Pop()
	stale[1] = 7 // a write through a view older than the Pop
	const msg = ": slot 1 past the length 1 was written while it held no element (through a stale Slice view?)"
	mustPanic(t, "vec: Raw.Get"+msg, func() { r.Get(0) })
	mustPanic(t, "vec: Raw.Push"+msg, func() { r.Push(3) })
	stale[1] = 0xa5a5a5a5 // restore the pattern, so that Free finds the tail intact
}

func TestDebugHeaplessCatchesStaleWrite(t *testing.T) {
	t.Parallel()
	x := 1
	var h vec.Heapless[*int, [4]*int]
	h.Push(&x)
	h.Push(&x)
	stale := h.Slice()
	h.Pop()
	stale[1] = &x // a write through a view older than the Pop
	const msg = ": slot 1 past the length 1 was written while it held no element (through a stale Slice view?)"
	mustPanic(t, "vec: Heapless.Get"+msg, func() { h.Get(0) })
	mustPanic(t, "vec: Heapless.Push"+msg, func() { h.Push(&x) })
	mustPanic(t, "vec: Heapless.Insert"+msg, func() { h.Insert(0, &x) })
}

//go:build vecdebug && !cgo

package vec_test

import (
	"testing"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// Without cgo, Raw's memory is Go memory that a view keeps alive, so these
// tests may read through views that Free and growth invalidated and see the
// freed pattern. With cgo the same reads would be use-after-free.

const freed32 = uint32(vec.FreedByte) * 0x01010101

func TestDebugRawPoisonsFreed(t *testing.T) {
	t.Parallel()
	r := newRaw[uint32](t, 2)
	r.Push(1)
	stale := r.Slice()
	r.Free()
	if stale[0] != freed32 {
		t.Errorf("a view read %#x after Free, want the freed pattern %#x", stale[0], freed32)
	}
}

func TestDebugRawMovesOnGrowth(t *testing.T) {
	t.Parallel()
	r := newRaw[uint32](t, 2)
	r.Push(1)
	stale := r.Slice()
	r.Reserve(100)
	if stale[0] != freed32 {
		t.Errorf("a view read %#x after growth, want the freed pattern %#x", stale[0], freed32)
	}
	if r.Get(0) != 1 {
		t.Errorf("growth lost element 0: %d", r.Get(0))
	}
}

package vec

import (
	"runtime"
	"slices"
	"sync"
	"unsafe"
)

// The patterns vecdebug builds fill memory with, and the first capacity of
// a Raw that grows from empty.
const (
	UninitByte = uninitByte
	FreedByte  = freedByte
	MinCap     = minCap
)

// HeaplessSlots returns a copy of every slot of h, past the length too: Go
// memory is always initialized, so tests may read all of it.
func HeaplessSlots[T any, A Array[T]](h *Heapless[T, A]) []T {
	return slices.Clone(h.prefix(len(h.buf)))
}

// RawData returns the address of r's memory.
func RawData[T any](r *Raw[T]) unsafe.Pointer { return r.data }

// RawCleanup returns r's cleanup handle.
func RawCleanup[T any](r *Raw[T]) runtime.Cleanup { return r.cleanup }

// RawBytes returns r's memory as bytes, past the length too. Only vecdebug
// tests may read the bytes past the length: elsewhere they are uninitialized.
func RawBytes[T any](r *Raw[T]) []byte { return r.bytes(0, r.cap) }

// released maps the address of a block a test waits for to the channel that
// WatchRelease returned for it.
var released sync.Map

func init() {
	testHookReleased = func(p unsafe.Pointer) {
		if ch, ok := released.LoadAndDelete(p); ok {
			close(ch.(chan struct{}))
		}
	}
}

// WatchRelease returns a channel that is closed when a cleanup releases the
// block at p.
func WatchRelease(p unsafe.Pointer) <-chan struct{} {
	ch := make(chan struct{})
	released.Store(p, ch)
	return ch
}

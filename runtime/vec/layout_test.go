package vec_test

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// optionSlot is the per-slot flag that Heapless does without: a vector of
// [N]optionSlot[T] pays for ok, and its padding, in every slot.
type optionSlot[T any] struct {
	ok bool
	v  T
}

// TestSizes proves what the docs claim: a Heapless is its array plus one int
// (and the padding that aligns it), and a Raw is four words and a Cleanup.
func TestSizes(t *testing.T) {
	t.Parallel()
	const word = unsafe.Sizeof(uintptr(0))
	tests := []struct {
		name      string
		got, want uintptr
	}{
		{"Heapless[int64, [4]int64]", unsafe.Sizeof(vec.Heapless[int64, [4]int64]{}), 8*4 + word},
		{"Heapless[int64, [16]int64]", unsafe.Sizeof(vec.Heapless[int64, [16]int64]{}), 8*16 + word},
		{"Heapless[byte, [8]byte]", unsafe.Sizeof(vec.Heapless[byte, [8]byte]{}), 8 + word},
		{"Heapless[*int, [0]*int]", unsafe.Sizeof(vec.Heapless[*int, [0]*int]{}), word},
		{"Heapless[struct{}, [9]struct{}]", unsafe.Sizeof(vec.Heapless[struct{}, [9]struct{}]{}), word},
		{"Raw[int64]", unsafe.Sizeof(vec.Raw[int64]{}), 4*word + unsafe.Sizeof(runtime.Cleanup{})},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("unsafe.Sizeof(%s) = %d, want %d", tt.name, tt.got, tt.want)
		}
	}
	// The Option-style layout the benchmarks compare against: one flag per slot
	// doubles the size of a vector of int64.
	heapless := unsafe.Sizeof(vec.Heapless[int64, [16]int64]{})
	option := unsafe.Sizeof([16]optionSlot[int64]{})
	if option != 16*16 {
		t.Errorf("unsafe.Sizeof([16]optionSlot[int64]) = %d, want 256", option)
	}
	t.Logf("16 int64s: Heapless %d bytes, array+len %d bytes, [16]struct{ok bool; v int64} %d bytes",
		heapless, unsafe.Sizeof(arrayLen{}), option)
}

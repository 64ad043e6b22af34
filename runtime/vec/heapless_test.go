package vec_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// contents returns h's elements as collected by All, to check it against
// Slice and against a model.
func contents[T any, A vec.Array[T]](h *vec.Heapless[T, A]) []T {
	var out []T
	for i, v := range h.All() {
		if i != len(out) {
			panic("All yielded indexes out of order")
		}
		out = append(out, v)
	}
	return out
}

// checkVacated fails t unless every slot of h past its length holds the
// zero value: Pop, Remove, SwapRemove, Truncate and Clear must clear them.
func checkVacated[T comparable, A vec.Array[T]](t *testing.T, h *vec.Heapless[T, A]) {
	t.Helper()
	var zero T
	for i, v := range vec.HeaplessSlots(h)[h.Len():] {
		if v != zero {
			t.Errorf("slot %d past the length %d holds %v, want the zero value", h.Len()+i, h.Len(), v)
		}
	}
}

func TestHeaplessZeroValue(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[int, [16]int]
	if h.Len() != 0 || h.Cap() != 16 {
		t.Fatalf("Len, Cap = %d, %d; want 0, 16", h.Len(), h.Cap())
	}
	if v, ok := h.Pop(); ok || v != 0 {
		t.Errorf("Pop = %v, %v; want 0, false", v, ok)
	}
	if s := h.Slice(); s != nil {
		t.Errorf("Slice = %v, want nil", s)
	}
	if c := contents(&h); c != nil {
		t.Errorf("All yielded %v on an empty vector", c)
	}
	h.Truncate(0)
	h.Clear()
	if h.Len() != 0 {
		t.Errorf("Len = %d after Truncate(0) and Clear, want 0", h.Len())
	}
}

func TestHeaplessPushUntilFull(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[int, [4]int]
	for i := range 4 {
		if !h.Push(i) {
			t.Fatalf("Push(%d) = false with Len %d of Cap %d", i, h.Len(), h.Cap())
		}
	}
	if h.Push(4) {
		t.Error("Push on a full vector = true")
	}
	if h.Insert(0, 4) {
		t.Error("Insert on a full vector = true")
	}
	if want := []int{0, 1, 2, 3}; !slices.Equal(h.Slice(), want) || h.Len() != 4 {
		t.Errorf("after refused pushes, Slice = %v, want %v", h.Slice(), want)
	}
	if s := h.Slice(); cap(s) != len(s) {
		t.Errorf("cap(Slice()) = %d, want %d: appending must not write into h", cap(s), len(s))
	}
}

func TestHeaplessZeroCapacity(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[string, [0]string]
	if h.Cap() != 0 {
		t.Errorf("Cap = %d, want 0", h.Cap())
	}
	if h.Push("x") || h.Insert(0, "x") {
		t.Error("Push or Insert succeeded with capacity 0")
	}
	if _, ok := h.Pop(); ok || h.Len() != 0 {
		t.Errorf("Pop ok = %v, Len = %d; want false, 0", ok, h.Len())
	}
}

func TestHeaplessZeroSizeElements(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[struct{}, [3]struct{}]
	if h.Cap() != 3 {
		t.Fatalf("Cap = %d, want 3", h.Cap())
	}
	for range 3 {
		h.Push(struct{}{})
	}
	if h.Push(struct{}{}) {
		t.Error("Push past the capacity = true")
	}
	_ = h.Get(2)
	h.Remove(0)
	if _, ok := h.Pop(); !ok || h.Len() != 1 {
		t.Errorf("Pop ok = %v, Len = %d; want true, 1", ok, h.Len())
	}
}

func TestHeaplessGetSet(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[string, [4]string]
	h.Push("a")
	h.Push("b")
	h.Set(1, "B")
	if h.Get(0) != "a" || h.Get(1) != "B" {
		t.Errorf("Get = %q, %q; want a, B", h.Get(0), h.Get(1))
	}
	h.Slice()[0] = "A"
	if h.Get(0) != "A" {
		t.Errorf("a write through Slice is not seen by Get: %q", h.Get(0))
	}
}

func TestHeaplessInsertRemove(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[int, [6]int]
	h.Insert(0, 2) // [2]
	h.Insert(0, 0) // [0 2]
	h.Insert(1, 1) // [0 1 2]
	h.Insert(3, 4) // [0 1 2 4]
	h.Insert(3, 3) // [0 1 2 3 4]
	h.Insert(5, 5) // [0 1 2 3 4 5]
	if want := []int{0, 1, 2, 3, 4, 5}; !slices.Equal(h.Slice(), want) {
		t.Fatalf("after inserts, Slice = %v, want %v", h.Slice(), want)
	}
	if v := h.Remove(0); v != 0 {
		t.Errorf("Remove(0) = %d, want 0", v)
	}
	if v := h.Remove(2); v != 3 {
		t.Errorf("Remove(2) = %d, want 3", v)
	}
	if v := h.SwapRemove(0); v != 1 {
		t.Errorf("SwapRemove(0) = %d, want 1", v)
	}
	if v := h.SwapRemove(h.Len() - 1); v != 4 {
		t.Errorf("SwapRemove(last) = %d, want 4", v)
	}
	if want := []int{5, 2}; !slices.Equal(h.Slice(), want) || !slices.Equal(contents(&h), want) {
		t.Errorf("Slice = %v, All = %v; want %v", h.Slice(), contents(&h), want)
	}
	checkVacated(t, &h)
}

// TestHeaplessVacatedSlotsAreZero proves that every way of dropping elements
// clears their slots, so no stale pointer keeps its referent alive.
func TestHeaplessVacatedSlotsAreZero(t *testing.T) {
	t.Parallel()
	drops := map[string]func(h *vec.Heapless[*int, [8]*int]){
		"Pop":        func(h *vec.Heapless[*int, [8]*int]) { h.Pop() },
		"Remove":     func(h *vec.Heapless[*int, [8]*int]) { h.Remove(1) },
		"SwapRemove": func(h *vec.Heapless[*int, [8]*int]) { h.SwapRemove(1) },
		"Truncate":   func(h *vec.Heapless[*int, [8]*int]) { h.Truncate(2) },
		"Clear":      func(h *vec.Heapless[*int, [8]*int]) { h.Clear() },
	}
	for name, drop := range drops {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var h vec.Heapless[*int, [8]*int]
			for i := range 5 {
				h.Push(&i)
			}
			drop(&h)
			checkVacated(t, &h)
		})
	}
}

func TestHeaplessTruncate(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[int, [8]int]
	for i := range 5 {
		h.Push(i)
	}
	h.Truncate(5)
	h.Truncate(3)
	if want := []int{0, 1, 2}; !slices.Equal(h.Slice(), want) {
		t.Errorf("after Truncate(3), Slice = %v, want %v", h.Slice(), want)
	}
	h.Clear()
	if h.Len() != 0 || h.Slice() != nil {
		t.Errorf("after Clear, Len = %d, Slice = %v", h.Len(), h.Slice())
	}
	checkVacated(t, &h)
}

func TestHeaplessAll(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[int, [8]int]
	for i := range 5 {
		h.Push(10 * i)
	}
	for i, v := range h.All() {
		if v != 10*i {
			t.Errorf("All yielded %d, %d", i, v)
		}
		if i == 2 {
			break
		}
	}
	// Popping inside the loop shortens the iteration, and never exposes a
	// vacated slot.
	var seen []int
	for _, v := range h.All() {
		seen = append(seen, v)
		h.Pop()
	}
	if want := []int{0, 10, 20}; !slices.Equal(seen, want) {
		t.Errorf("All while popping yielded %v, want %v", seen, want)
	}
}

func TestHeaplessCopyIsIndependent(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[int, [4]int]
	h.Push(1)
	c := h
	c.Set(0, 2)
	c.Push(3)
	if h.Get(0) != 1 || h.Len() != 1 {
		t.Errorf("changing a copy changed the original: Get(0) = %d, Len = %d", h.Get(0), h.Len())
	}
}

type ints [3]int

func TestHeaplessArrayType(t *testing.T) {
	t.Parallel()
	var named vec.Heapless[int, ints]
	if named.Cap() != 3 || !named.Push(1) {
		t.Errorf("a named array type of the element type is refused")
	}
}

// TestHeaplessRefusesNonArrays builds testdata/notarray, whose Heapless
// instantiations are each wrong, and checks that the compiler refuses every
// one: the constraint Array, not a run-time check, keeps A an array of T.
func TestHeaplessRefusesNonArrays(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs the go command")
	}
	gocmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gocmd); err != nil {
		t.Skipf("no go command: %v", err)
	}
	cmd := exec.Command(gocmd, "build", "-o", os.DevNull, "./testdata/notarray")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatal("testdata/notarray built")
	}
	for _, a := range []string{"[4]int32", "struct{a int; b int}", "[]int", "[100]int"} {
		if want := a + " does not satisfy vec.Array[int]"; !strings.Contains(string(out), want) {
			t.Errorf("go build did not say %q:\n%s", want, out)
		}
	}
}

func TestHeaplessPanics(t *testing.T) {
	t.Parallel()
	var h vec.Heapless[int, [4]int]
	h.Push(1)
	h.Push(2)
	h.Push(3)
	tests := []struct {
		want string
		f    func()
	}{
		{"vec: Heapless.Get: index 3 out of range [0:3)", func() { h.Get(3) }},
		{"vec: Heapless.Get: index -1 out of range [0:3)", func() { h.Get(-1) }},
		{"vec: Heapless.Set: index 5 out of range [0:3)", func() { h.Set(5, 0) }},
		{"vec: Heapless.Insert: index 4 out of range [0:3]", func() { h.Insert(4, 0) }},
		{"vec: Heapless.Insert: index -1 out of range [0:3]", func() { h.Insert(-1, 0) }},
		{"vec: Heapless.Remove: index 3 out of range [0:3)", func() { h.Remove(3) }},
		{"vec: Heapless.SwapRemove: index -2 out of range [0:3)", func() { h.SwapRemove(-2) }},
		{"vec: Heapless.Truncate: length 4 out of range [0:3]", func() { h.Truncate(4) }},
		{"vec: Heapless.Truncate: length -1 out of range [0:3]", func() { h.Truncate(-1) }},
	}
	for _, tt := range tests {
		mustPanic(t, tt.want, tt.f)
	}
	if want := []int{1, 2, 3}; !slices.Equal(h.Slice(), want) {
		t.Errorf("a method that panicked changed h: %v, want %v", h.Slice(), want)
	}
}

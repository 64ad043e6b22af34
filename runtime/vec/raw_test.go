package vec_test

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// newRaw returns an empty Raw[T] with room for capacity elements, and frees
// it when the test ends.
func newRaw[T any](t *testing.T, capacity int) *vec.Raw[T] {
	t.Helper()
	r, err := vec.NewRaw[T](capacity)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Free)
	return r
}

// rawContents returns r's elements as collected by All.
func rawContents[T any](r *vec.Raw[T]) []T {
	var out []T
	for i, v := range r.All() {
		if i != len(out) {
			panic("All yielded indexes out of order")
		}
		out = append(out, v)
	}
	return out
}

type node struct {
	value int
	next  *node
}

type pair struct {
	a int32
	b int64
}

func TestNewRawRefusesPointers(t *testing.T) {
	t.Parallel()
	check := func(err error, elem, where string) {
		t.Helper()
		if err == nil {
			t.Errorf("NewRaw[%s] succeeded", elem)
			return
		}
		want := "vec: Raw[" + elem + "]: element type holds a pointer (" + where + "); " +
			"the garbage collector does not scan "
		if msg := err.Error(); !strings.HasPrefix(msg, want) {
			t.Errorf("NewRaw[%s] error\n%s\nwant prefix\n%s", elem, msg, want)
		}
	}
	_, err := vec.NewRaw[*int](1)
	check(err, "*int", "*int")
	_, err = vec.NewRaw[string](0)
	check(err, "string", "string")
	_, err = vec.NewRaw[[]byte](1)
	check(err, "[]uint8", "[]uint8")
	_, err = vec.NewRaw[map[int]int](1)
	check(err, "map[int]int", "map[int]int")
	_, err = vec.NewRaw[chan int](1)
	check(err, "chan int", "chan int")
	_, err = vec.NewRaw[func()](1)
	check(err, "func()", "func()")
	_, err = vec.NewRaw[any](1)
	check(err, "interface {}", "interface {}")
	_, err = vec.NewRaw[unsafe.Pointer](1)
	check(err, "unsafe.Pointer", "unsafe.Pointer")
	_, err = vec.NewRaw[[2]*int](1)
	check(err, "[2]*int", "*int at [0]")
	_, err = vec.NewRaw[node](1)
	check(err, "vec_test.node", "*vec_test.node at .next")
	_, err = vec.NewRaw[struct{ p [1]struct{ s string } }](1)
	check(err, "struct { p [1]struct { s string } }", "string at .p[0].s")
}

func TestNewRawAcceptsPointerFree(t *testing.T) {
	t.Parallel()
	for name, err := range map[string]error{
		"int":        errOf(vec.NewRaw[int](1)),
		"uintptr":    errOf(vec.NewRaw[uintptr](1)),
		"[4]float64": errOf(vec.NewRaw[[4]float64](1)),
		"pair":       errOf(vec.NewRaw[pair](1)),
		"struct{}":   errOf(vec.NewRaw[struct{}](1)),
		"[0]*int":    errOf(vec.NewRaw[[0]*int](1)),
	} {
		if err != nil {
			t.Errorf("NewRaw[%s]: %v", name, err)
		}
	}
}

// errOf frees r, if any, and returns err.
func errOf[T any](r *vec.Raw[T], err error) error {
	if r != nil {
		r.Free()
	}
	return err
}

func TestRawZeroValueRefusesPointers(t *testing.T) {
	t.Parallel()
	_, err := vec.NewRaw[node](0)
	var z vec.Raw[node]
	mustPanic(t, err.Error(), func() { z.Push(node{}) })
	mustPanic(t, err.Error(), func() { z.Reserve(1) })
	if z.Len() != 0 || z.Cap() != 0 {
		t.Errorf("a refused Push changed the vector: Len %d, Cap %d", z.Len(), z.Cap())
	}
}

func TestRawZeroValue(t *testing.T) {
	t.Parallel()
	var r vec.Raw[int64]
	defer r.Free()
	if r.Len() != 0 || r.Cap() != 0 || r.Slice() != nil || rawContents(&r) != nil {
		t.Fatalf("zero Raw: Len %d, Cap %d, Slice %v", r.Len(), r.Cap(), r.Slice())
	}
	if v, ok := r.Pop(); ok || v != 0 {
		t.Errorf("Pop = %v, %v; want 0, false", v, ok)
	}
	r.Reserve(0)
	r.Truncate(0)
	if vec.RawData(&r) != nil {
		t.Error("Reserve(0) or Truncate(0) allocated")
	}
	r.Push(7)
	if r.Len() != 1 || r.Cap() != vec.MinCap || r.Get(0) != 7 {
		t.Errorf("after one Push: Len %d, Cap %d, Get(0) %d", r.Len(), r.Cap(), r.Get(0))
	}
}

// TestRawGrowth checks the capacities across growth boundaries, and that
// growth keeps the elements.
func TestRawGrowth(t *testing.T) {
	t.Parallel()
	var r vec.Raw[int32]
	defer r.Free()
	var caps []int
	for i := range 33 {
		if r.Len() == r.Cap() {
			caps = append(caps, r.Cap())
		}
		r.Push(int32(i))
	}
	if want := []int{0, 4, 8, 16, 32}; !slices.Equal(caps, want) {
		t.Errorf("capacities when full = %v, want %v", caps, want)
	}
	if r.Cap() != 64 {
		t.Errorf("Cap = %d after 33 pushes, want 64", r.Cap())
	}
	for i, v := range r.All() {
		if v != int32(i) {
			t.Fatalf("element %d = %d after growth", i, v)
		}
	}

	exact := newRaw[int32](t, 3)
	if exact.Cap() != 3 {
		t.Errorf("NewRaw(3).Cap() = %d, want 3", exact.Cap())
	}
	for i := range 4 {
		exact.Push(int32(i))
	}
	if exact.Cap() != 6 {
		t.Errorf("Cap = %d after outgrowing 3, want 6", exact.Cap())
	}
}

func TestRawReserve(t *testing.T) {
	t.Parallel()
	r := newRaw[int64](t, 0)
	r.Push(1)
	r.Reserve(100)
	if r.Cap() < 101 {
		t.Fatalf("Cap = %d after Reserve(100) with Len 1, want >= 101", r.Cap())
	}
	data, capacity := vec.RawData(r), r.Cap()
	for r.Len() < capacity {
		r.Push(2)
	}
	if vec.RawData(r) != data {
		t.Error("pushes within the reserved capacity moved the memory")
	}
	r.Reserve(1)
	if r.Cap() != 2*capacity {
		t.Errorf("Cap = %d after Reserve(1) when full, want doubling to %d", r.Cap(), 2*capacity)
	}
	if r.Get(0) != 1 || r.Get(capacity-1) != 2 {
		t.Error("Reserve lost elements")
	}
}

func TestRawExtend(t *testing.T) {
	t.Parallel()
	var r vec.Raw[int64]
	defer r.Free()
	if s := r.Extend(0); s != nil || vec.RawData(&r) != nil {
		t.Fatalf("Extend(0) on a zero Raw = %v, data %p; want nil and no allocation", s, vec.RawData(&r))
	}
	r.Push(1)
	s := r.Extend(3)
	if len(s) != 3 || cap(s) != 3 || r.Len() != 4 || !slices.Equal(s, []int64{0, 0, 0}) {
		t.Fatalf("Extend(3) after a Push = %v (cap %d), Len %d; want three zeros, cap 3, Len 4",
			s, cap(s), r.Len())
	}
	for i := range s {
		s[i] = int64(10 + i)
	}
	if want := []int64{1, 10, 11, 12}; !slices.Equal(r.Slice(), want) {
		t.Errorf("Slice after filling the view = %v, want %v", r.Slice(), want)
	}
	// Extending past the capacity grows as Push does: at least doubling.
	capacity := r.Cap()
	s = r.Extend(capacity)
	if r.Cap() < 2*capacity || r.Len() != 4+capacity || len(s) != capacity || r.Get(3) != 12 {
		t.Errorf("Extend(%d) when full: Cap %d, Len %d, len(view) %d, Get(3) %d",
			capacity, r.Cap(), r.Len(), len(s), r.Get(3))
	}
	if s := r.Extend(0); s != nil {
		t.Errorf("Extend(0) = %v, want nil", s)
	}
	var z vec.Raw[node]
	_, err := vec.NewRaw[node](0)
	mustPanic(t, err.Error(), func() { z.Extend(1) })
}

func TestRawGetSetPopTruncate(t *testing.T) {
	t.Parallel()
	r := newRaw[pair](t, 2)
	for i := range 5 {
		r.Push(pair{int32(i), int64(-i)})
	}
	r.Set(4, pair{40, -40})
	if got := r.Get(4); got != (pair{40, -40}) {
		t.Errorf("Get(4) = %v after Set", got)
	}
	if v, ok := r.Pop(); !ok || v != (pair{40, -40}) {
		t.Errorf("Pop = %v, %v", v, ok)
	}
	r.Truncate(4)
	r.Truncate(2)
	want := []pair{{0, 0}, {1, -1}}
	if !slices.Equal(r.Slice(), want) || !slices.Equal(rawContents(r), want) {
		t.Errorf("Slice = %v, All = %v; want %v", r.Slice(), rawContents(r), want)
	}
	if s := r.Slice(); cap(s) != len(s) {
		t.Errorf("cap(Slice()) = %d, want %d: appending must not write into r", cap(s), len(s))
	}
	r.Slice()[1].a = 10
	if r.Get(1).a != 10 {
		t.Error("a write through Slice is not seen by Get")
	}
	r.Truncate(0)
	if _, ok := r.Pop(); ok || r.Slice() != nil {
		t.Error("Pop or Slice found elements after Truncate(0)")
	}
}

func TestRawAll(t *testing.T) {
	t.Parallel()
	r := newRaw[int](t, 0)
	for i := range 5 {
		r.Push(i)
	}
	for i := range r.All() {
		if i == 1 {
			break
		}
	}
	// Growing inside the loop moves the memory: All reads it afresh.
	var seen []int
	for i, v := range r.All() {
		seen = append(seen, v)
		if i < 2 {
			r.Reserve(r.Cap())
		}
	}
	if want := []int{0, 1, 2, 3, 4}; !slices.Equal(seen, want) {
		t.Errorf("All while growing yielded %v, want %v", seen, want)
	}
	// Freeing inside the loop ends it.
	n := 0
	for range r.All() {
		n++
		r.Free()
	}
	if n != 1 {
		t.Errorf("All yielded %d elements across Free, want 1", n)
	}
}

func TestRawFree(t *testing.T) {
	t.Parallel()
	r := newRaw[int](t, 8)
	r.Push(1)
	r.Free()
	r.Free()
	if r.Len() != 0 || r.Cap() != 0 || vec.RawData(r) != nil || vec.RawCleanup(r) != (runtime.Cleanup{}) {
		t.Fatalf("after Free: Len %d, Cap %d, data %p, cleanup %v; want the zero Raw",
			r.Len(), r.Cap(), vec.RawData(r), vec.RawCleanup(r))
	}
	mustPanic(t, "vec: Raw.Get: index 0 out of range [0:0)", func() { r.Get(0) })
	mustPanic(t, "vec: Raw.Set: index 0 out of range [0:0)", func() { r.Set(0, 1) })
	// A freed Raw is a zero Raw, ready to be used again.
	r.Push(2)
	if r.Get(0) != 2 || r.Len() != 1 {
		t.Errorf("Push after Free: Get(0) = %d, Len = %d", r.Get(0), r.Len())
	}
}

func TestRawCopyPanics(t *testing.T) {
	t.Parallel()
	r := newRaw[int](t, 1)
	r.Push(1)
	c := new(vec.Raw[int])
	*c = *r
	const msg = ": called on a copy of a Raw that holds memory; share a *Raw instead"
	mustPanic(t, "vec: Raw.Push"+msg, func() { c.Push(2) })
	mustPanic(t, "vec: Raw.Get"+msg, func() { c.Get(0) })
	mustPanic(t, "vec: Raw.Slice"+msg, func() { c.Slice() })
	mustPanic(t, "vec: Raw.Extend"+msg, func() { c.Extend(1) })
	mustPanic(t, "vec: Raw.Free"+msg, func() { c.Free() })
	// A copy of a zero Raw is a zero Raw.
	var z, zc vec.Raw[int]
	zc = z
	zc.Push(1)
	zc.Free()
}

func TestRawZeroSizeElements(t *testing.T) {
	t.Parallel()
	r := newRaw[struct{}](t, 0)
	for range 1000 {
		r.Push(struct{}{})
	}
	if r.Len() != 1000 || r.Cap() != math.MaxInt || len(r.Slice()) != 1000 {
		t.Errorf("Len %d, Cap %d, len(Slice) %d", r.Len(), r.Cap(), len(r.Slice()))
	}
	r.Get(999)
	if s := r.Extend(5); len(s) != 5 || r.Len() != 1005 {
		t.Errorf("Extend(5): len %d, Len %d", len(s), r.Len())
	}
	r.Pop()
	r.Truncate(10)
	r.Free()
	r.Free()
}

func TestRawOverflow(t *testing.T) {
	t.Parallel()
	mustPanic(t, "vec: NewRaw: room for 0 + 1152921504606846976 elements of 8 bytes overflows an int",
		func() { vec.NewRaw[int64](math.MaxInt/8 + 1) })
	r := newRaw[int64](t, 0)
	r.Push(1)
	mustPanic(t, "vec: Raw.Reserve: room for 1 + 9223372036854775807 elements of 8 bytes overflows an int",
		func() { r.Reserve(math.MaxInt) })
	mustPanic(t, "vec: Raw.Extend: room for 1 + 9223372036854775807 elements of 8 bytes overflows an int",
		func() { r.Extend(math.MaxInt) })
	var z vec.Raw[struct{}]
	z.Push(struct{}{})
	z.Truncate(0)
	z.Reserve(math.MaxInt)
	z.Push(struct{}{})
	mustPanic(t, "vec: Raw.Reserve: room for 1 + 9223372036854775807 elements of 0 bytes overflows an int",
		func() { z.Reserve(math.MaxInt) })
}

func TestRawPanics(t *testing.T) {
	t.Parallel()
	r := newRaw[int](t, 0)
	r.Push(1)
	r.Push(2)
	r.Push(3)
	tests := []struct {
		want string
		f    func()
	}{
		{"vec: Raw.Get: index 5 out of range [0:3)", func() { r.Get(5) }},
		{"vec: Raw.Get: index -1 out of range [0:3)", func() { r.Get(-1) }},
		{"vec: Raw.Set: index 3 out of range [0:3)", func() { r.Set(3, 0) }},
		{"vec: Raw.Truncate: length 4 out of range [0:3]", func() { r.Truncate(4) }},
		{"vec: Raw.Truncate: length -1 out of range [0:3]", func() { r.Truncate(-1) }},
		{"vec: Raw.Reserve: negative count -1 with length 3", func() { r.Reserve(-1) }},
		{"vec: Raw.Extend: negative count -1 with length 3", func() { r.Extend(-1) }},
		{"vec: NewRaw: negative capacity -1", func() { vec.NewRaw[int](-1) }},
	}
	for _, tt := range tests {
		mustPanic(t, tt.want, tt.f)
	}
	if want := []int{1, 2, 3}; !slices.Equal(r.Slice(), want) {
		t.Errorf("a method that panicked changed r: %v, want %v", r.Slice(), want)
	}
}

// dropRaw allocates a Raw and drops it without Free, returning a channel
// closed when its cleanup has released the memory.
//
//go:noinline
func dropRaw() <-chan struct{} {
	r, err := vec.NewRaw[int64](16)
	if err != nil {
		panic(err)
	}
	r.Push(1)
	return vec.WatchRelease(vec.RawData(r))
}

func TestRawCleanupReleasesDroppedRaw(t *testing.T) {
	t.Parallel()
	released := dropRaw()
	// One collection finds the Raw unreachable and queues its cleanup; the
	// loop only guards against a collection that was already under way.
	for range 10 {
		runtime.GC()
		select {
		case <-released:
			return
		default:
			runtime.Gosched()
		}
	}
	<-released
}

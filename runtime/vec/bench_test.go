package vec_test

import (
	"runtime"
	"strconv"
	"testing"
	"unsafe"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// The benchmarks compare each vector with the code it replaces, side by side
// under one name so that benchstat can put them in columns:
//
//	go test -run='^$' -bench=. -count=10 ./runtime/vec > bench.txt
//	benchstat -col /impl bench.txt
//
// Heapless competes with a hand-written array and length (ArrayLen) and with
// the Option layout, a flag per slot (Option); Raw competes with a slice in a
// local variable (Slice) and with one in a struct behind a pointer, where a
// Raw lives (SliceField). Every implementation runs the same loop, through methods the
// compiler inlines, and the results go to a sink so that no loop is dead.
// -count=10 runs the whole set ten times, so the implementations interleave.

// benchN is the capacity of the fixed-size vectors the benchmarks compare.
const benchN = 16

// arrayLen is the fixed-capacity vector written by hand: an array and a
// length. Its pop clears the slot, and its get and set check the index
// against the length and panic with both, as Heapless does, so both do the
// same work. (With a constant message instead, the compiler needs no register
// for the length and folds its load into the compare: one instruction less
// per get or set.)
type arrayLen struct {
	buf [benchN]int64
	n   int
}

// indexError is the baselines' panic value for an index out of range: like
// Heapless's, it holds the index and the length and is formatted only when
// printed.
type indexError struct{ i, n int }

func (e indexError) Error() string {
	return "index " + strconv.Itoa(e.i) + " out of range [0:" + strconv.Itoa(e.n) + ")"
}

func (a *arrayLen) push(v int64) bool {
	if a.n == len(a.buf) {
		return false
	}
	a.buf[a.n] = v
	a.n++
	return true
}

func (a *arrayLen) pop() (int64, bool) {
	if a.n == 0 {
		return 0, false
	}
	a.n--
	v := a.buf[a.n]
	a.buf[a.n] = 0
	return v, true
}

func (a *arrayLen) get(i int) int64 {
	if uint(i) >= uint(a.n) {
		panic(indexError{i, a.n})
	}
	return a.buf[i]
}

func (a *arrayLen) set(i int, v int64) {
	if uint(i) >= uint(a.n) {
		panic(indexError{i, a.n})
	}
	a.buf[i] = v
}

// optionVec is the Option-style vector: each slot carries a flag saying
// whether it holds a value, the Go rendering of [N]Option<T>. The flag is
// what Heapless does without: it is set, checked and cleared on every access
// and costs a word of padding per int64.
type optionVec struct {
	slots [benchN]optionSlot[int64]
	n     int
}

func (o *optionVec) push(v int64) bool {
	if o.n == len(o.slots) {
		return false
	}
	o.slots[o.n] = optionSlot[int64]{true, v}
	o.n++
	return true
}

func (o *optionVec) pop() (int64, bool) {
	if o.n == 0 {
		return 0, false
	}
	o.n--
	s := &o.slots[o.n]
	if !s.ok {
		panic("optionVec: pop of an empty slot")
	}
	v := s.v
	*s = optionSlot[int64]{}
	return v, true
}

func (o *optionVec) get(i int) int64 {
	if uint(i) >= uint(o.n) {
		panic(indexError{i, o.n})
	}
	s := &o.slots[i]
	if !s.ok {
		panic("optionVec: get of an empty slot")
	}
	return s.v
}

func (o *optionVec) set(i int, v int64) {
	if uint(i) >= uint(o.n) {
		panic(indexError{i, o.n})
	}
	o.slots[i] = optionSlot[int64]{true, v}
}

var (
	sink64  int64
	sinkInt int
)

// The op functions below hold the loops the benchmarks time, one op per
// call. They are not inlined into the b.Loop body, where the compiler keeps
// every assigned variable alive (see cmd/compile/internal/bloop): a sum or a
// slice assigned there lives on the stack and each += is a store, which would
// time the spill instead of the vector. Inside them the vector's methods
// inline and locals stay in registers, as in the code a user writes. Each
// takes the vector by pointer, as that code holds it.

// heapless16 is the Heapless the benchmarks measure.
type heapless16 = vec.Heapless[int64, [benchN]int64]

//go:noinline
func heaplessPush(h *heapless16) {
	*h = heapless16{}
	for i := range benchN {
		h.Push(int64(i))
	}
}

//go:noinline
func arrayLenPush(a *arrayLen) {
	*a = arrayLen{}
	for i := range benchN {
		a.push(int64(i))
	}
}

//go:noinline
func optionPush(o *optionVec) {
	*o = optionVec{}
	for i := range benchN {
		o.push(int64(i))
	}
}

//go:noinline
func heaplessPop(h, full *heapless16) (sum int64) {
	*h = *full
	for range benchN {
		v, _ := h.Pop()
		sum += v
	}
	return sum
}

//go:noinline
func arrayLenPop(a, full *arrayLen) (sum int64) {
	*a = *full
	for range benchN {
		v, _ := a.pop()
		sum += v
	}
	return sum
}

//go:noinline
func optionPop(o, full *optionVec) (sum int64) {
	*o = *full
	for range benchN {
		v, _ := o.pop()
		sum += v
	}
	return sum
}

//go:noinline
func heaplessGet(h *heapless16) (sum int64) {
	for i := range benchN {
		sum += h.Get(i)
	}
	return sum
}

//go:noinline
func arrayLenGet(a *arrayLen) (sum int64) {
	for i := range benchN {
		sum += a.get(i)
	}
	return sum
}

//go:noinline
func optionGet(o *optionVec) (sum int64) {
	for i := range benchN {
		sum += o.get(i)
	}
	return sum
}

//go:noinline
func heaplessSet(h *heapless16) {
	for i := range benchN {
		h.Set(i, int64(i))
	}
}

//go:noinline
func arrayLenSet(a *arrayLen) {
	for i := range benchN {
		a.set(i, int64(i))
	}
}

//go:noinline
func optionSet(o *optionVec) {
	for i := range benchN {
		o.set(i, int64(i))
	}
}

//go:noinline
func heaplessPushPop(h *heapless16) (sum int64) {
	for i := range benchN {
		h.Push(int64(i))
	}
	for range benchN {
		v, _ := h.Pop()
		sum += v
	}
	return sum
}

//go:noinline
func arrayLenPushPop(a *arrayLen) (sum int64) {
	for i := range benchN {
		a.push(int64(i))
	}
	for range benchN {
		v, _ := a.pop()
		sum += v
	}
	return sum
}

//go:noinline
func optionPushPop(o *optionVec) (sum int64) {
	for i := range benchN {
		o.push(int64(i))
	}
	for range benchN {
		v, _ := o.pop()
		sum += v
	}
	return sum
}

// runOp runs op in b.Loop and reports, beside sec/op, the CPU time its
// thread used per op (cpu-ns/op, where the system tells it; see threadCPU).
func runOp(b *testing.B, op func()) {
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start, ok := threadCPU()
	for b.Loop() {
		op()
	}
	if end, ok2 := threadCPU(); ok && ok2 && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

// The Fixed benchmarks place each implementation's vector and its full
// template alike: at offsets 0 and 2048 of a 4096-byte object, which starts
// a page. Allocated as they came, the vectors' place in the heap decided the
// speed: with the same instructions, Pop of whichever pair was allocated
// first ran at 47 cpu-ns/op and the other at 25, and swapping the order of
// the allocations swapped the two.
type (
	pageHeapless struct {
		v    heapless16
		_    [2048 - unsafe.Sizeof(heapless16{})]byte
		full heapless16
		_    [2048 - unsafe.Sizeof(heapless16{})]byte
	}
	pageArrayLen struct {
		v    arrayLen
		_    [2048 - unsafe.Sizeof(arrayLen{})]byte
		full arrayLen
		_    [2048 - unsafe.Sizeof(arrayLen{})]byte
	}
	pageOption struct {
		v    optionVec
		_    [2048 - unsafe.Sizeof(optionVec{})]byte
		full optionVec
		_    [2048 - unsafe.Sizeof(optionVec{})]byte
	}
)

// BenchmarkFixed measures Heapless[int64, [16]int64] against its baselines.
// One op is 16 calls of the method op names, on a vector of 16 int64s:
//
//	Push:    16 pushes into an empty vector (reset by assigning a zero one)
//	Pop:     16 pops from a full vector (refilled by copying a full one)
//	Get:     16 gets from a full vector, summed
//	Set:     16 sets of a full vector
//	PushPop: 16 pushes, then 16 pops, summed
//
// The reset in Push and the refill in Pop copy the whole vector, twice the
// bytes for Option: that is the layout's cost. B/vec is unsafe.Sizeof.
func BenchmarkFixed(b *testing.B) {
	hPage, aPage, oPage := new(pageHeapless), new(pageArrayLen), new(pageOption)
	h, hFull := &hPage.v, &hPage.full
	a, aFull := &aPage.v, &aPage.full
	o, oFull := &oPage.v, &oPage.full
	if uintptr(unsafe.Pointer(hPage))%4096 != 0 || uintptr(unsafe.Pointer(aPage))%4096 != 0 ||
		uintptr(unsafe.Pointer(oPage))%4096 != 0 {
		b.Fatal("a 4096-byte object does not start a page")
	}
	for i := range benchN {
		hFull.Push(int64(i))
		aFull.push(int64(i))
		oFull.push(int64(i))
	}
	type impl struct {
		name string
		size uintptr
		op   func()
	}
	ops := []struct {
		name  string
		impls []impl
	}{
		{"Push", []impl{
			{"ArrayLen", unsafe.Sizeof(*a), func() { arrayLenPush(a) }},
			{"Heapless", unsafe.Sizeof(*h), func() { heaplessPush(h) }},
			{"Option", unsafe.Sizeof(*o), func() { optionPush(o) }},
		}},
		{"Pop", []impl{
			{"ArrayLen", unsafe.Sizeof(*a), func() { sink64 = arrayLenPop(a, aFull) }},
			{"Heapless", unsafe.Sizeof(*h), func() { sink64 = heaplessPop(h, hFull) }},
			{"Option", unsafe.Sizeof(*o), func() { sink64 = optionPop(o, oFull) }},
		}},
		{"Get", []impl{
			{"ArrayLen", unsafe.Sizeof(*a), func() { sink64 = arrayLenGet(aFull) }},
			{"Heapless", unsafe.Sizeof(*h), func() { sink64 = heaplessGet(hFull) }},
			{"Option", unsafe.Sizeof(*o), func() { sink64 = optionGet(oFull) }},
		}},
		{"Set", []impl{
			{"ArrayLen", unsafe.Sizeof(*a), func() { arrayLenSet(aFull) }},
			{"Heapless", unsafe.Sizeof(*h), func() { heaplessSet(hFull) }},
			{"Option", unsafe.Sizeof(*o), func() { optionSet(oFull) }},
		}},
		{"PushPop", []impl{
			{"ArrayLen", unsafe.Sizeof(*a), func() { sink64 = arrayLenPushPop(a) }},
			{"Heapless", unsafe.Sizeof(*h), func() { sink64 = heaplessPushPop(h) }},
			{"Option", unsafe.Sizeof(*o), func() { sink64 = optionPushPop(o) }},
		}},
	}
	for _, op := range ops {
		for _, im := range op.impls {
			b.Run("op="+op.name+"/impl="+im.name, func(b *testing.B) {
				runOp(b, im.op)
				b.ReportMetric(float64(im.size), "B/vec")
			})
		}
	}
	// Get and Set leave the full vectors as they were: a check that the ops
	// did their work, whichever of them ran.
	for i := range benchN {
		if hFull.Get(i) != int64(i) || aFull.get(i) != int64(i) || oFull.get(i) != int64(i) {
			b.Fatalf("element %d of a full vector changed", i)
		}
	}
}

// growN is the number of elements the Raw benchmarks push per op.
const growN = 1024

//go:noinline
func rawPush(r *vec.Raw[int64]) {
	for i := range growN {
		r.Push(int64(i))
	}
	r.Truncate(0)
}

// rawExtend is rawPush written with Extend: one call appends growN zero
// elements, and the loop fills the view with the length in a register.
//
//go:noinline
func rawExtend(r *vec.Raw[int64]) {
	s := r.Extend(growN)
	for i := range s {
		s[i] = int64(i)
	}
	r.Truncate(0)
}

//go:noinline
func slicePush(s []int64) []int64 {
	for i := range growN {
		s = append(s, int64(i))
	}
	return s[:0]
}

//go:noinline
func rawGet(r *vec.Raw[int64]) (sum int64) {
	for i := range growN {
		sum += r.Get(i)
	}
	return sum
}

// sliceGet and sliceSet index s with i < growN: len(s) is not a constant
// here, so the bounds checks stay, as Raw's index checks do.
//
//go:noinline
func sliceGet(s []int64) (sum int64) {
	for i := range growN {
		sum += s[i]
	}
	return sum
}

//go:noinline
func rawSet(r *vec.Raw[int64]) {
	for i := range growN {
		r.Set(i, int64(i))
	}
}

//go:noinline
func sliceSet(s []int64) {
	for i := range growN {
		s[i] = int64(i)
	}
}

// sliceField is a slice kept where a Raw is kept: in a struct reached through
// a pointer. Its loops, like Raw's, load the header from memory on every
// call (Go does not hoist loads out of loops), and its appends store it back.
type sliceField struct{ s []int64 }

//go:noinline
func sliceFieldPush(p *sliceField) {
	for i := range growN {
		p.s = append(p.s, int64(i))
	}
	p.s = p.s[:0]
}

//go:noinline
func sliceFieldGet(p *sliceField) (sum int64) {
	for i := range growN {
		sum += p.s[i]
	}
	return sum
}

//go:noinline
func sliceFieldSet(p *sliceField) {
	for i := range growN {
		p.s[i] = int64(i)
	}
}

//go:noinline
func rawGrow() int {
	var r vec.Raw[int64]
	for i := range growN {
		r.Push(int64(i))
	}
	n := r.Len()
	r.Free()
	return n
}

//go:noinline
func sliceGrow() int {
	var s []int64
	for i := range growN {
		s = append(s, int64(i))
	}
	return len(s)
}

// BenchmarkGrowable measures Raw[int64] against a slice of int64. One op is
// growN calls of the method op names:
//
//	Push: growN pushes into reserved room, then Truncate(0) (for the slice,
//	      appends onto a slice of capacity growN, then s[:0]); RawExtend is
//	      one Extend(growN) into reserved room, the view filled by a loop,
//	      then Truncate(0)
//	Get:  growN reads of elements 0..growN-1, summed
//	Set:  growN writes of elements 0..growN-1
//	Grow: growN pushes into an empty vector, then Free (for the slice,
//	      appends from nil): growth, allocation and release included
//
// Raw's memory comes from C malloc under cgo, which -benchmem does not see:
// its B/op and allocs/op count only the Raw header and its cleanup.
func BenchmarkGrowable(b *testing.B) {
	r := newBenchRaw(b)
	for range growN {
		r.Push(0)
	}
	reserved := newBenchRaw(b)
	s := make([]int64, growN)
	empty := make([]int64, 0, growN)
	field := &sliceField{make([]int64, growN)}
	emptyField := &sliceField{make([]int64, 0, growN)}
	benches := []struct {
		name string
		op   func()
	}{
		{"op=Push/impl=Slice", func() { empty = slicePush(empty) }},
		{"op=Push/impl=SliceField", func() { sliceFieldPush(emptyField) }},
		{"op=Push/impl=Raw", func() { rawPush(reserved) }},
		{"op=Push/impl=RawExtend", func() { rawExtend(reserved) }},
		{"op=Get/impl=Slice", func() { sink64 = sliceGet(s) }},
		{"op=Get/impl=SliceField", func() { sink64 = sliceFieldGet(field) }},
		{"op=Get/impl=Raw", func() { sink64 = rawGet(r) }},
		{"op=Set/impl=Slice", func() { sliceSet(s) }},
		{"op=Set/impl=SliceField", func() { sliceFieldSet(field) }},
		{"op=Set/impl=Raw", func() { rawSet(r) }},
		{"op=Grow/impl=Slice", func() { sinkInt = sliceGrow() }},
		{"op=Grow/impl=Raw", func() { sinkInt = rawGrow() }},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) { runOp(b, bb.op) })
	}
	if r.Len() != growN || len(s) != growN || reserved.Len() != 0 || reserved.Cap() != growN ||
		len(field.s) != growN || cap(emptyField.s) != growN {
		b.Fatal("a benchmark op left its vector in the wrong state")
	}
}

// newBenchRaw returns an empty Raw with room for growN elements, freed when
// the benchmark ends.
func newBenchRaw(b *testing.B) *vec.Raw[int64] {
	r, err := vec.NewRaw[int64](growN)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(r.Free)
	return r
}

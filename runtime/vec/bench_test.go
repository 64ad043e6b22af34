package vec_test

import (
	"testing"
	"unsafe"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// benchN is the capacity of the fixed-size vectors the benchmarks compare.
const benchN = 16

// arrayLen is the fixed-capacity vector written by hand: an array and a
// length. Its pop clears the slot, as Heapless does, so both do the same work.
type arrayLen struct {
	n   int
	buf [benchN]int64
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

// optionVec is the Option-style vector: each slot carries a flag saying
// whether it holds a value, the Go rendering of [N]Option<T>. The flag is
// what Heapless does without: it is set, checked and cleared on every access
// and costs a word of padding per int64.
type optionVec struct {
	n     int
	slots [benchN]optionSlot[int64]
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

var sink64 int64

// BenchmarkPushPop fills a vector of capacity 16 and drains it: one op is
// 16 pushes and 16 pops. B/vec is the unsafe.Sizeof of the vector.
func BenchmarkPushPop(b *testing.B) {
	b.Run("Heapless", func(b *testing.B) {
		b.ReportAllocs()
		var h vec.Heapless[int64, [benchN]int64]
		var sum int64
		for b.Loop() {
			for i := range benchN {
				h.Push(int64(i))
			}
			for range benchN {
				v, _ := h.Pop()
				sum += v
			}
		}
		sink64 = sum
		b.ReportMetric(float64(unsafe.Sizeof(h)), "B/vec")
	})
	b.Run("ArrayLen", func(b *testing.B) {
		b.ReportAllocs()
		var a arrayLen
		var sum int64
		for b.Loop() {
			for i := range benchN {
				a.push(int64(i))
			}
			for range benchN {
				v, _ := a.pop()
				sum += v
			}
		}
		sink64 = sum
		b.ReportMetric(float64(unsafe.Sizeof(a)), "B/vec")
	})
	b.Run("Option", func(b *testing.B) {
		b.ReportAllocs()
		var o optionVec
		var sum int64
		for b.Loop() {
			for i := range benchN {
				o.push(int64(i))
			}
			for range benchN {
				v, _ := o.pop()
				sum += v
			}
		}
		sink64 = sum
		b.ReportMetric(float64(unsafe.Sizeof(o)), "B/vec")
	})
}

// growN is the number of elements the Raw benchmarks push per op.
const growN = 1024

var sinkSlice []int64

// BenchmarkGrow pushes growN elements into an empty vector and drops it:
// the cost of growth by doubling, allocation and release included. Raw's
// memory comes from C malloc under cgo, which -benchmem does not see: its
// B/op and allocs/op count only the Raw header and its cleanup.
func BenchmarkGrow(b *testing.B) {
	b.Run("Raw", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var r vec.Raw[int64]
			for i := range growN {
				r.Push(int64(i))
			}
			r.Free()
		}
	})
	b.Run("Append", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var s []int64
			for i := range growN {
				s = append(s, int64(i))
			}
			sinkSlice = s
		}
	})
}

// BenchmarkPushReserved pushes growN elements into a vector that already
// has room for them, then empties it: the cost of Push itself.
func BenchmarkPushReserved(b *testing.B) {
	b.Run("Raw", func(b *testing.B) {
		b.ReportAllocs()
		r, err := vec.NewRaw[int64](growN)
		if err != nil {
			b.Fatal(err)
		}
		defer r.Free()
		for b.Loop() {
			for i := range growN {
				r.Push(int64(i))
			}
			r.Truncate(0)
		}
	})
	b.Run("Append", func(b *testing.B) {
		b.ReportAllocs()
		s := make([]int64, 0, growN)
		for b.Loop() {
			for i := range growN {
				s = append(s, int64(i))
			}
			s = s[:0]
		}
		sinkSlice = s
	})
}

package vec_test

import (
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
// the Option layout, a flag per slot (Option); Raw competes with a slice
// (Slice). Every implementation runs the same loop, through methods the
// compiler inlines, and the results go to a sink so that no loop is dead.
// -count=10 runs the whole set ten times, so the implementations interleave.

// benchN is the capacity of the fixed-size vectors the benchmarks compare.
const benchN = 16

// arrayLen is the fixed-capacity vector written by hand: an array and a
// length. Its pop clears the slot and its get checks the index against the
// length, as Heapless does, so both do the same work.
type arrayLen struct {
	buf [benchN]int64
	n   int
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
		panic("arrayLen: index out of range")
	}
	return a.buf[i]
}

func (a *arrayLen) set(i int, v int64) {
	if uint(i) >= uint(a.n) {
		panic("arrayLen: index out of range")
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
		panic("optionVec: index out of range")
	}
	s := &o.slots[i]
	if !s.ok {
		panic("optionVec: get of an empty slot")
	}
	return s.v
}

func (o *optionVec) set(i int, v int64) {
	if uint(i) >= uint(o.n) {
		panic("optionVec: index out of range")
	}
	o.slots[i] = optionSlot[int64]{true, v}
}

var (
	sink64    int64
	sinkBool  bool
	sinkSlice []int64
)

// heapless16 is the Heapless the benchmarks measure.
type heapless16 = vec.Heapless[int64, [benchN]int64]

// fixedBench is one implementation of the fixed-capacity vector, in the
// shape every Fixed benchmark needs: the loops are written out for each, so
// that each inlines its own methods.
type fixedBench struct {
	name string
	size uintptr
	// push, pushPop, pop, get and set run b.Loop with one op each:
	// 16 pushes into an empty vector, 16 pushes and 16 pops, 16 pops from a
	// full vector, 16 gets or 16 sets of a full vector.
	push, pushPop, pop, get, set func(b *testing.B)
}

// fixedBenches are Heapless and its two baselines. Push and Pop start each op
// from a copy of an empty or full vector, the same copy for all three (bigger
// for Option, whose slots are twice the size: that is the layout's cost).
var fixedBenches = []fixedBench{
	{
		name: "ArrayLen",
		size: unsafe.Sizeof(arrayLen{}),
		push: func(b *testing.B) {
			var a, empty arrayLen
			for b.Loop() {
				a = empty
				for i := range benchN {
					sinkBool = a.push(int64(i))
				}
			}
			sink64 = a.get(benchN - 1)
		},
		pushPop: func(b *testing.B) {
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
		},
		pop: func(b *testing.B) {
			var a, full arrayLen
			for i := range benchN {
				full.push(int64(i))
			}
			var sum int64
			for b.Loop() {
				a = full
				for range benchN {
					v, _ := a.pop()
					sum += v
				}
			}
			sink64 = sum
		},
		get: func(b *testing.B) {
			var a arrayLen
			for i := range benchN {
				a.push(int64(i))
			}
			var sum int64
			for b.Loop() {
				for i := range benchN {
					sum += a.get(i)
				}
			}
			sink64 = sum
		},
		set: func(b *testing.B) {
			var a arrayLen
			for i := range benchN {
				a.push(int64(i))
			}
			for b.Loop() {
				for i := range benchN {
					a.set(i, int64(i))
				}
			}
			sink64 = a.get(benchN - 1)
		},
	},
	{
		name: "Heapless",
		size: unsafe.Sizeof(heapless16{}),
		push: func(b *testing.B) {
			var h, empty heapless16
			for b.Loop() {
				h = empty
				for i := range benchN {
					sinkBool = h.Push(int64(i))
				}
			}
			sink64 = h.Get(benchN - 1)
		},
		pushPop: func(b *testing.B) {
			var h heapless16
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
		},
		pop: func(b *testing.B) {
			var h, full heapless16
			for i := range benchN {
				full.Push(int64(i))
			}
			var sum int64
			for b.Loop() {
				h = full
				for range benchN {
					v, _ := h.Pop()
					sum += v
				}
			}
			sink64 = sum
		},
		get: func(b *testing.B) {
			var h heapless16
			for i := range benchN {
				h.Push(int64(i))
			}
			var sum int64
			for b.Loop() {
				for i := range benchN {
					sum += h.Get(i)
				}
			}
			sink64 = sum
		},
		set: func(b *testing.B) {
			var h heapless16
			for i := range benchN {
				h.Push(int64(i))
			}
			for b.Loop() {
				for i := range benchN {
					h.Set(i, int64(i))
				}
			}
			sink64 = h.Get(benchN - 1)
		},
	},
	{
		name: "Option",
		size: unsafe.Sizeof(optionVec{}),
		push: func(b *testing.B) {
			var o, empty optionVec
			for b.Loop() {
				o = empty
				for i := range benchN {
					sinkBool = o.push(int64(i))
				}
			}
			sink64 = o.get(benchN - 1)
		},
		pushPop: func(b *testing.B) {
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
		},
		pop: func(b *testing.B) {
			var o, full optionVec
			for i := range benchN {
				full.push(int64(i))
			}
			var sum int64
			for b.Loop() {
				o = full
				for range benchN {
					v, _ := o.pop()
					sum += v
				}
			}
			sink64 = sum
		},
		get: func(b *testing.B) {
			var o optionVec
			for i := range benchN {
				o.push(int64(i))
			}
			var sum int64
			for b.Loop() {
				for i := range benchN {
					sum += o.get(i)
				}
			}
			sink64 = sum
		},
		set: func(b *testing.B) {
			var o optionVec
			for i := range benchN {
				o.push(int64(i))
			}
			for b.Loop() {
				for i := range benchN {
					o.set(i, int64(i))
				}
			}
			sink64 = o.get(benchN - 1)
		},
	},
}

// BenchmarkFixed measures Heapless[int64, [16]int64] against its baselines,
// one op being 16 calls of the method named by op (16 of each for PushPop).
// B/vec is the unsafe.Sizeof of the vector.
func BenchmarkFixed(b *testing.B) {
	for _, op := range []string{"Push", "Pop", "Get", "Set", "PushPop"} {
		for _, fb := range fixedBenches {
			f := map[string]func(*testing.B){
				"Push": fb.push, "Pop": fb.pop, "Get": fb.get, "Set": fb.set, "PushPop": fb.pushPop,
			}[op]
			b.Run("op="+op+"/impl="+fb.name, func(b *testing.B) {
				b.ReportAllocs()
				f(b)
				b.ReportMetric(float64(fb.size), "B/vec")
			})
		}
	}
}

// growN is the number of elements the Raw benchmarks push per op.
const growN = 1024

// BenchmarkGrowable measures Raw[int64] against a slice of int64, one op
// being growN calls of the method named by op:
//
//	Push: growN pushes into reserved room, then Truncate(0) (for the slice,
//	      appends onto a slice of capacity growN, then s = s[:0])
//	Get:  growN reads of elements 0..growN-1 (the slice's length is not a
//	      constant, so its bounds checks stay, as Raw's do)
//	Set:  growN writes of elements 0..growN-1
//	Grow: growN pushes into an empty vector, then Free (for the slice,
//	      appends from nil): growth, allocation and release included.
//
// Raw's memory comes from C malloc under cgo, which -benchmem does not see:
// its B/op and allocs/op count only the Raw header and its cleanup.
func BenchmarkGrowable(b *testing.B) {
	b.Run("op=Push/impl=Slice", func(b *testing.B) {
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
	b.Run("op=Push/impl=Raw", func(b *testing.B) {
		b.ReportAllocs()
		r := newBenchRaw(b)
		for b.Loop() {
			for i := range growN {
				r.Push(int64(i))
			}
			r.Truncate(0)
		}
	})
	b.Run("op=Get/impl=Slice", func(b *testing.B) {
		b.ReportAllocs()
		sinkSlice = make([]int64, growN)
		s := sinkSlice
		var sum int64
		for b.Loop() {
			for i := range growN {
				sum += s[i]
			}
		}
		sink64 = sum
	})
	b.Run("op=Get/impl=Raw", func(b *testing.B) {
		b.ReportAllocs()
		r := newBenchRaw(b)
		for range growN {
			r.Push(0)
		}
		var sum int64
		for b.Loop() {
			for i := range growN {
				sum += r.Get(i)
			}
		}
		sink64 = sum
	})
	b.Run("op=Set/impl=Slice", func(b *testing.B) {
		b.ReportAllocs()
		sinkSlice = make([]int64, growN)
		s := sinkSlice
		for b.Loop() {
			for i := range growN {
				s[i] = int64(i)
			}
		}
	})
	b.Run("op=Set/impl=Raw", func(b *testing.B) {
		b.ReportAllocs()
		r := newBenchRaw(b)
		for range growN {
			r.Push(0)
		}
		for b.Loop() {
			for i := range growN {
				r.Set(i, int64(i))
			}
		}
		sink64 = r.Get(growN - 1)
	})
	b.Run("op=Grow/impl=Slice", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var s []int64
			for i := range growN {
				s = append(s, int64(i))
			}
			sinkSlice = s
		}
	})
	b.Run("op=Grow/impl=Raw", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var r vec.Raw[int64]
			for i := range growN {
				r.Push(int64(i))
			}
			r.Free()
		}
	})
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

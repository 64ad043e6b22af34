package vec_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

// The fuzz tests read their input as pairs of bytes, an operation and its
// argument, apply each operation to a vector and to a plain slice (the
// model), and compare them after every step. Arguments map to indexes a
// little outside the valid range too, so that the bounds checks are fuzzed:
// an operation must panic exactly when the model says it is out of range.

// fuzzSeeds are operation sequences that reach the interesting states
// (full, empty again, grown, freed) quickly.
var fuzzSeeds = [][]byte{
	{},
	{0, 1, 0, 2, 0, 3, 1, 0, 2, 3, 3, 4, 5, 2},
	{0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9, 6, 1, 7, 0, 8, 2},
	{4, 2, 4, 3, 4, 0, 5, 9, 2, 2, 8, 1, 1, 0, 1, 0, 1, 0},
	{8, 5, 0, 1, 8, 20, 3, 4, 2, 0, 8, 1},
}

// step is one operation decoded from fuzz input.
type step struct {
	op  byte
	arg byte
}

// steps decodes b into operations.
func steps(b []byte) []step {
	s := make([]step, 0, len(b)/2)
	for ; len(b) >= 2; b = b[2:] {
		s = append(s, step{b[0], b[1]})
	}
	return s
}

// expectPanic runs f and fails t unless f panics exactly when want says so.
func expectPanic(t *testing.T, what string, want bool, f func()) {
	t.Helper()
	if msg, panicked := panicMessage(f); panicked != want {
		t.Fatalf("%s: panicked = %v (%q), want %v", what, panicked, msg, want)
	}
}

const fuzzHeaplessCap = 8

func FuzzHeapless(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		// string elements hold pointers: clearing vacated slots matters.
		var h vec.Heapless[string, [fuzzHeaplessCap]string]
		var model []string
		for _, s := range steps(input) {
			i := int(s.arg%(fuzzHeaplessCap+4)) - 2 // -2 .. Cap+1
			v := strconv.Itoa(int(s.arg))
			inRange := 0 <= i && i < len(model)
			full := len(model) == fuzzHeaplessCap
			what := "step " + strconv.Itoa(int(s.op%10)) + " with index " + strconv.Itoa(i)
			switch s.op % 10 {
			case 0:
				if ok := h.Push(v); ok == full {
					t.Fatalf("Push = %v with Len %d", ok, len(model))
				}
				if !full {
					model = append(model, v)
				}
			case 1:
				got, ok := h.Pop()
				if ok != (len(model) > 0) || ok && got != model[len(model)-1] {
					t.Fatalf("Pop = %q, %v; model %q", got, ok, model)
				}
				if ok {
					model = model[:len(model)-1]
				}
			case 2:
				expectPanic(t, what, !inRange, func() {
					if got := h.Get(i); got != model[i] {
						t.Fatalf("Get(%d) = %q, want %q", i, got, model[i])
					}
				})
			case 3:
				expectPanic(t, what, !inRange, func() { h.Set(i, v) })
				if inRange {
					model[i] = v
				}
			case 4:
				valid := 0 <= i && i <= len(model)
				expectPanic(t, what, !valid, func() {
					if ok := h.Insert(i, v); ok == full {
						t.Fatalf("Insert = %v with Len %d", ok, len(model))
					}
				})
				if valid && !full {
					model = slices.Insert(model, i, v)
				}
			case 5:
				expectPanic(t, what, !inRange, func() {
					if got := h.Remove(i); got != model[i] {
						t.Fatalf("Remove(%d) = %q, want %q", i, got, model[i])
					}
				})
				if inRange {
					model = slices.Delete(model, i, i+1)
				}
			case 6:
				expectPanic(t, what, !inRange, func() {
					if got := h.SwapRemove(i); got != model[i] {
						t.Fatalf("SwapRemove(%d) = %q, want %q", i, got, model[i])
					}
				})
				if inRange {
					model[i] = model[len(model)-1]
					model = model[:len(model)-1]
				}
			case 7:
				valid := 0 <= i && i <= len(model)
				expectPanic(t, what, !valid, func() { h.Truncate(i) })
				if valid {
					model = model[:i]
				}
			case 8:
				h.Clear()
				model = model[:0]
			case 9:
				// A copy is independent: changing it leaves h as it was.
				c := h
				c.Clear()
			}
			if h.Len() != len(model) || !slices.Equal(h.Slice(), model) || !slices.Equal(contents(&h), model) {
				t.Fatalf("after %s: Slice %q, All %q; model %q", what, h.Slice(), contents(&h), model)
			}
			checkVacated(t, &h)
		}
	})
}

func FuzzRaw(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		var r vec.Raw[int32]
		defer r.Free()
		var model []int32
		for _, s := range steps(input) {
			i := int(s.arg%24) - 2 // -2 .. 21
			v := int32(s.arg) << 8
			inRange := 0 <= i && i < len(model)
			what := "step " + strconv.Itoa(int(s.op%9)) + " with index " + strconv.Itoa(i)
			switch s.op % 9 {
			case 0, 1:
				r.Push(v)
				model = append(model, v)
			case 2:
				got, ok := r.Pop()
				if ok != (len(model) > 0) || ok && got != model[len(model)-1] {
					t.Fatalf("Pop = %d, %v; model %d", got, ok, model)
				}
				if ok {
					model = model[:len(model)-1]
				}
			case 3:
				expectPanic(t, what, !inRange, func() {
					if got := r.Get(i); got != model[i] {
						t.Fatalf("Get(%d) = %d, want %d", i, got, model[i])
					}
				})
			case 4:
				expectPanic(t, what, !inRange, func() { r.Set(i, v) })
				if inRange {
					model[i] = v
				}
			case 5:
				expectPanic(t, what, i < 0, func() { r.Reserve(i) })
				if i >= 0 && r.Cap()-r.Len() < i {
					t.Fatalf("Reserve(%d) left room for %d", i, r.Cap()-r.Len())
				}
			case 6:
				valid := 0 <= i && i <= len(model)
				expectPanic(t, what, !valid, func() { r.Truncate(i) })
				if valid {
					model = model[:i]
				}
			case 7:
				if s.arg%4 == 0 {
					r.Free()
					model = nil
				}
			case 8:
				var view []int32
				expectPanic(t, what, i < 0, func() { view = r.Extend(i) })
				if i >= 0 {
					if len(view) != i || slices.ContainsFunc(view, func(x int32) bool { return x != 0 }) {
						t.Fatalf("Extend(%d) = %d, want %d zeros", i, view, i)
					}
					for k := range view {
						view[k] = v + int32(k)
						model = append(model, v+int32(k))
					}
				}
			}
			if r.Len() != len(model) || r.Cap() < r.Len() ||
				!slices.Equal(r.Slice(), model) || !slices.Equal(rawContents(&r), model) {
				t.Fatalf("after %s: Len %d, Cap %d, Slice %d, All %d; model %d",
					what, r.Len(), r.Cap(), r.Slice(), rawContents(&r), model)
			}
		}
	})
}

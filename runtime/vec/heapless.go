package vec

import (
	"iter"
	"reflect"
	"unsafe"
)

// Array is the constraint on the second type argument of [Heapless]: an array of T, or a type
// whose underlying type is one, of length 0 to 64 or a power of two from 128 to 65536. Go has
// no constraint for "an array of T of any length", so Array lists the lengths it allows. In
// exchange the compiler, not a run-time check, proves that A is [N]T (see [Heapless]).
type Array[T any] interface {
	~[0]T | ~[1]T | ~[2]T | ~[3]T | ~[4]T | ~[5]T | ~[6]T | ~[7]T | ~[8]T | ~[9]T | ~[10]T | ~[11]T |
		~[12]T | ~[13]T | ~[14]T | ~[15]T | ~[16]T | ~[17]T | ~[18]T | ~[19]T | ~[20]T | ~[21]T |
		~[22]T | ~[23]T | ~[24]T | ~[25]T | ~[26]T | ~[27]T | ~[28]T | ~[29]T | ~[30]T | ~[31]T |
		~[32]T | ~[33]T | ~[34]T | ~[35]T | ~[36]T | ~[37]T | ~[38]T | ~[39]T | ~[40]T | ~[41]T |
		~[42]T | ~[43]T | ~[44]T | ~[45]T | ~[46]T | ~[47]T | ~[48]T | ~[49]T | ~[50]T | ~[51]T |
		~[52]T | ~[53]T | ~[54]T | ~[55]T | ~[56]T | ~[57]T | ~[58]T | ~[59]T | ~[60]T | ~[61]T |
		~[62]T | ~[63]T | ~[64]T | ~[128]T | ~[256]T | ~[512]T | ~[1024]T | ~[2048]T | ~[4096]T |
		~[8192]T | ~[16384]T | ~[32768]T | ~[65536]T
}

// Heapless is a vector of at most N values of type T, stored inline in an
// array A that is [N]T, for example Heapless[int, [16]int]. It never
// allocates: its size is the array's plus one int, and it lives wherever its
// container puts it (the stack, a struct field, an array).
//
// The zero value is an empty vector with capacity N. A Heapless may be copied;
// the copy holds copies of the elements and is independent of the original.
//
// The capacity N is one of the lengths that [Array] lists. That is the price
// of a Heapless as fast as a hand-written array and length, with a zero value
// ready to use: the compiler proves that A is an array of T, so no method
// checks it at run time and each accessor compiles to the array access it
// wraps. A Heapless[T, A any] with a run-time check could take any N, but the
// check, a reflect comparison of A with [N]T, would run each time an element
// enters an empty vector (about 8 ns, where 16 pushes now cost about 22 ns)
// or need a flag that a zero value lacks (see docs/performance-vec.md). For a
// capacity Array does not list, round up to the next one it does.
//
// Slots past the length hold the zero T: every method that vacates a slot
// clears it, so the vector never keeps a dropped value's referents alive.
type Heapless[T any, A Array[T]] struct {
	// buf holds the slots. Slots at index >= n are logically uninitialized:
	// no method reads them (vecdebug builds check that they are still zero).
	// It comes first because Go pads a zero-size last field, as A is for
	// [0]T or [N]struct{}.
	buf A

	// n is the length: slots [0, n) of buf hold values the caller stored.
	// 0 <= n <= len(buf).
	n int
}

// prefix returns slots [0, n) of buf as a slice whose capacity is n.
// The caller must ensure that 0 <= n <= len(buf).
func (h *Heapless[T, A]) prefix(n int) []T {
	// A is [len(buf)]T and n <= len(buf): the n elements lie inside buf.
	return unsafe.Slice((*T)(unsafe.Pointer(&h.buf)), n)
}

// checkTail panics if slot n, the first one past the length, is no longer
// zero: something wrote to it after the vector vacated it, which only a stale
// view from Slice can do. Only vecdebug builds call it.
func (h *Heapless[T, A]) checkTail(method string) {
	if h.n == len(h.buf) {
		return
	}
	// n < len(buf): slot n lies inside buf and holds a T.
	if !reflect.NewAt(reflect.TypeFor[T](), unsafe.Pointer(&h.buf[h.n])).Elem().IsZero() {
		panicStale("Heapless."+method, h.n, h.n)
	}
}

// Len returns the number of elements in h.
func (h *Heapless[T, A]) Len() int { return h.n }

// Cap returns N, the number of elements h can hold.
func (h *Heapless[T, A]) Cap() int { return len(h.buf) }

// Push appends v and reports whether it fit. When h is full, Push returns
// false and leaves h unchanged.
func (h *Heapless[T, A]) Push(v T) bool {
	n := h.n
	// n == len(buf), written unsigned: 0 <= n <= len(buf), so the two agree,
	// and this one proves n < len(buf) to the compiler, which drops the
	// bounds check of buf[n] (one compare and branch per push).
	if uint(n) >= uint(len(h.buf)) {
		return false
	}
	if debug {
		h.checkTail("Push")
	}
	h.buf[n] = v
	h.n = n + 1
	return true
}

// Pop removes and returns the last element, and reports whether there was
// one. The vacated slot is cleared.
func (h *Heapless[T, A]) Pop() (T, bool) {
	var zero T
	// n == 0 wraps n-1 to the largest uint: 0 <= n <= len(buf), so this is
	// n == 0, and it proves n-1 < len(buf), which drops the bounds checks of
	// buf[n-1], as in Push.
	n := h.n - 1
	if uint(n) >= uint(len(h.buf)) {
		return zero, false
	}
	h.n = n
	// The old length was n+1: slot n was initialized.
	v := h.buf[n]
	h.buf[n] = zero
	return v, true
}

// Get returns element i. It panics unless 0 <= i < Len().
func (h *Heapless[T, A]) Get(i int) T {
	if uint(i) >= uint(h.n) {
		// checkIndex, written out: the panic reads h.n again, so that the
		// compare takes h.n from memory and no register holds it (see
		// docs/performance-vec.md).
		panic(rangeError{"Heapless.Get", i, h.n, ""})
	}
	if debug {
		h.checkTail("Get")
	}
	// 0 <= i < n: slot i is initialized.
	return h.buf[i]
}

// Set replaces element i with v. It panics unless 0 <= i < Len().
func (h *Heapless[T, A]) Set(i int, v T) {
	if uint(i) >= uint(h.n) {
		// checkIndex, written out, as in Get.
		panic(rangeError{"Heapless.Set", i, h.n, ""})
	}
	if debug {
		h.checkTail("Set")
	}
	h.buf[i] = v
}

// Insert inserts v at index i, shifting elements [i, Len()) up by one, and
// reports whether it fit. When h is full, Insert returns false and leaves h
// unchanged. It panics unless 0 <= i <= Len().
func (h *Heapless[T, A]) Insert(i int, v T) bool {
	checkBound("Heapless.Insert", "index", i, h.n)
	if h.n == len(h.buf) {
		return false
	}
	if debug {
		h.checkTail("Insert")
	}
	// n < len(buf): n+1 slots fit in buf.
	s := h.prefix(h.n + 1)
	copy(s[i+1:], s[i:h.n])
	s[i] = v
	h.n++
	return true
}

// Remove removes and returns element i, shifting elements (i, Len()) down
// by one. The vacated last slot is cleared. It panics unless 0 <= i < Len().
func (h *Heapless[T, A]) Remove(i int) T {
	checkIndex("Heapless.Remove", i, h.n)
	// Slots [0, n) are initialized.
	s := h.prefix(h.n)
	v := s[i]
	copy(s[i:], s[i+1:])
	clear(s[h.n-1:])
	h.n--
	return v
}

// SwapRemove removes and returns element i, moving the last element into
// its place: O(1), but it does not keep the order. The vacated last slot is
// cleared. It panics unless 0 <= i < Len().
func (h *Heapless[T, A]) SwapRemove(i int) T {
	checkIndex("Heapless.SwapRemove", i, h.n)
	// Slots [0, n) are initialized.
	s := h.prefix(h.n)
	v := s[i]
	s[i] = s[h.n-1]
	clear(s[h.n-1:])
	h.n--
	return v
}

// Truncate shortens h to its first n elements and clears the slots it drops.
// It panics unless 0 <= n <= Len().
func (h *Heapless[T, A]) Truncate(n int) {
	checkBound("Heapless.Truncate", "length", n, h.n)
	if n == h.n {
		return
	}
	// n < h.n: slots [0, h.n) are initialized.
	clear(h.prefix(h.n)[n:])
	h.n = n
}

// Clear removes every element and clears their slots.
func (h *Heapless[T, A]) Clear() {
	if h.n == 0 {
		return
	}
	// Slots [0, n) are initialized.
	clear(h.prefix(h.n))
	h.n = 0
}

// Slice returns the elements of h, or nil if h is empty. The slice aliases
// h: writes through it change h. Its length and capacity are both Len(), and
// it does not follow later changes of h's length (see the package doc).
func (h *Heapless[T, A]) Slice() []T {
	if h.n == 0 {
		return nil
	}
	// Slots [0, n) are initialized.
	return h.prefix(h.n)
}

// All returns an iterator over the indexes and elements of h in order.
// It reads h's length at each step, so the loop body may change h: the
// iteration then continues with the current contents and stops at the
// current end.
func (h *Heapless[T, A]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i := 0; i < h.n; i++ {
			// i < n, read afresh after each yield: slot i is initialized.
			if !yield(i, h.buf[i]) {
				return
			}
		}
	}
}

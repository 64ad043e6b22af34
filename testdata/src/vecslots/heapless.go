package vecslots

import (
	"iter"
	"reflect"
	"unsafe"
)

// Heapless is a vector of at most N values of type T, stored inline in an
// array A that must be [N]T, for example Heapless[int, [16]int]. It never
// allocates: its size is the array's plus one int, and it lives wherever its
// container puts it (the stack, a struct field, an array).
//
// The zero value is an empty vector with capacity N. A Heapless may be copied;
// the copy holds copies of the elements and is independent of the original.
//
// Go cannot constrain A to "an array of T", so the methods that need the
// capacity of an empty vector (Push, Insert, Cap) check it with reflect and
// panic if A is anything else. The check costs a few nanoseconds each time an
// element enters an empty vector, and nothing once it holds one.
//
// Slots past the length hold the zero T: every method that vacates a slot
// clears it, so the vector never keeps a dropped value's referents alive.
type Heapless[T any, A any] struct {
	// buf holds the slots. Slots at index >= n are logically uninitialized:
	// no method reads them (vecdebug builds check that they are still zero).
	// It comes first because Go pads a zero-size last field, as A is for
	// [0]T or [N]struct{}.
	buf A

	// n is the length: slots [0, n) of buf hold values the caller stored.
	// 0 <= n <= Cap(), and n > 0 implies that A was checked to be [Cap()]T
	// (an element got in through Push or Insert, which check it).
	n int
}

// checkArray panics unless A is an array type whose element type is T.
// It costs a few nanoseconds, so methods call it only while the vector is
// empty: once n > 0, the check has passed for this instantiation.
func checkArray[T, A any]() {
	a, t := reflect.TypeFor[A](), reflect.TypeFor[T]()
	if a.Kind() != reflect.Array || a.Elem() != t {
		panic("vec: Heapless[" + t.String() + ", " + a.String() + "]: " +
			"the second type argument must be an array of the first, such as [16]" + t.String())
	}
}

// capacity returns N. The caller must ensure that A was checked.
// It is small enough to inline, and a constant for all but zero-size T.
func (h *Heapless[T, A]) capacity() int {
	var zero T
	if unsafe.Sizeof(zero) > 0 {
		return int(unsafe.Sizeof(h.buf) / unsafe.Sizeof(zero))
	}
	return arrayLen[A]()
}

// arrayLen returns the length of the array type A. Heapless needs it only
// for a zero-size T: [N]T then has size 0 for every N, so only the type
// knows N.
func arrayLen[A any]() int {
	return reflect.TypeFor[A]().Len()
}

// slot returns the address of element i of buf.
// The caller must ensure that A was checked and that 0 <= i < Cap().
func (h *Heapless[T, A]) slot(i int) *T {
	var zero T
	// A is [Cap()]T and i < Cap(): the element lies inside buf.
	return (*T)(unsafe.Add(unsafe.Pointer(&h.buf), uintptr(i)*unsafe.Sizeof(zero)))
}

// prefix returns slots [0, n) of buf as a slice whose capacity is n.
// The caller must ensure that A was checked and that 0 <= n <= Cap().
func (h *Heapless[T, A]) prefix(n int) []T {
	// A is [Cap()]T and n <= Cap(): the n elements lie inside buf.
	return unsafe.Slice((*T)(unsafe.Pointer(&h.buf)), n)
}

// checkTail panics if slot n, the first one past the length, is no longer
// zero: something wrote to it after the vector vacated it, which only a stale
// view from Slice can do. Only vecdebug builds call it, after A was checked.
func (h *Heapless[T, A]) checkTail(method string) {
	if h.n == h.capacity() {
		return
	}
	// A was checked and n < Cap(): slot n lies inside buf and holds a T.
	if !reflect.NewAt(reflect.TypeFor[T](), unsafe.Pointer(h.slot(h.n))).Elem().IsZero() {
		panicStale("Heapless."+method, h.n, h.n)
	}
}

// Len returns the number of elements in h.
func (h *Heapless[T, A]) Len() int { return h.n }

// Cap returns N, the number of elements h can hold.
// It panics if A is not [N]T.
func (h *Heapless[T, A]) Cap() int {
	if h.n == 0 {
		checkArray[T, A]()
	}
	return h.capacity()
}

// Push appends v and reports whether it fit. When h is full, Push returns
// false and leaves h unchanged.
func (h *Heapless[T, A]) Push(v T) bool {
	if h.n == 0 {
		checkArray[T, A]()
	}
	if h.n == h.capacity() {
		return false
	}
	if debug {
		h.checkTail("Push")
	}
	// n < Cap() and A was checked: slot n is inside buf.
	*h.slot(h.n) = v
	h.n++
	return true
}

// Pop removes and returns the last element, and reports whether there was
// one. The vacated slot is cleared.
func (h *Heapless[T, A]) Pop() (T, bool) {
	var zero T
	if h.n == 0 {
		return zero, false
	}
	h.n--
	// The old length n+1 > 0 means A was checked, and slot n was initialized.
	p := h.slot(h.n)
	v := *p
	*p = zero
	return v, true
}

// Get returns element i. It panics unless 0 <= i < Len().
func (h *Heapless[T, A]) Get(i int) T {
	checkIndex("Heapless.Get", i, h.n)
	if debug {
		h.checkTail("Get")
	}
	// 0 <= i < n: A was checked and slot i is initialized.
	return *h.slot(i)
}

// Set replaces element i with v. It panics unless 0 <= i < Len().
func (h *Heapless[T, A]) Set(i int, v T) {
	checkIndex("Heapless.Set", i, h.n)
	if debug {
		h.checkTail("Set")
	}
	// 0 <= i < n: A was checked and slot i is initialized.
	*h.slot(i) = v
}

// Insert inserts v at index i, shifting elements [i, Len()) up by one, and
// reports whether it fit. When h is full, Insert returns false and leaves h
// unchanged. It panics unless 0 <= i <= Len().
func (h *Heapless[T, A]) Insert(i int, v T) bool {
	checkBound("Heapless.Insert", "index", i, h.n)
	if h.n == 0 {
		checkArray[T, A]()
	}
	if h.n == h.capacity() {
		return false
	}
	if debug {
		h.checkTail("Insert")
	}
	// n < Cap() and A was checked: n+1 slots fit in buf.
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
	// n > 0: A was checked and slots [0, n) are initialized.
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
	// n > 0: A was checked and slots [0, n) are initialized.
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
	// n < h.n, so h.n > 0: A was checked and slots [0, h.n) are initialized.
	clear(h.prefix(h.n)[n:])
	h.n = n
}

// Clear removes every element and clears their slots.
func (h *Heapless[T, A]) Clear() {
	if h.n == 0 {
		return
	}
	// n > 0: A was checked and slots [0, n) are initialized.
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
	// n > 0: A was checked and slots [0, n) are initialized.
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
			if !yield(i, *h.slot(i)) {
				return
			}
		}
	}
}

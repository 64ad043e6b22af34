package vec

import (
	"fmt"
	"iter"
	"math"
	"reflect"
	"runtime"
	"strconv"
	"unsafe"
)

// Raw is a growable vector of T whose elements live in memory from an
// allocator instead of the Go heap: C malloc, realloc and free under cgo, a
// pointer-free Go allocation otherwise. It grows by doubling, through realloc.
//
// The garbage collector does not scan that memory, so T must hold no
// pointers (no pointers, strings, slices, maps, channels, functions,
// interfaces or unsafe.Pointers, at any depth of arrays and structs): NewRaw
// refuses other types with an error, and the first Push of a zero Raw of such
// a type panics with the same message.
//
// The zero value is an empty vector that allocates on its first Push or
// Reserve; NewRaw returns one with room for a given number of elements. Free
// releases the memory and returns the Raw to its zero value. A Raw that
// becomes unreachable without Free has its memory released by a cleanup
// (see [runtime.AddCleanup]), some time after.
//
// Once it holds memory, a Raw must not be copied: use *Raw. Every method but
// Len and Cap panics on a copy, since the copy aliases memory that the
// original frees (see the package doc).
type Raw[T any] struct {
	// data points to the memory, a *[cap]T; nil iff cap == 0. For a zero-size
	// T it is &zeroBase, where every element lives, and it is never released.
	data unsafe.Pointer

	// len is the length: elements [0, len) of data were written.
	// Elements [len, cap) are uninitialized memory: no method reads them
	// (vecdebug builds fill them with uninitByte and check that they still
	// hold it).
	len int

	// cap is the number of elements data has room for; 0 <= len <= cap, and
	// cap*sizeof(T) does not overflow.
	cap int

	// self is the address of the Raw that owns data, to detect copies (see
	// copyCheck); nil iff data == nil.
	self *Raw[T]

	// cleanup releases data once self is unreachable; Free stops it. It is
	// the zero Cleanup while data is nil or is &zeroBase.
	cleanup runtime.Cleanup
}

// minCap is the capacity of a Raw's first allocation by Push or Reserve,
// so that the first few pushes do not each call realloc.
const minCap = 4

// zeroBase is where the elements of a Raw of zero-size T live: they need no
// memory, but the address of one must not be nil.
var zeroBase uint64

// sizeOf returns the size of T; the compiler folds it to a constant.
func sizeOf[T any]() uintptr {
	var zero T
	return unsafe.Sizeof(zero)
}

// maxLen returns the largest capacity of a Raw[T]: beyond it the size in
// bytes overflows an int.
func maxLen[T any]() int {
	if size := sizeOf[T](); size > 0 {
		return math.MaxInt / int(size)
	}
	return math.MaxInt
}

// NewRaw returns an empty Raw with room for capacity elements, or an error if
// T holds pointers (see [Raw]). It panics if capacity is negative or its size
// in bytes overflows an int.
func NewRaw[T any](capacity int) (*Raw[T], error) {
	if capacity < 0 {
		panic("vec: NewRaw: negative capacity " + strconv.Itoa(capacity))
	}
	if err := pointerError[T](); err != nil {
		return nil, err
	}
	if capacity > maxLen[T]() {
		panicOverflow("NewRaw", 0, capacity, sizeOf[T]())
	}
	r := new(Raw[T])
	if capacity > 0 {
		r.resize("NewRaw", capacity)
	}
	return r, nil
}

// pointerError returns nil if T holds no pointers, or else the error that
// NewRaw returns and a zero Raw's first Push panics with.
func pointerError[T any]() error {
	t := reflect.TypeFor[T]()
	path, pt := findPointer(t)
	if pt == nil {
		return nil
	}
	where := pt.String()
	if path != "" {
		where += " at " + path
	}
	return fmt.Errorf("vec: Raw[%v]: element type holds a pointer (%s); "+
		"the garbage collector does not scan %s, where Raw stores elements, "+
		"so it could free what they point to", t, where, allocator)
}

// findPointer returns the first component of t whose type is a pointer to
// the garbage collector (a pointer, string, slice, map, channel, function,
// interface or unsafe.Pointer) and the path to it from t (".f[0].g"), or a
// nil type if t is pointer-free.
func findPointer(t reflect.Type) (path string, pt reflect.Type) {
	switch t.Kind() {
	case reflect.Pointer, reflect.UnsafePointer, reflect.String, reflect.Slice,
		reflect.Map, reflect.Chan, reflect.Func, reflect.Interface:
		return "", t
	case reflect.Array:
		if t.Len() > 0 {
			if p, pt := findPointer(t.Elem()); pt != nil {
				return "[0]" + p, pt
			}
		}
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if p, pt := findPointer(f.Type); pt != nil {
				return "." + f.Name + p, pt
			}
		}
	}
	return "", nil
}

// copyCheck panics if r is a copy of a Raw that holds memory. Copies are not
// merely confusing: the cleanup is attached to the original, so it frees the
// memory a copy uses as soon as the original becomes unreachable.
func (r *Raw[T]) copyCheck(method string) {
	if r.self != r && r.self != nil {
		panic(copyError(method))
	}
}

// ownerCheck is copyCheck for a Raw known to hold memory (len > 0, so data
// is not nil and neither is self): one compare, which leaves Get and Set as
// cheap as indexing a slice but for a load. They check the index first, so
// that an empty Raw, zero or copied, panics with the index out of range.
func (r *Raw[T]) ownerCheck(method string) {
	if r.self != r {
		panic(copyError(method))
	}
}

// A copyError is the panic value of a method called on a copy of a Raw that
// holds memory; it names the method. Like rangeError, it is formatted only
// when printed.
type copyError string

func (e copyError) Error() string {
	return "vec: Raw." + string(e) + ": called on a copy of a Raw that holds memory; share a *Raw instead"
}

// slot returns the address of element i of data.
// The caller must ensure that 0 <= i < r.cap.
//
// The size is spelled unsafe.Sizeof(*new(T)), which evaluates nothing and is
// a constant in each shape: with `var zero T` instead, slot costs 12 of the
// inliner's budget rather than 8, and every method that inlines it pays the 4.
func (r *Raw[T]) slot(i int) *T {
	// i < cap and data holds cap elements (or is zeroBase, for zero-size T).
	return (*T)(unsafe.Add(r.data, uintptr(i)*unsafe.Sizeof(*new(T))))
}

// bytes returns the memory of elements [from, to) as bytes.
// The caller must ensure that 0 <= from <= to <= r.cap.
func (r *Raw[T]) bytes(from, to int) []byte {
	if from == to {
		return nil
	}
	// from < to <= cap: the range lies inside data.
	return memory(unsafe.Pointer(r.slot(from)), uintptr(to-from)*sizeOf[T]())
}

// checkUninit panics if an element in [from, to), past the length, no
// longer holds uninitByte: only a stale view from Slice writes there. Only
// vecdebug builds call it: with the first element past the length on every
// access, and with the whole tail before the memory moves or is freed.
// The caller must ensure that r.len <= from <= to <= r.cap.
func (r *Raw[T]) checkUninit(method string, from, to int) {
	// from <= to <= cap: the range lies inside data.
	if i := firstNot(r.bytes(from, to), uninitByte); i >= 0 {
		panicStale("Raw."+method, from+i/int(sizeOf[T]()), r.len)
	}
}

// checkTail is checkUninit for the first element past the length.
func (r *Raw[T]) checkTail(method string) {
	r.checkUninit(method, r.len, min(r.len+1, r.cap))
}

// grow makes room for n more elements, where n > r.cap-r.len: at least twice
// the capacity, so that pushes cost amortized O(1).
func (r *Raw[T]) grow(method string, n int) {
	if r.data == nil {
		if err := pointerError[T](); err != nil {
			panic(err)
		}
	}
	limit := maxLen[T]()
	if n > limit-r.len {
		panicOverflow("Raw."+method, r.len, n, sizeOf[T]())
	}
	doubled := r.cap + min(r.cap, limit-r.cap) // 2*cap, without overflowing limit
	r.resize(method, max(doubled, min(minCap, limit), r.len+n))
}

// resize moves r's elements to memory with room for newCap elements.
// The caller must ensure that r.len <= newCap <= maxLen[T]() and that T was
// checked to be pointer-free.
func (r *Raw[T]) resize(method string, newCap int) {
	size := sizeOf[T]()
	if size == 0 {
		// Zero-size elements need no memory: any non-nil address holds them all.
		r.data, r.cap, r.self = unsafe.Pointer(&zeroBase), math.MaxInt, r
		return
	}
	newSize := uintptr(newCap) * size
	var p unsafe.Pointer
	if debug {
		// Always move, so that a view kept across growth reads freed memory.
		r.checkUninit(method, r.len, r.cap)
		p = allocate(newSize)
		// newCap >= len: p has room for the len elements copied into it.
		copy(memory(p, newSize), r.bytes(0, r.len))
		if r.data != nil {
			// data holds cap elements, and nothing reads them after this.
			fill(r.bytes(0, r.cap), freedByte)
			release(r.data)
		}
	} else {
		p = reallocate(r.data, uintptr(r.cap)*size, newSize)
		if p == nil {
			// realloc failed and left data as it was: r is unchanged.
			panic("vec: Raw: out of memory growing to " + strconv.FormatUint(uint64(newSize), 10) + " bytes")
		}
	}
	// The old cleanup would release the old block, which is now p or freed.
	// r is reachable here, as Stop requires, so the cleanup has not run.
	r.cleanup.Stop()
	r.data, r.cap, r.self = p, newCap, r
	if debug {
		// len <= cap, and data now holds cap elements.
		fill(r.bytes(r.len, r.cap), uninitByte)
	}
	// The argument is the memory, not r: r must be able to become unreachable.
	r.cleanup = runtime.AddCleanup(r, releaseBlock, block{p, newSize})
}

// block is the argument of a Raw's cleanup: the memory to release. It must
// not refer to the Raw, or the Raw would never become unreachable.
type block struct {
	p    unsafe.Pointer
	size uintptr
}

// releaseBlock is the cleanup of a Raw dropped without Free.
func releaseBlock(b block) {
	if debug {
		// b is the whole block, and its Raw is unreachable: nothing reads it.
		fill(memory(b.p, b.size), freedByte)
	}
	release(b.p)
	if testHookReleased != nil {
		testHookReleased(b.p)
	}
}

// testHookReleased, if set before any Raw exists, is called by each cleanup
// with the address of the block it released.
var testHookReleased func(p unsafe.Pointer)

//go:noinline
func panicOverflow(method string, length, n int, size uintptr) {
	panic("vec: " + method + ": room for " + strconv.Itoa(length) + " + " + strconv.Itoa(n) +
		" elements of " + strconv.FormatUint(uint64(size), 10) + " bytes overflows an int")
}

// Len returns the number of elements in r.
func (r *Raw[T]) Len() int { return r.len }

// Cap returns the number of elements r has room for without growing. For a
// zero-size T it is math.MaxInt once r has grown.
func (r *Raw[T]) Cap() int { return r.cap }

// Push appends v, growing r if it is full. Growth invalidates views from Slice.
func (r *Raw[T]) Push(v T) {
	if debug {
		// A vecdebug build checks every push, out of line.
		r.pushSlow(v)
		return
	}
	// The fast path, inlined at the call site: room left, and r owns its
	// memory (self == r, so data is not nil). Everything else goes out of line
	// to pushSlow, through outOfLine so that Push fits the inliner's budget
	// (cost 78 of 80; see outOfLine).
	n := r.len
	if n == r.cap || r.self != r {
		outOfLine(func() { r.pushSlow(v) })
		return
	}
	// n < cap: element n is inside data. (r stays live until len is stored.)
	*r.slot(n) = v
	r.len = n + 1
}

// outOfLine calls f. It is how Push calls pushSlow within the inliner's
// budget of 80: a direct call costs 57 of it, which leaves too little for the
// fast path, but a call of a parameter costs 17 ("a call to a parameter is
// optimistically a cheap call", cmd/compile/internal/inline), and a closure
// literal 15 whatever it calls. Once Push and outOfLine are inlined, the
// compiler inlines the literal's call too: the slow path is a direct call of
// pushSlow, with no closure built and no call through a func value (see
// docs/performance-vec.md).
func outOfLine(f func()) { f() }

// pushSlow is Push when r is full, is a zero Raw or a copy, or is built with
// vecdebug.
//
//go:noinline
func (r *Raw[T]) pushSlow(v T) {
	r.copyCheck("Push")
	if r.len == r.cap {
		r.grow("Push", 1)
	}
	if debug {
		r.checkTail("Push")
	}
	// len < cap: element len is inside data. (r stays live until len++.)
	*r.slot(r.len) = v
	r.len++
}

// Pop removes and returns the last element, and reports whether there was one.
func (r *Raw[T]) Pop() (T, bool) {
	r.copyCheck("Pop")
	if r.len == 0 {
		var zero T
		return zero, false
	}
	if debug {
		r.checkTail("Pop")
	}
	r.len--
	// The old length len+1 <= cap: element len is inside data and initialized.
	v := *r.slot(r.len)
	if debug {
		// The element just read is inside data, and no longer initialized.
		fill(r.bytes(r.len, r.len+1), uninitByte)
	}
	// r's cleanup frees data: r must stay reachable until the read is done.
	runtime.KeepAlive(r)
	return v, true
}

// Get returns element i. It panics unless 0 <= i < Len().
func (r *Raw[T]) Get(i int) T {
	if uint(i) >= uint(r.len) {
		// checkIndex, written out: the panic reads r.len again, so that the
		// compare takes r.len from memory and no register holds it (see
		// docs/performance-vec.md).
		panic(rangeError{"Raw.Get", i, r.len, ""})
	}
	r.ownerCheck("Get")
	if debug {
		r.checkTail("Get")
	}
	// 0 <= i < len: element i is inside data and initialized.
	v := *r.slot(i)
	// r's cleanup frees data: r must stay reachable until the read is done.
	runtime.KeepAlive(r)
	return v
}

// Set replaces element i with v. It panics unless 0 <= i < Len().
func (r *Raw[T]) Set(i int, v T) {
	if uint(i) >= uint(r.len) {
		// checkIndex, written out, as in Get.
		panic(rangeError{"Raw.Set", i, r.len, ""})
	}
	r.ownerCheck("Set")
	if debug {
		r.checkTail("Set")
	}
	// 0 <= i < len: element i is inside data.
	*r.slot(i) = v
	// r's cleanup frees data: r must stay reachable until the write is done.
	runtime.KeepAlive(r)
}

// Reserve makes room for n more elements, so that the next n pushes do not
// grow r. Growth invalidates views from Slice. It panics if n is negative.
func (r *Raw[T]) Reserve(n int) {
	r.copyCheck("Reserve")
	if n < 0 {
		panic("vec: Raw.Reserve: negative count " + strconv.Itoa(n) + " with length " + strconv.Itoa(r.len))
	}
	if n > r.cap-r.len {
		r.grow("Reserve", n)
	}
}

// Extend appends n zero elements and returns them, elements [Len()-n, Len()),
// as a view to fill in place; it returns nil if n is 0. It grows r as Push
// would, which invalidates views from Slice and Extend. The view is valid as
// Slice's is: keep r reachable while it is in use (see the package doc).
// It panics if n is negative.
//
// Extend is Push for many elements: a loop that stores into the view keeps
// the length in a register, where each Push loads and stores r's length and
// checks for room and for a copy (see the package doc's Performance section).
// The price is a clear of the n elements before the loop writes them.
func (r *Raw[T]) Extend(n int) []T {
	r.copyCheck("Extend")
	if n < 0 {
		panic("vec: Raw.Extend: negative count " + strconv.Itoa(n) + " with length " + strconv.Itoa(r.len))
	}
	if n > r.cap-r.len {
		r.grow("Extend", n)
	}
	if n == 0 {
		return nil
	}
	old := r.len
	if debug {
		r.checkUninit("Extend", old, old+n)
	}
	// old+n <= cap: the n elements past the length are inside data.
	b := r.bytes(old, old+n)
	clear(b)
	cleared(unsafe.Pointer(unsafe.SliceData(b)), uintptr(len(b)))
	r.len = old + n
	// Elements [old, len) are inside data and were just zeroed.
	return unsafe.Slice(r.slot(old), n)
}

// Truncate shortens r to its first n elements; it keeps the capacity.
// It panics unless 0 <= n <= Len().
func (r *Raw[T]) Truncate(n int) {
	r.copyCheck("Truncate")
	checkBound("Raw.Truncate", "length", n, r.len)
	if debug {
		// n <= len <= cap: the dropped elements are inside data.
		fill(r.bytes(n, r.len), uninitByte)
	}
	r.len = n
}

// Slice returns the elements of r, or nil if r is empty. The slice is a view
// of r's memory: writes through it change r, and its length and capacity are
// both Len(). Growth, Free, and r becoming unreachable invalidate it: keep r
// reachable while the view is in use (see the package doc).
func (r *Raw[T]) Slice() []T {
	r.copyCheck("Slice")
	if r.len == 0 {
		return nil
	}
	// Elements [0, len) are inside data and initialized.
	return unsafe.Slice((*T)(r.data), r.len)
}

// All returns an iterator over the indexes and elements of r in order. It
// reads r's length and memory at each step, so the loop body may change r,
// even grow or free it: the iteration then continues with the current
// contents and stops at the current end.
func (r *Raw[T]) All() iter.Seq2[int, T] {
	r.copyCheck("All")
	return func(yield func(int, T) bool) {
		for i := 0; i < r.len; i++ {
			// i < len, read afresh after each yield: element i is initialized.
			// (r stays live: the loop reads r.len after the read.)
			if !yield(i, *r.slot(i)) {
				return
			}
		}
	}
}

// Free releases r's memory and returns r to its zero value, ready to be used
// again. It invalidates views from Slice. Calling Free on a zero or freed Raw
// does nothing.
func (r *Raw[T]) Free() {
	r.copyCheck("Free")
	if r.data == nil {
		return
	}
	// r is reachable across Stop, as Stop requires: it is written below.
	r.cleanup.Stop()
	if sizeOf[T]() > 0 {
		if debug {
			r.checkUninit("Free", r.len, r.cap)
			// data holds cap elements, and nothing reads them after this.
			fill(r.bytes(0, r.cap), freedByte)
		}
		release(r.data)
	}
	*r = Raw[T]{}
}

package vecslots

import "strconv"

// A rangeError is the panic value of an index or a length out of range. It
// is a value, formatted only when printed, so that the checks below stay
// cheap enough for the accessors that call them to be inlined.
type rangeError struct {
	method string // "Raw.Get"
	i, n   int    // i is outside [0, n), or outside [0, n] if bound
	bound  string // "", or "index" or "length" for a bound of [0, n]
}

func (e rangeError) Error() string {
	what, end := "index", ")"
	if e.bound != "" {
		what, end = e.bound, "]"
	}
	return "vec: " + e.method + ": " + what + " " + strconv.Itoa(e.i) +
		" out of range [0:" + strconv.Itoa(e.n) + end
}

// checkIndex panics unless 0 <= i < n, where n is the length of the vector
// the method was called on.
func checkIndex(method string, i, n int) {
	if uint(i) >= uint(n) {
		panic(rangeError{method, i, n, ""})
	}
}

// checkBound panics unless 0 <= i <= n: i is an insertion point or a new
// length (what says which), n the length of the vector.
func checkBound(method, what string, i, n int) {
	if uint(i) > uint(n) {
		panic(rangeError{method, i, n, what})
	}
}

// panicStale reports, in vecdebug builds, that slot i of a vector of length
// n was written while it held no element.
//
//go:noinline
func panicStale(method string, i, n int) {
	panic("vec: " + method + ": slot " + strconv.Itoa(i) + " past the length " +
		strconv.Itoa(n) + " was written while it held no element (through a stale Slice view?)")
}

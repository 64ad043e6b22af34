package domain

import (
	"fmt"
	"math"
)

// An Interval is a set of integers [Lo, Hi]. NegInf and PosInf stand for unbounded ends: they
// are absorbing, so arithmetic near them saturates instead of wrapping. An Interval with
// Lo > Hi is empty (an infeasible value, such as an index on a branch that cannot be taken).
type Interval struct{ Lo, Hi int64 }

// The unbounded ends of an Interval.
const (
	NegInf = math.MinInt64
	PosInf = math.MaxInt64
)

// Top is the interval of a value nothing is known of.
var Top = Interval{NegInf, PosInf}

// empty is the canonical empty interval that arithmetic on an empty operand returns.
var empty = Interval{1, 0}

// Point returns the interval holding exactly c.
func Point(c int64) Interval { return Interval{c, c} }

// Exact returns the single value of a one-value interval.
func (a Interval) Exact() (int64, bool) {
	return a.Lo, a.Lo == a.Hi && a.Lo != NegInf && a.Lo != PosInf
}

// IsEmpty reports whether no integer lies in a.
func (a Interval) IsEmpty() bool { return a.Lo > a.Hi }

// HasLo reports whether a's lower end is bounded.
func (a Interval) HasLo() bool { return a.Lo != NegInf }

// HasHi reports whether a's upper end is bounded.
func (a Interval) HasHi() bool { return a.Hi != PosInf }

func (a Interval) String() string {
	lo, hi := "-inf", "+inf"
	if a.HasLo() {
		lo = fmt.Sprint(a.Lo)
	}
	if a.HasHi() {
		hi = fmt.Sprint(a.Hi)
	}
	return "[" + lo + ", " + hi + "]"
}

// Join is the smallest interval holding both.
func (a Interval) Join(b Interval) Interval {
	switch {
	case a.IsEmpty():
		return b
	case b.IsEmpty():
		return a
	}
	return Interval{min(a.Lo, b.Lo), max(a.Hi, b.Hi)}
}

// Meet is the intersection. It is empty when a and b are disjoint, but not necessarily the
// canonical empty interval: test it with IsEmpty.
func (a Interval) Meet(b Interval) Interval { return Interval{max(a.Lo, b.Lo), min(a.Hi, b.Hi)} }

// Widen sends an end that grew since old to infinity, so that chains of loop iterations
// terminate after a bounded number of steps.
func (old Interval) Widen(next Interval) Interval {
	w := old.Join(next)
	if next.Lo < old.Lo {
		w.Lo = NegInf
	}
	if next.Hi > old.Hi {
		w.Hi = PosInf
	}
	return w
}

// Add is the set of sums; empty if either is.
func (a Interval) Add(b Interval) Interval {
	if a.IsEmpty() || b.IsEmpty() {
		return empty
	}
	return Interval{AddSat(a.Lo, b.Lo), AddSat(a.Hi, b.Hi)}
}

// Neg is the set of negations. It does not test emptiness: the negation of an empty interval
// is empty.
func (a Interval) Neg() Interval { return Interval{NegSat(a.Hi), NegSat(a.Lo)} }

// Sub is the set of differences.
func (a Interval) Sub(b Interval) Interval { return a.Add(b.Neg()) }

// Mul multiplies by an interval: the hull of the four corner products.
func (a Interval) Mul(b Interval) Interval {
	if a.IsEmpty() || b.IsEmpty() {
		return empty
	}
	c := [4]int64{MulSat(a.Lo, b.Lo), MulSat(a.Lo, b.Hi), MulSat(a.Hi, b.Lo), MulSat(a.Hi, b.Hi)}
	return Interval{min(c[0], c[1], c[2], c[3]), max(c[0], c[1], c[2], c[3])}
}

// Quo divides by a positive constant d, truncating toward zero as Go does. The caller's duty
// is d > 0: a negative d would swap the ends, and Quo does not.
func (a Interval) Quo(d int64) Interval {
	q := func(x int64) int64 {
		if x == NegInf || x == PosInf {
			return x
		}
		return x / d
	}
	return Interval{q(a.Lo), q(a.Hi)}
}

// AddSat is x + y, saturating at the unbounded ends. -inf + +inf is -inf: the caller widens
// the other end anyway.
func AddSat(x, y int64) int64 {
	switch {
	case x == NegInf || y == NegInf:
		return NegInf
	case x == PosInf || y == PosInf:
		return PosInf
	}
	s := x + y
	if (s > x) != (y > 0) {
		if y > 0 {
			return PosInf
		}
		return NegInf
	}
	return s
}

// MulSat is x * y, saturating at the unbounded ends; 0 times anything, an infinity too, is 0.
func MulSat(x, y int64) int64 {
	if x == 0 || y == 0 {
		return 0
	}
	neg := (x < 0) != (y < 0)
	if x == NegInf || x == PosInf || y == NegInf || y == PosInf {
		return infSign(neg)
	}
	p := x * y
	if p/y != x || (x == -1 && y == NegInf) || (y == -1 && x == NegInf) {
		return infSign(neg)
	}
	return p
}

func infSign(neg bool) int64 {
	if neg {
		return NegInf
	}
	return PosInf
}

// NegSat is -x, with the two infinities swapped.
func NegSat(x int64) int64 {
	switch x {
	case NegInf:
		return PosInf
	case PosInf:
		return NegInf
	}
	return -x
}

// ShrSat is x >> c for x >= 0, keeping +inf.
func ShrSat(x, c int64) int64 {
	if x == PosInf {
		return PosInf
	}
	return x >> c
}

// FloorDiv is x / d rounded toward -inf, for d > 0, keeping the infinities.
func FloorDiv(x, d int64) int64 {
	if x == NegInf || x == PosInf {
		return x
	}
	q := x / d
	if x%d != 0 && x < 0 {
		q--
	}
	return q
}

package memmodel

import (
	"fmt"
	"math"
)

// An Interval is a set of integers [Lo, Hi]. math.MinInt64 and math.MaxInt64 stand for unbounded
// ends: they are absorbing, so arithmetic near them saturates instead of wrapping. An Interval
// with Lo > Hi is empty (an infeasible value, such as an index on a branch that cannot be taken).
type Interval struct{ Lo, Hi int64 }

const (
	negInf = math.MinInt64
	posInf = math.MaxInt64
)

// Top is the interval of a value the model knows nothing about.
var Top = Interval{negInf, posInf}

// Point returns the interval holding exactly c.
func Point(c int64) Interval { return Interval{c, c} }

// Exact returns the single value of a one-value interval.
func (a Interval) Exact() (int64, bool) {
	return a.Lo, a.Lo == a.Hi && a.Lo != negInf && a.Lo != posInf
}

// IsEmpty reports whether no integer lies in a.
func (a Interval) IsEmpty() bool { return a.Lo > a.Hi }

// HasLo and HasHi report whether the ends are bounded.
func (a Interval) HasLo() bool { return a.Lo != negInf }
func (a Interval) HasHi() bool { return a.Hi != posInf }

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

// join is the smallest interval holding both.
func (a Interval) join(b Interval) Interval {
	switch {
	case a.IsEmpty():
		return b
	case b.IsEmpty():
		return a
	}
	return Interval{min(a.Lo, b.Lo), max(a.Hi, b.Hi)}
}

// meet is the intersection.
func (a Interval) meet(b Interval) Interval { return Interval{max(a.Lo, b.Lo), min(a.Hi, b.Hi)} }

// widen sends an end that grew since old to infinity, so that chains of loop iterations
// terminate after a bounded number of steps.
func (old Interval) widen(next Interval) Interval {
	w := old.join(next)
	if next.Lo < old.Lo {
		w.Lo = negInf
	}
	if next.Hi > old.Hi {
		w.Hi = posInf
	}
	return w
}

// addSat and mulSat are int64 arithmetic that saturates at the unbounded ends.
func addSat(x, y int64) int64 {
	switch {
	case x == negInf || y == negInf:
		if x == posInf || y == posInf {
			return negInf // -inf + +inf: the caller widens the other end anyway
		}
		return negInf
	case x == posInf || y == posInf:
		return posInf
	}
	s := x + y
	if (s > x) != (y > 0) {
		if y > 0 {
			return posInf
		}
		return negInf
	}
	return s
}

func mulSat(x, y int64) int64 {
	if x == 0 || y == 0 {
		return 0
	}
	neg := (x < 0) != (y < 0)
	if x == negInf || x == posInf || y == negInf || y == posInf {
		return infSign(neg)
	}
	p := x * y
	if p/y != x || (x == -1 && y == negInf) || (y == -1 && x == negInf) {
		return infSign(neg)
	}
	return p
}

func infSign(neg bool) int64 {
	if neg {
		return negInf
	}
	return posInf
}

func (a Interval) add(b Interval) Interval {
	if a.IsEmpty() || b.IsEmpty() {
		return Interval{1, 0}
	}
	return Interval{addSat(a.Lo, b.Lo), addSat(a.Hi, b.Hi)}
}

func (a Interval) neg() Interval {
	return Interval{negSat(a.Hi), negSat(a.Lo)}
}

func negSat(x int64) int64 {
	switch x {
	case negInf:
		return posInf
	case posInf:
		return negInf
	}
	return -x
}

func (a Interval) sub(b Interval) Interval { return a.add(b.neg()) }

// mul multiplies by an interval: the hull of the four corner products.
func (a Interval) mul(b Interval) Interval {
	if a.IsEmpty() || b.IsEmpty() {
		return Interval{1, 0}
	}
	c := [4]int64{mulSat(a.Lo, b.Lo), mulSat(a.Lo, b.Hi), mulSat(a.Hi, b.Lo), mulSat(a.Hi, b.Hi)}
	return Interval{min(c[0], c[1], c[2], c[3]), max(c[0], c[1], c[2], c[3])}
}

// quo divides by a positive constant, truncating toward zero as Go does.
func (a Interval) quo(d int64) Interval {
	q := func(x int64) int64 {
		if x == negInf || x == posInf {
			return x
		}
		return x / d
	}
	return Interval{q(a.Lo), q(a.Hi)}
}

package domain

import "testing"

const (
	ninf = NegInf
	pinf = PosInf
)

func iv(lo, hi int64) Interval { return Interval{lo, hi} }

// A result is a row of a table test: a value computed, and the value it should be.
type result[T comparable] struct {
	name      string
	got, want T
}

// check reports the rows whose value is not the one they want.
func check[T comparable](t *testing.T, rows []result[T]) {
	t.Helper()
	for _, r := range rows {
		if r.got != r.want {
			t.Errorf("%s = %v, want %v", r.name, r.got, r.want)
		}
	}
}

func TestAddSat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ x, y, want int64 }{
		{1, 2, 3},
		{-5, 3, -2},
		{pinf, 1, pinf},
		{pinf, -1, pinf}, // an infinity absorbs
		{ninf, 1, ninf},
		{ninf, pinf, ninf}, // -inf + +inf: the caller widens the other end anyway
		{pinf, ninf, ninf},
		{pinf - 1, 1, pinf}, // reaching +inf is saturating too
		{pinf - 1, 2, pinf}, // overflow saturates instead of wrapping
		{ninf + 1, -2, ninf},
		{1 << 62, 1 << 62, pinf},
		{-(1 << 62), -(1 << 62) - 1, ninf},
	} {
		if got := AddSat(tc.x, tc.y); got != tc.want {
			t.Errorf("AddSat(%d, %d) = %d, want %d", tc.x, tc.y, got, tc.want)
		}
	}
}

func TestMulSat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ x, y, want int64 }{
		{3, 4, 12},
		{-3, 4, -12},
		{0, pinf, 0}, // zero times anything, an infinity too
		{ninf, 0, 0},
		{pinf, 2, pinf},
		{pinf, -2, ninf},
		{ninf, -1, pinf},
		{-1, ninf, pinf},
		{1 << 32, 1 << 32, pinf},
		{1 << 32, -(1 << 32), ninf},
		{ninf + 1, -1, pinf}, // -(MinInt64+1) is MaxInt64, which reads as +inf
	} {
		if got := MulSat(tc.x, tc.y); got != tc.want {
			t.Errorf("MulSat(%d, %d) = %d, want %d", tc.x, tc.y, got, tc.want)
		}
	}
}

func TestNegShrFloorDiv(t *testing.T) {
	t.Parallel()
	check(t, []result[int64]{
		{"NegSat(5)", NegSat(5), -5},
		{"NegSat(-inf)", NegSat(ninf), pinf},
		{"NegSat(+inf)", NegSat(pinf), ninf},
		{"ShrSat(17, 2)", ShrSat(17, 2), 4},
		{"ShrSat(+inf, 3)", ShrSat(pinf, 3), pinf},
		{"FloorDiv(7, 2)", FloorDiv(7, 2), 3},
		{"FloorDiv(-7, 2)", FloorDiv(-7, 2), -4},
		{"FloorDiv(-8, 2)", FloorDiv(-8, 2), -4},
		{"FloorDiv(-inf, 3)", FloorDiv(ninf, 3), ninf},
		{"FloorDiv(+inf, 3)", FloorDiv(pinf, 3), pinf},
	})
}

func TestIntervalPredicates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a            Interval
		exact        int64
		isExact      bool
		empty        bool
		hasLo, hasHi bool
		str          string
	}{
		{Point(7), 7, true, false, true, true, "[7, 7]"},
		{iv(0, 9), 0, false, false, true, true, "[0, 9]"},
		{Top, ninf, false, false, false, false, "[-inf, +inf]"},
		{iv(0, pinf), 0, false, false, true, false, "[0, +inf]"},
		{Point(pinf), pinf, false, false, true, false, "[9223372036854775807, +inf]"}, // +inf is no value,
		{iv(1, 0), 1, false, true, true, true, "[1, 0]"},
	} {
		c, ok := tc.a.Exact()
		if ok != tc.isExact || ok && c != tc.exact {
			t.Errorf("%v.Exact() = %d, %v; want %d, %v", tc.a, c, ok, tc.exact, tc.isExact)
		}
		if got := tc.a.IsEmpty(); got != tc.empty {
			t.Errorf("%v.IsEmpty() = %v", tc.a, got)
		}
		if tc.a.HasLo() != tc.hasLo || tc.a.HasHi() != tc.hasHi {
			t.Errorf("%v: HasLo, HasHi = %v, %v; want %v, %v", tc.a, tc.a.HasLo(), tc.a.HasHi(), tc.hasLo, tc.hasHi)
		}
		if got := tc.a.String(); got != tc.str {
			t.Errorf("String() = %q, want %q", got, tc.str)
		}
	}
}

func TestIntervalLattice(t *testing.T) {
	t.Parallel()
	empty := iv(1, 0)
	check(t, []result[Interval]{
		{"join", iv(0, 3).Join(iv(5, 9)), iv(0, 9)},
		{"join empty left", empty.Join(iv(2, 4)), iv(2, 4)},
		{"join empty right", iv(2, 4).Join(iv(7, 3)), iv(2, 4)},
		{"join top", iv(2, 4).Join(Top), Top},
		{"meet", iv(0, 5).Meet(iv(3, 9)), iv(3, 5)},
		{"meet disjoint", iv(0, 2).Meet(iv(5, 9)), iv(5, 2)}, // empty, not canonical
		{"meet top", iv(0, 2).Meet(Top), iv(0, 2)},
		{"widen stable", iv(0, 5).Widen(iv(1, 4)), iv(0, 5)},
		{"widen up", iv(0, 5).Widen(iv(0, 6)), iv(0, pinf)},
		{"widen down", iv(0, 5).Widen(iv(-1, 5)), iv(ninf, 5)},
		{"widen both", iv(0, 5).Widen(iv(-1, 6)), Top},
		// An empty old interval [1, 0] widens an end above 0 or below 1: a loop phi first seen
		// infeasible grows to +inf at once.
		{"widen from empty", empty.Widen(iv(3, 4)), iv(3, pinf)},
	})
}

func TestIntervalArith(t *testing.T) {
	t.Parallel()
	empty := iv(1, 0)
	check(t, []result[Interval]{
		{"add", iv(1, 2).Add(iv(10, 20)), iv(11, 22)},
		{"add saturates", iv(0, pinf-1).Add(Point(5)), iv(5, pinf)},
		{"add top", iv(0, 1).Add(Top), Top},
		{"add empty", empty.Add(iv(0, 1)), empty},
		{"add to empty", iv(0, 1).Add(iv(3, 2)), empty},
		{"neg", iv(-2, 5).Neg(), iv(-5, 2)},
		{"neg unbounded", iv(0, pinf).Neg(), iv(ninf, 0)},
		{"neg empty stays empty", empty.Neg(), iv(0, -1)},
		{"sub", iv(10, 20).Sub(iv(1, 2)), iv(8, 19)},
		{"sub unbounded", iv(0, 5).Sub(iv(0, pinf)), iv(ninf, 5)},
		{"mul", iv(-2, 3).Mul(iv(4, 5)), iv(-10, 15)},
		{"mul negative", iv(2, 3).Mul(Point(-2)), iv(-6, -4)},
		{"mul zero", Top.Mul(Point(0)), Point(0)},
		{"mul unbounded", iv(1, pinf).Mul(Point(8)), iv(8, pinf)},
		{"mul overflow", iv(0, 1<<40).Mul(Point(1 << 40)), iv(0, pinf)},
		{"mul empty", empty.Mul(Point(3)), empty},
		{"quo", iv(7, 20).Quo(3), iv(2, 6)},
		{"quo truncates toward zero", iv(-7, 7).Quo(2), iv(-3, 3)},
		{"quo keeps infinities", Top.Quo(4), Top},
		// Quo's contract is a positive divisor: by a negative one the ends come out swapped,
		// an empty interval, which is why the model only divides by positive constants.
		{"quo by negative", iv(2, 8).Quo(-2), iv(-1, -4)},
	})
}

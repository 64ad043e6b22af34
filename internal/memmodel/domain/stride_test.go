package domain

import (
	"math"
	"testing"
)

func TestStrideArith(t *testing.T) {
	t.Parallel()
	check(t, []result[int64]{
		{"GCD(12, 18)", GCD(12, 18), 6},
		{"GCD(0, 8)", GCD(0, 8), 8}, // 0 is the join's identity: a multiple of everything
		{"GCD(8, 0)", GCD(8, 0), 8},
		{"GCD(-4, 6)", GCD(-4, 6), 2},
		{"GCD(7, 1)", GCD(7, 1), 1},
		{"Abs(-3)", Abs(-3), 3},
		{"Abs(MinInt64)", Abs(math.MinInt64), math.MinInt64}, // two's complement
		{"Mod(7, 4)", Mod(7, 4), 3},
		{"Mod(-1, 4)", Mod(-1, 4), 3},
		{"Mod(-8, 4)", Mod(-8, 4), 0},
		{"ClearLow(8, 4)", ClearLow(8, 4), 8},   // x &^ 3 of a multiple of 8: still 8
		{"ClearLow(6, 4)", ClearLow(6, 4), 4},   // of a multiple of 6: 4
		{"ClearLow(0, 16)", ClearLow(0, 16), 0}, // of 0: 0
	})
}

func TestIsLowMask(t *testing.T) {
	t.Parallel()
	for m, want := range map[int64]bool{
		1: true, 3: true, 7: true, 255: true, math.MaxInt64: true,
		0: false, 2: false, 6: false, -1: false, math.MinInt64: false,
	} {
		if got := IsLowMask(m); got != want {
			t.Errorf("IsLowMask(%d) = %v, want %v", m, got, want)
		}
	}
}

func TestRoundTo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		r    Interval
		s    int64
		want Interval
	}{
		{iv(0, 63), 8, iv(0, 56)},
		{iv(1, 63), 8, iv(8, 56)},
		{iv(-7, 7), 4, iv(-4, 4)},
		{iv(-8, -1), 4, iv(-8, -4)},
		{iv(0, pinf), 8, iv(0, pinf)},   // an unbounded end stays unbounded
		{iv(ninf, 13), 4, iv(ninf, 12)}, //
		{iv(1, 3), 4, iv(4, 0)},         // no multiple inside: empty
		{iv(3, 9), 1, iv(3, 9)},         // stride 1 says nothing
		{iv(3, 9), 0, iv(3, 9)},         // nor does 0 (every number divides the value)
		{iv(5, 2), 4, iv(5, 2)},         // empty stays as it is
	} {
		if got := RoundTo(tc.r, tc.s); got != tc.want {
			t.Errorf("RoundTo(%v, %d) = %v, want %v", tc.r, tc.s, got, tc.want)
		}
	}
}

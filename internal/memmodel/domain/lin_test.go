package domain

import "testing"

// An atom for the tests: a variable's name; "" is the zero atom, the constants'.
type name string

type L = Lin[name]

func TestLin(t *testing.T) {
	t.Parallel()
	x, y := L{X: "x", A: 1}, L{X: "y", A: 1}
	for _, tc := range []struct {
		label string
		got   L
		want  L
	}{
		{"plus", x.Plus(3), L{"x", 1, 3}},
		{"plus saturates", L{"x", 1, PosInf - 1}.Plus(5), L{"x", 1, PosInf}},
		{"times", x.Plus(3).Times(4), L{"x", 4, 12}},
		{"times -1", x.Plus(3).Times(-1), L{"x", -1, -3}},
		{"times 0 is the constant 0", x.Plus(3).Times(0), L{}},
		{"times saturates", L{"x", 1 << 40, 0}.Times(1 << 40), L{"x", PosInf, 0}},
		{"norm", L{"x", 0, 7}.Norm(), L{K: 7}},
		{"norm keeps a form", L{"x", 2, 7}.Norm(), L{"x", 2, 7}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.label, tc.got, tc.want)
		}
	}
	for _, tc := range []struct {
		label string
		l, m  L
		want  L
		ok    bool
	}{
		{"const + const", L{K: 2}, L{K: 3}, L{K: 5}, true},
		{"form + const", x.Plus(1), L{K: 3}, L{"x", 1, 4}, true},
		{"const + form", L{K: 3}, x.Times(2), L{"x", 2, 3}, true},
		{"same atom", x.Times(2).Plus(1), x.Plus(4), L{"x", 3, 5}, true},
		{"same atom cancels", x.Plus(8), x.Times(-1), L{K: 8}, true},
		{"two atoms", x, y, L{}, false},
	} {
		got, ok := tc.l.Sum(tc.m)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: Sum = %+v, %v; want %+v, %v", tc.label, got, ok, tc.want, tc.ok)
		}
	}
}

func TestLinPredicates(t *testing.T) {
	t.Parallel()
	x := L{X: "x", A: 1}
	for _, tc := range []struct {
		label           string
		l, m            L
		isConst, compar bool
	}{
		{"constant", L{K: 4}, L{K: 4}, true, false}, // constants compare by value, not here
		{"zero", L{}, x, true, false},
		{"same atom and factor", x.Plus(1), x.Plus(9), false, true},
		{"same atom, other factor", x, x.Times(2), false, false},
		{"other atom", x, L{X: "y", A: 1}, false, false},
		{"zero factor, unnormalized", L{"x", 0, 1}, L{"x", 0, 2}, false, true},
	} {
		if got := tc.l.IsConst(); got != tc.isConst {
			t.Errorf("%s: IsConst = %v, want %v", tc.label, got, tc.isConst)
		}
		if got := tc.l.Comparable(tc.m); got != tc.compar {
			t.Errorf("%s: Comparable = %v, want %v", tc.label, got, tc.compar)
		}
	}
}

package domain

// Strides say what intervals cannot: that a value is a multiple of some number. A stride s
// means every value is a multiple of s; 0 means a multiple of every number (the constant 0, or
// not computed yet); 1 means nothing is known. The lattice is divisibility: the join of two
// strides is their GCD.

// GCD is the greatest common divisor of |a| and |b|; GCD(0, b) is |b|, the join's identity.
func GCD(a, b int64) int64 {
	a, b = Abs(a), Abs(b)
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Abs is |x|. Abs(math.MinInt64) is math.MinInt64, as in two's complement.
func Abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// Mod is x modulo s in [0, s), for s > 0, whatever x's sign.
func Mod(x, s int64) int64 {
	m := x % s
	if m < 0 {
		m += s
	}
	return m
}

// RoundTo shrinks r to the multiples of s it holds; a stride of 0 or 1 says nothing.
func RoundTo(r Interval, s int64) Interval {
	if s <= 1 || r.IsEmpty() {
		return r
	}
	if r.HasHi() {
		r.Hi -= Mod(r.Hi, s)
	}
	if r.HasLo() {
		if m := Mod(r.Lo, s); m != 0 {
			r.Lo += s - m
		}
	}
	return r
}

// ClearLow is the stride of a multiple of x with its bits below the power of two m cleared
// (x &^ (m-1)): x if m divides it already, else m.
func ClearLow(x, m int64) int64 {
	if x%m == 0 {
		return x
	}
	return m
}

// IsLowMask reports whether m is 2^k - 1 for some k >= 1.
func IsLowMask(m int64) bool { return m > 0 && m&(m+1) == 0 }

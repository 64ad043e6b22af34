package domain

// A Lin is the linear form A*X + K over an atom X, a quantity the model reasons about by name
// (in internal/memmodel, an SSA integer value or the length of one). With X the zero atom it is
// the constant K; the zero Lin is the constant 0. A is never 0 for a non-constant form, once
// normalized (Norm): Sum and Times keep that.
type Lin[A comparable] struct {
	X    A
	A, K int64
}

// IsConst reports whether l is a constant.
func (l Lin[A]) IsConst() bool {
	var zero A
	return l.X == zero
}

// Comparable reports whether l and m are multiples of the same atom by the same factor, so
// that l - m is the constant l.K - m.K.
func (l Lin[A]) Comparable(m Lin[A]) bool { return !l.IsConst() && l.X == m.X && l.A == m.A }

// Plus returns l + c, saturating.
func (l Lin[A]) Plus(c int64) Lin[A] { return Lin[A]{l.X, l.A, AddSat(l.K, c)} }

// Times returns l * c, saturating; times 0 is the constant 0.
func (l Lin[A]) Times(c int64) Lin[A] {
	if c == 0 {
		return Lin[A]{}
	}
	return Lin[A]{l.X, MulSat(l.A, c), MulSat(l.K, c)}
}

// Sum returns l + m when it is linear in one atom: when one is a constant or both are forms of
// the same atom. The factors add without saturating: they are small.
func (l Lin[A]) Sum(m Lin[A]) (Lin[A], bool) {
	switch {
	case m.IsConst():
		return l.Plus(m.K), true
	case l.IsConst():
		return m.Plus(l.K), true
	case l.X == m.X:
		return Lin[A]{l.X, l.A + m.A, AddSat(l.K, m.K)}.Norm(), true
	}
	return Lin[A]{}, false
}

// Norm returns l with a zero factor made the constant K.
func (l Lin[A]) Norm() Lin[A] {
	if l.A == 0 {
		return Lin[A]{K: l.K}
	}
	return l
}

package memmodel

import (
	"go/token"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// Strides complete the intervals with what they cannot say: that a value is a multiple of some
// number. `for i := 0; i < 64; i += 8` over a [64]byte reads *(*uint64)(&buf[i]) at i <= 56,
// not 63; an index masked with &^3 is a multiple of 4. A stride of 0 means a multiple of every
// number (the constant 0, or not computed yet); 1 means nothing is known.
//
// The lattice is divisibility, and a phi takes the gcd of its edges. The sweeps start every
// phi at 0 and only lower it, so they reach the greatest fixpoint, which is sound for the same
// reason induction is: the entry edge is concrete and each back edge keeps the divisor.

// strideOf returns the divisor the sweeps computed for v, or what a constant or an operation
// says of it.
func (ra *rangeAnalysis) strideOf(v ssa.Value) int64 {
	if vr := ra.of(v); vr.hasStride {
		return vr.stride
	}
	if k, ok := ssaq.IntConst(v); ok {
		return domain.Abs(k)
	}
	if _, ok := v.(ssa.Instruction); ok && ssaq.IsInteger(v.Type()) {
		return 0 // a back edge's value, not computed yet: optimistic, lowered by the sweeps
	}
	return 1
}

func (ra *rangeAnalysis) setStride(v ssa.Value, s int64) bool {
	vr := ra.of(v)
	old, had := vr.stride, vr.hasStride
	vr.stride, vr.hasStride = s, true
	return !had || old != s
}

// evalStride computes the divisor of a non-phi integer value from its operands'.
func (ra *rangeAnalysis) evalStride(v ssa.Value) int64 {
	switch v := v.(type) {
	case *ssa.BinOp:
		x, y := ra.strideOf(v.X), ra.strideOf(v.Y)
		c, yConst := ssaq.IntConst(v.Y)
		switch v.Op {
		case token.ADD, token.SUB:
			return domain.GCD(x, y)
		case token.MUL:
			return domain.MulSat(x, y)
		case token.SHL:
			if yConst && c >= 0 && c < 32 {
				return domain.MulSat(x, 1<<c)
			}
		case token.AND_NOT:
			if yConst && domain.IsLowMask(c) {
				return domain.ClearLow(x, c+1)
			}
		case token.AND:
			if yConst && c < 0 && domain.IsLowMask(^c) {
				return domain.ClearLow(x, ^c+1)
			}
		}
	case *ssa.Convert:
		if ssaq.IsWidening(v.X.Type(), v.Type()) {
			return ra.strideOf(v.X)
		}
	}
	return 1
}

// phiStride is the gcd of what a phi's edges bring.
func (ra *rangeAnalysis) phiStride(phi *ssa.Phi) int64 {
	s := int64(0)
	for _, e := range phi.Edges {
		s = domain.GCD(s, ra.strideOf(e))
	}
	return s
}

package memmodel

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// An atom is a quantity the range analysis reasons about by name: an SSA integer value, or the
// length or capacity of a slice or string value. Symbolic bounds relate atoms, which is how
// `i < n` proves unsafe.Add(p, i) in bounds of C.malloc(n) without knowing n.
type atom struct {
	v  ssa.Value
	op atomOp
}

type atomOp uint8

const (
	atomValue atomOp = iota
	atomLen
	atomCap
)

// A lin is a*x + k for an atom x; with x the zero atom it is the constant k.
type lin = domain.Lin[atom]

// linOf returns v as a linear form: constants fold, sums and products by constants distribute,
// widening integer conversions are transparent (address arithmetic is modulo 2^64, so
// uintptr(i) adds what i does), and len/cap of a value whose length the model knows
// (make, a slice expression, unsafe.Slice, an array) resolve to it. Anything else is an atom.
func (fa *funcAnalysis) linOf(v ssa.Value) lin {
	if l, ok := fa.lins[v]; ok {
		return l
	}
	fa.lins[v] = lin{X: atom{v: v}, A: 1} // guards against cycles through phis
	l := fa.computeLin(v)
	fa.lins[v] = l
	return l
}

func (fa *funcAnalysis) computeLin(v ssa.Value) lin {
	self := lin{X: atom{v: v}, A: 1}
	switch v := v.(type) {
	case *ssa.Const:
		if c, ok := ssaq.IntConst(v); ok {
			return lin{K: c}
		}
	case *ssa.BinOp:
		return fa.binLin(v, self)
	case *ssa.Convert:
		if ssaq.IsWidening(v.X.Type(), v.Type()) {
			return fa.linOf(v.X)
		}
	case *ssa.ChangeType:
		if ssaq.IsInteger(v.X.Type()) {
			return fa.linOf(v.X)
		}
	case *ssa.UnOp:
		if sv := storedValue(v); sv != nil {
			return fa.linOf(sv)
		}
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && len(v.Call.Args) == 1 {
			switch b.Name() {
			case "len":
				return fa.lenLin(v.Call.Args[0], atomLen)
			case "cap":
				return fa.lenLin(v.Call.Args[0], atomCap)
			}
		}
	}
	return self
}

func (fa *funcAnalysis) binLin(v *ssa.BinOp, self lin) lin {
	x, y := fa.linOf(v.X), fa.linOf(v.Y)
	switch v.Op {
	case token.ADD:
		if s, ok := x.Sum(y); ok {
			return s
		}
	case token.SUB:
		if s, ok := x.Sum(y.Times(-1)); ok {
			return s
		}
	case token.MUL:
		switch {
		case y.IsConst():
			return x.Times(y.K)
		case x.IsConst():
			return y.Times(x.K)
		}
	case token.SHL:
		if y.IsConst() && y.K >= 0 && y.K < 32 {
			return x.Times(1 << y.K)
		}
	}
	return self
}

// lenLin returns len(s) (or cap(s)) as a linear form.
func (fa *funcAnalysis) lenLin(s ssa.Value, op atomOp) lin {
	switch s := s.(type) {
	case *ssa.ChangeType:
		return fa.lenLin(s.X, op)
	case *ssa.Const:
		if s.Value != nil && s.Value.Kind() == constant.String {
			return lin{K: int64(len(constant.StringVal(s.Value)))}
		}
	case *ssa.MakeSlice:
		if op == atomCap {
			return fa.linOf(s.Cap)
		}
		return fa.linOf(s.Len)
	case *ssa.Slice:
		if l, ok := fa.sliceLen(s, op); ok {
			return l
		}
	case *ssa.Call:
		if b, ok := s.Call.Value.(*ssa.Builtin); ok && (b.Name() == "Slice" || b.Name() == "String") {
			return fa.linOf(s.Call.Args[1])
		}
	}
	if n, ok := ssaq.ArrayLen(s.Type()); ok {
		return lin{K: n}
	}
	return lin{X: atom{v: s, op: op}, A: 1}
}

// sliceLen returns the length of s[lo:hi] (or its capacity) when it is linear.
func (fa *funcAnalysis) sliceLen(s *ssa.Slice, op atomOp) (lin, bool) {
	lo := lin{}
	if s.Low != nil {
		lo = fa.linOf(s.Low)
	}
	var hi lin
	switch {
	case op == atomCap && s.Max != nil:
		hi = fa.linOf(s.Max)
	case op == atomLen && s.High != nil:
		hi = fa.linOf(s.High)
	default:
		hi = fa.lenLin(s.X, op)
		if _, isStr := s.X.Type().Underlying().(*types.Basic); isStr && op == atomCap {
			return lin{}, false
		}
	}
	return hi.Sum(lo.Times(-1))
}

// A Bound is how a message shows a symbolic quantity: A*Name + K, or the constant K.
type Bound struct {
	Name string
	A, K int64
}

func (b Bound) String() string {
	if b.Name == "" || b.A == 0 {
		return fmt.Sprint(b.K)
	}
	s := b.Name
	if b.A != 1 {
		s = fmt.Sprintf("%d*%s", b.A, b.Name)
	}
	switch {
	case b.K > 0:
		s += fmt.Sprintf("+%d", b.K)
	case b.K < 0:
		s += fmt.Sprintf("%d", b.K)
	}
	return s
}

// bound renders l for messages; ok is false when its atom has no name a reader would know.
func (fa *funcAnalysis) bound(l lin) (Bound, bool) {
	if l.IsConst() {
		return Bound{K: l.K}, true
	}
	name := fa.atomName(l.X)
	return Bound{Name: name, A: l.A, K: l.K}, name != ""
}

// atomName names an atom as in source: a parameter, a variable, len(b).
func (fa *funcAnalysis) atomName(x atom) string {
	name := fa.valueName(x.v)
	switch {
	case name == "":
		return ""
	case x.op == atomLen:
		return "len(" + name + ")"
	case x.op == atomCap:
		return "cap(" + name + ")"
	}
	return name
}

func (fa *funcAnalysis) valueName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return v.Name()
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL && isVarName(a.Comment) {
			return a.Comment
		}
	case *ssa.Call:
		return fa.b.varNameAt(v.Pos())
	case *ssa.Convert:
		return fa.valueName(v.X)
	case *ssa.Phi:
		if isVarName(v.Comment) && !isSynthetic(v.Comment) {
			return v.Comment
		}
	}
	return ""
}

// isSynthetic reports whether a phi's comment names a variable the builder made up.
func isSynthetic(c string) bool {
	switch c {
	case "rangeint.iter", "rangeindex", "phi":
		return true
	}
	return false
}

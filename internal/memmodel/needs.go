package memmodel

import (
	"fmt"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/ssa"
)

// Requirements: what a function needs of its inputs, checked where it is called.
//
// A helper such as `func at(p unsafe.Pointer, i int) uint64 { return *(*uint64)(unsafe.Add(p,
// 8*i)) }` cannot know its access is in bounds: its parameter has no size. The bug, if there is
// one, is latent (Pulse's word) until a caller that knows the allocation passes an index that
// takes the access out of it; then it is manifest, and reported. So the range analysis, at each
// extent it cannot decide, records a Need when the extent is made of the function's own inputs
// (bytes [8*p1, 8*p1+8) of what p0 points to) and the access runs on every call that returns
// (its block dominates every exit: no early return or panic avoids it, so no guard of the
// callee's can be what keeps it in bounds). A call site evaluates the need with its own
// knowledge of the arguments (an allocation's size, an index's range) and judges it exactly as
// it judges its own accesses. A caller that knows nothing of the pointer but has it from its own
// parameter passes the need on as its own, up to maxNeedDepth calls.

// A Need is an access a function makes on every call that returns: bytes [Off, Off+Len) of
// what input Input points to (a slice's or string's data) must lie in its object.
type Need struct {
	Input int
	Kind  AccessKind
	Op    string // the operation, as in the callee: "conversion to *uint64", "unsafe.Slice"
	Off   ArgLin
	Len   ArgLin
	Where string // the access's file:line, for messages where its position is unknown
	Depth int    // how many calls below the function the access is

	pos token.Pos // the access's position, when it is known in this process
}

// An ArgLin is A*x + K, where x is the value of input Arg, or its length with Len; with Arg < 0
// it is the constant K.
type ArgLin struct {
	Arg  int
	Len  bool
	A, K int64
}

// maxNeedDepth bounds how far a need is passed up the callers: facts stay small.
const maxNeedDepth = 3

func (n Need) String() string {
	return fmt.Sprintf("needs(p%d[%s:+%s])", n.Input, n.Off, n.Len)
}

func (l ArgLin) String() string {
	if l.Arg < 0 {
		return fmt.Sprint(l.K)
	}
	x := fmt.Sprintf("p%d", l.Arg)
	if l.Len {
		x = "len(" + x + ")"
	}
	s := x
	if l.A != 1 {
		s = fmt.Sprintf("%d*%s", l.A, x)
	}
	switch {
	case l.K > 0:
		s += fmt.Sprintf("+%d", l.K)
	case l.K < 0:
		s += fmt.Sprint(l.K)
	}
	return s
}

// argLin expresses l in the function's parameters, if it can.
func (ra *rangeAnalysis) argLin(l lin) (ArgLin, bool) {
	if l.IsConst() {
		return ArgLin{Arg: -1, K: l.K}, true
	}
	p, ok := l.X.v.(*ssa.Parameter)
	if !ok || l.X.op == atomCap {
		return ArgLin{}, false
	}
	i, ok := ra.fa.inputs[p]
	return ArgLin{Arg: i, Len: l.X.op == atomLen, A: l.A, K: l.K}, ok
}

// require records, as a need of the function, an extent it could not decide: [off, off+need)
// of the memory p points to, when p is a parameter's, off and need are linear in parameters and
// the access runs on every call that returns. from is the need it comes from, for an extent a
// callee needs; nil for the function's own access.
func (ra *rangeAnalysis) require(p ssa.Value, off offVal, need lin, kind AccessKind, op string, b *ssa.BasicBlock, from *Need) {
	if ra.witness || !off.sym || !ra.runsEveryCall(b) || isCgoHelper(ra.fa.fn) {
		return
	}
	depth := 0
	if from != nil {
		depth = from.Depth + 1
	}
	if depth >= maxNeedDepth {
		return
	}
	r := ra.fa.rootOf(p)
	if r == nil || r.obj == nil || r.obj.Kind != KindParam {
		return
	}
	if _, ok := r.v.(*ssa.Parameter); !ok {
		return
	}
	o, ok1 := ra.argLin(off.l)
	n, ok2 := ra.argLin(need)
	if !ok1 || !ok2 {
		return
	}
	nd := Need{Input: r.obj.Index, Kind: kind, Op: op, Off: o, Len: n, Depth: depth, pos: ra.pos}
	if from != nil {
		nd.Op, nd.Where, nd.pos = from.Op, from.Where, from.pos
	} else if pos := ra.fa.b.pass.Fset.Position(ra.pos); pos.IsValid() {
		nd.Where = fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
	}
	ra.fa.sum.needs = append(ra.fa.sum.needs, nd)
}

// runsEveryCall reports whether b runs on every call that ends, by return or by panic: it
// dominates every block that leaves the function.
func (ra *rangeAnalysis) runsEveryCall(b *ssa.BasicBlock) bool {
	for _, x := range ra.fa.fn.Blocks {
		if len(x.Succs) == 0 && !b.Dominates(x) {
			return false
		}
	}
	return true
}

// checkCall checks the needs of a call's callee against what the caller knows of the arguments.
func (ra *rangeAnalysis) checkCall(c *ssa.Call, b *ssa.BasicBlock, idx int) []Access {
	sum, inputs, name := ra.fa.callee(c.Common())
	if sum == nil || len(sum.Needs) == 0 {
		return nil
	}
	var out []Access
	for i := range sum.Needs {
		nd := &sum.Needs[i]
		if nd.Input >= len(inputs) {
			continue
		}
		off, offNum, ok1 := ra.subst(nd.Off, inputs, b, idx)
		need, needNum, ok2 := ra.subst(nd.Len, inputs, b, idx)
		if !ok1 || !ok2 {
			continue
		}
		sh := &shift{off: off, num: offNum, from: nd}
		acc := ra.checkExtent(inputs[nd.Input], nd.Op, nd.Kind, need, needNum, b, idx, sh)
		if acc == nil {
			continue
		}
		acc.Call, acc.Callee, acc.Where = c.Pos(), name, nd.Where
		if nd.Kind == AccConvert && nd.Len.Arg < 0 {
			acc.Need = nd.Len.K
		}
		// The access's own position only where this package's files hold it: under go vet a
		// fact's positions do not survive, and both drivers must print the same.
		acc.Pos = c.Pos()
		if nd.pos.IsValid() && ra.inPackage(nd.pos) {
			acc.Pos = nd.pos
		}
		out = append(out, *acc)
	}
	return out
}

// inPackage reports whether pos lies in one of the package's files.
func (ra *rangeAnalysis) inPackage(pos token.Pos) bool {
	f := ra.fa.b.pass.Fset.File(pos)
	if f == nil {
		return false
	}
	for _, af := range ra.fa.b.pass.Files {
		if ra.fa.b.pass.Fset.File(af.Pos()) == f {
			return true
		}
	}
	return false
}

// subst evaluates l, in a callee's inputs, at the call: its linear form in the caller's atoms
// and its range.
func (ra *rangeAnalysis) subst(l ArgLin, inputs []ssa.Value, b *ssa.BasicBlock, idx int) (lin, func() Interval, bool) {
	if l.Arg < 0 {
		return lin{K: l.K}, constNeed(l.K), true
	}
	if l.Arg >= len(inputs) {
		return lin{}, nil, false
	}
	v := inputs[l.Arg]
	if l.Len {
		out := ra.fa.lenLin(v, atomLen).Times(l.A).Plus(l.K)
		return out, func() Interval { return ra.linNum(out, b, idx, guardDepth) }, true
	}
	num := func() Interval { return ra.numAt(v, b, idx).Mul(Point(l.A)).Add(Point(l.K)) }
	return ra.linOf(v).Times(l.A).Plus(l.K), num, true
}

// A shift is added to a pointer's offset when the extent checked is a callee's need: the
// callee's offset into the input, at the call.
type shift struct {
	off  lin
	num  func() Interval
	from *Need
}

// offsetAt returns p's offset at (b, idx), shifted by sh.
func (ra *rangeAnalysis) offsetAt(p ssa.Value, b *ssa.BasicBlock, idx int, sh *shift) offVal {
	off := ra.offAt(p, b, idx)
	if sh != nil {
		off = off.add(sh.off, sh.num())
	}
	return off
}

// callsWithNeeds reports whether fn calls a function that has needs.
func (fa *funcAnalysis) callsWithNeeds() bool {
	for _, b := range fa.fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if _, isBuiltin := c.Call.Value.(*ssa.Builtin); !isBuiltin {
					if sum, _, _ := fa.callee(c.Common()); sum != nil && len(sum.Needs) > 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

package memmodel

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// The range analysis gives every integer value an Interval and every pointer into a known
// object an offset range, after the provenance dataflow has named the objects.
//
// It is sparse: SSA values are defined once, so a value's range is computed where it is
// defined, and refined where it is used by the guards that dominate the use: the conditions of
// the if statements whose branch leads there (`if i < n`, a loop's header), and the bounds
// checks of index expressions already executed (`&b[i]` proves i < len(b) from then on). A
// guard relates an atom to a linear form of another (i <= len(b)-8), which is how symbolic
// bounds survive: the interval of i may be unbounded while i < n still holds.
//
// Only phis can grow across a loop's iterations; they join their incoming edges (each refined
// by the branch that leads along it) and are widened from the third round on, so the sweeps
// end after a few rounds whatever the loops: each round is linear in the function's size.

// maxRangeRounds bounds the sweeps; widening makes it unreachable on sound inputs, and a
// function that hits it gets no accesses: silence, not noise.
const maxRangeRounds = 12

// guardDepth bounds how far a guard's own bound is refined by further guards.
const guardDepth = 2

type rangeAnalysis struct {
	fa         *funcAnalysis
	sizes      types.Sizes
	ids        map[ssa.Value]int32 // the values' numbers in vals (rangevals.go)
	vals       []valRange
	conds      [][2][]cond // by block index and successor: what the branch says on that edge
	lastV      ssa.Value   // of's last answer
	last       *valRange
	constAtoms bool // a constant has a number (rangevals.go)
	objDef     map[*Object]ssa.Value
	unstable   bool
	round      int
	pos        token.Pos // the instruction whose accesses are being checked, for needs
	nocheckptr uint8     // 0: not yet known; 1: no; 2: the function is //go:nocheckptr

	// witness, while set, restricts ranges to what the program states: constants, branch
	// conditions and loop bounds. Bounds checks and the ranges of types prove accesses safe,
	// but they do not show that a bad offset is reachable: an opaque index only known to be
	// below len(b) by its own bounds check is the caller's business, not a feasible path the
	// model has seen.
	witness bool
}

// A guard states that x op b holds wherever its position dominates.
type guard struct {
	at  *ssa.BasicBlock
	idx int // after instruction idx of at; -1: from at's entry
	op  token.Token
	b   lin

	implicit bool // a bounds check's, not a condition the program states
}

// A cond is a guard that holds on one edge, before it is placed.
type cond struct {
	x  atom
	op token.Token
	b  lin
}

func newRanges(fa *funcAnalysis) *rangeAnalysis {
	ra := &rangeAnalysis{fa: fa, sizes: fa.b.pass.TypesSizes}
	if ra.sizes == nil {
		ra.sizes = types.SizesFor("gc", "amd64")
	}
	ra.objDef = fa.objectDefs()
	ra.numberValues()
	ra.conds = make([][2][]cond, len(fa.fn.Blocks))
	for _, b := range fa.fn.Blocks {
		for i, instr := range b.Instrs {
			ra.boundsGuards(b, i, instr)
		}
		ra.branchGuards(b)
	}
	return ra
}

// objectDefs inverts the model's index of objects by the instruction that allocates them.
func (fa *funcAnalysis) objectDefs() map[*Object]ssa.Value {
	defs := map[*Object]ssa.Value{}
	for instr, o := range fa.objs {
		if v, ok := instr.(ssa.Value); ok {
			defs[o] = v
		}
	}
	for v, r := range fa.own {
		if g, ok := v.(*ssa.Global); ok && r.obj != nil {
			defs[r.obj] = g
		}
	}
	return defs
}

// branchGuards records the condition of b's if statement on each of its two edges, for the
// sweeps, and as a guard on each successor that only b reaches: there the condition (or its
// negation) holds for certain.
func (ra *rangeAnalysis) branchGuards(b *ssa.BasicBlock) {
	if len(b.Succs) != 2 || b.Succs[0] == b.Succs[1] {
		return
	}
	for s, succ := range b.Succs {
		ra.conds[b.Index][s] = edgeConds(ra.fa, b, s)
		if len(succ.Preds) != 1 {
			continue
		}
		for _, c := range ra.conds[b.Index][s] {
			ra.addGuard(c.x, guard{at: succ, idx: -1, op: c.op, b: c.b})
		}
	}
}

// edgeConds returns what b's branch condition says on its edge to successor s (0: true).
//
//	t5 = t3 <= t4       t3 = j + 8, t4 = len(b)
//	if t5 goto 2 else 3 on the edge to 2: j <= len(b) - 8
func edgeConds(fa *funcAnalysis, b *ssa.BasicBlock, s int) []cond {
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || !ssaq.IsInteger(cmp.X.Type()) || !isComparison(cmp.Op) {
		return nil
	}
	op := cmp.Op
	if s == 1 {
		op = negate(op)
	}
	unsigned := cmp.X.Type().Underlying().(*types.Basic).Info()&types.IsUnsigned != 0
	x, y := fa.linOf(cmp.X), fa.linOf(cmp.Y)
	var out []cond
	// For unsigned types an offset may wrap, so only the plain atom is solved for.
	if c, ok := solve(x, op, y); ok && (!unsigned || x.K == 0) {
		out = append(out, c)
	}
	if c, ok := solve(y, flip(op), x); ok && (!unsigned || y.K == 0) {
		out = append(out, c)
	}
	if !unsigned {
		out = append(out, diffConds(fa, cmp.X, op, y)...)
		out = append(out, diffConds(fa, cmp.Y, flip(op), x)...)
		out = append(out, minConds(fa, cmp.X, op, y)...)
		out = append(out, minConds(fa, cmp.Y, flip(op), x)...)
	}
	return out
}

// minConds solves a lower bound on min(a, b) for each operand: min(a, b) >= c holds only if
// both a >= c and b >= c (n := min(len(b)-off, 8); if n == 8 { 8 bytes remain }).
func minConds(fa *funcAnalysis, v ssa.Value, op token.Token, c lin) []cond {
	call, ok := v.(*ssa.Call)
	if !ok || !c.IsConst() {
		return nil
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "min" {
		return nil
	}
	switch op {
	case token.EQL:
		op = token.GEQ // min(a, b) == c: each is at least c
	case token.GEQ, token.GTR:
	default:
		return nil
	}
	var out []cond
	for _, a := range call.Call.Args {
		if !ssaq.IsInteger(a.Type()) {
			return nil
		}
		if cd, ok := solve(fa.linOf(a), op, c); ok {
			out = append(out, cd)
		}
		out = append(out, diffConds(fa, a, op, c)...)
	}
	return out
}

// diffConds solves a comparison of a difference of two atoms with a constant, p - q op c,
// which a linear form cannot hold, for each atom: q flip(op) p - c, and p op q + c. That is how
// parsers state what remains: len(b)-off < 8 says off > len(b)-8 on its true edge.
func diffConds(fa *funcAnalysis, v ssa.Value, op token.Token, c lin) []cond {
	d, ok := v.(*ssa.BinOp)
	if !ok || d.Op != token.SUB || !c.IsConst() || op == token.NEQ {
		return nil
	}
	if l := fa.linOf(d); !l.IsConst() && l.X.v != d {
		return nil // the difference folded into one atom: solve handled it
	}
	p, q := fa.linOf(d.X), fa.linOf(d.Y)
	if p.IsConst() || q.IsConst() {
		return nil
	}
	var out []cond
	if q.A == 1 {
		out = append(out, cond{q.X, flip(op), p.Plus(-domain.AddSat(c.K, q.K))})
	}
	if p.A == 1 {
		out = append(out, cond{p.X, op, q.Plus(domain.AddSat(c.K, -p.K))})
	}
	return out
}

// solve turns a*x + k op y into a bound on the atom x: x op y-k when a == 1; when a > 1 and y is
// a constant, x <= floor((y-k)/a) for an upper bound and x >= ceil((y-k)/a) for a lower one.
func solve(l lin, op token.Token, y lin) (cond, bool) {
	switch {
	case l.IsConst():
		return cond{}, false
	case l.A == 1:
		return cond{l.X, op, y.Plus(-l.K)}, true
	case l.A <= 1 || !y.IsConst() || op == token.EQL || op == token.NEQ:
		return cond{}, false
	}
	d := domain.AddSat(y.K, -l.K)
	switch op {
	case token.LSS:
		return cond{l.X, token.LEQ, lin{K: domain.FloorDiv(domain.AddSat(d, -1), l.A)}}, true
	case token.LEQ:
		return cond{l.X, token.LEQ, lin{K: domain.FloorDiv(d, l.A)}}, true
	case token.GTR:
		return cond{l.X, token.GEQ, lin{K: -domain.FloorDiv(-domain.AddSat(d, 1), l.A)}}, true
	}
	return cond{l.X, token.GEQ, lin{K: -domain.FloorDiv(-d, l.A)}}, true
}

func isComparison(op token.Token) bool {
	switch op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
		return true
	}
	return false
}

// flip returns the comparison with its operands swapped: a < b is b > a.
func flip(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// boundsGuards records what an executed index expression proves: x[i] panics unless
// 0 <= i < len(x), so after it, i <= len(x)-1 and len(x) >= i+1.
func (ra *rangeAnalysis) boundsGuards(b *ssa.BasicBlock, idx int, instr ssa.Instruction) {
	var x, i ssa.Value
	switch in := instr.(type) {
	case *ssa.IndexAddr:
		x, i = in.X, in.Index
	case *ssa.Index:
		x, i = in.X, in.Index
	default:
		return
	}
	n := ra.fa.lenLin(x, atomLen)
	li := ra.linOf(i)
	if c, ok := solve(li, token.LSS, n); ok {
		ra.addGuard(c.x, guard{b, idx, c.op, c.b, true})
	}
	if c, ok := solve(li, token.GEQ, lin{}); ok {
		ra.addGuard(c.x, guard{b, idx, c.op, c.b, true})
	}
	if !n.IsConst() && n.A == 1 {
		ra.addGuard(n.X, guard{b, idx, token.GEQ, li.Plus(1 - n.K), true})
	}
}

// maxGuards bounds the guards kept per atom, which keeps refinement linear in pathological
// functions (a value compared in thousands of branches).
const maxGuards = 32

func (ra *rangeAnalysis) addGuard(x atom, g guard) {
	gs := &ra.vals[ra.number(x.v)].guards[x.op]
	if len(*gs) < maxGuards {
		*gs = append(*gs, g)
	}
}

// guardsOf returns the guards on atom x.
func (ra *rangeAnalysis) guardsOf(x atom) []guard { return ra.of(x.v).guards[x.op] }

// holds reports whether g holds at instruction idx of block b.
func (g guard) holds(b *ssa.BasicBlock, idx int) bool {
	if g.at == b {
		return g.idx < idx
	}
	return g.at.Dominates(b)
}

// solve sweeps the function in dominator order until no range changes.
func (ra *rangeAnalysis) solve() {
	order := ra.fa.fn.DomPreorder()
	for ra.round = 0; ra.round < maxRangeRounds; ra.round++ {
		changed := false
		for _, b := range order {
			for i, instr := range b.Instrs {
				if ra.step(b, i, instr) {
					changed = true
				}
			}
		}
		if !changed {
			if debugRanges {
				fmt.Println("DBG rounds", ra.fa.fn, ra.round+1)
			}
			return
		}
	}
	ra.unstable = true
	debugf("memmodel: %s: the range analysis did not settle in %d rounds; the function's accesses are not checked", ra.fa.fn, maxRangeRounds)
}

// step computes the range of the value instr defines and reports whether it changed.
func (ra *rangeAnalysis) step(b *ssa.BasicBlock, i int, instr ssa.Instruction) bool {
	v, ok := instr.(ssa.Value)
	if !ok {
		return false
	}
	if phi, ok := v.(*ssa.Phi); ok {
		return ra.stepPhi(phi)
	}
	if !ssaq.IsInteger(v.Type()) {
		return false
	}
	next := ra.eval(v, b, i)
	vr := ra.of(v)
	old, had := vr.num, vr.hasNum
	vr.num, vr.hasNum = next, true
	return ra.setStride(v, ra.evalStride(v)) || !had || old != next
}

func (ra *rangeAnalysis) stepPhi(phi *ssa.Phi) bool {
	var next Interval
	vr := ra.of(phi)
	table, had := &vr.num, &vr.hasNum
	changed := false
	switch {
	case ra.pointsIntoObject(phi):
		next = ra.joinEdges(phi, ra.offAtEdge)
		table, had = &vr.poff, &vr.hasPoff
	case ssaq.IsInteger(phi.Type()):
		next = ra.joinEdges(phi, ra.numAtEdge)
		ubs := ra.phiBounds(phi)
		changed = !slices.Equal(ubs, vr.phiUB)
		vr.phiUB = ubs
		changed = ra.setStride(phi, ra.phiStride(phi)) || changed
	default:
		return false
	}
	old, was := *table, *had
	switch {
	case !was:
	case ra.round >= 2:
		next = old.Widen(next)
	default:
		next = old.Join(next)
	}
	*table, *had = next, true
	return changed || !was || old != next
}

// joinEdges joins the values a phi receives, each evaluated on its edge.
func (ra *rangeAnalysis) joinEdges(phi *ssa.Phi, at func(ssa.Value, *ssa.BasicBlock, *ssa.BasicBlock) Interval) Interval {
	out := Interval{Lo: 1, Hi: 0}
	for j, e := range phi.Edges {
		if c, ok := e.(*ssa.Const); ok && c.IsNil() {
			continue // a nil pointer on one edge is never offset: it says nothing
		}
		out = out.Join(at(e, phi.Block().Preds[j], phi.Block()))
	}
	return out
}

// pointsIntoObject reports whether v is pointer-like and the model names the object it points
// into.
func (ra *rangeAnalysis) pointsIntoObject(v ssa.Value) bool {
	if !isTracked(v.Type()) {
		return false
	}
	r := ra.fa.rootOf(v)
	return r != nil && r.obj != nil && r.obj != objTop
}

// base returns v's range where it is defined: computed, constant, or its type's.
func (ra *rangeAnalysis) base(v ssa.Value) Interval {
	if ra.witness && ra.narrowsUnknown(v) {
		return Top // uint8(i) of an unknown i: the range is the type's, not a stated one
	}
	if vr := ra.of(v); vr.hasNum {
		if ra.witness && vr.opaque {
			return Top
		}
		return vr.num
	}
	if k, ok := ssaq.IntConst(v); ok {
		return Point(k)
	}
	if _, ok := v.(ssa.Instruction); ok {
		if _, isPhi := v.(*ssa.Phi); isPhi || ssaq.IsInteger(v.Type()) {
			return Interval{Lo: 1, Hi: 0} // not computed yet: the first round's back edges
		}
	}
	if ra.witness {
		return Top // a parameter: its type bounds it, but nothing says the bound is reached
	}
	return typeRange(v.Type())
}

// narrowsUnknown reports whether v converts a value the model does not compute to a narrower
// integer type ($GOROOT/test/fixedbugs/issue48536.go).
func (ra *rangeAnalysis) narrowsUnknown(v ssa.Value) bool {
	c, ok := v.(*ssa.Convert)
	if !ok || !ssaq.IsInteger(c.X.Type()) || ssaq.IsWidening(c.X.Type(), c.Type()) {
		return false
	}
	if ra.of(c.X).opaque {
		return true
	}
	switch c.X.(type) {
	case *ssa.UnOp, *ssa.Call, *ssa.Parameter, *ssa.Extract:
		return true // a load, a call, a parameter: nothing states its value
	}
	return false
}

// withWitness runs f with ranges restricted to what the program states.
func (ra *rangeAnalysis) withWitness(f func()) {
	ra.witness = true
	defer func() { ra.witness = false }()
	f()
}

// typeRange is the range of every value of an integer type (all of int64 for wider ones).
func typeRange(t types.Type) Interval {
	b, ok := t.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 {
		return Top
	}
	bits := ssaq.IntBits(t)
	if b.Info()&types.IsUnsigned != 0 {
		if bits == 64 {
			return Interval{Lo: 0, Hi: domain.PosInf}
		}
		return Interval{Lo: 0, Hi: 1<<bits - 1}
	}
	if bits == 64 {
		return Top
	}
	return Interval{Lo: -1 << (bits - 1), Hi: 1<<(bits-1) - 1}
}

// numAt returns v's range at instruction idx of block b: its atom refined by the guards that
// hold there, mapped through v's linear form.
func (ra *rangeAnalysis) numAt(v ssa.Value, b *ssa.BasicBlock, idx int) Interval {
	r := ra.linNum(ra.linOf(v), b, idx, guardDepth)
	if _, isPhi := v.(*ssa.Phi); !ra.witness || isPhi {
		r = r.Meet(ra.base(v)) // a witness does not take what the sweeps baked in
	}
	return domain.RoundTo(r, ra.strideOf(v))
}

func (ra *rangeAnalysis) linNum(l lin, b *ssa.BasicBlock, idx, depth int) Interval {
	if l.IsConst() {
		return Point(l.K)
	}
	return ra.atomNum(l.X, b, idx, depth).Mul(Point(l.A)).Add(Point(l.K))
}

func (ra *rangeAnalysis) atomBase(x atom) Interval {
	if x.op != atomValue {
		return Interval{Lo: 0, Hi: domain.PosInf}
	}
	return ra.base(x.v)
}

// atomNum returns the range of atom x at a point: its base, refined by the guards there.
func (ra *rangeAnalysis) atomNum(x atom, b *ssa.BasicBlock, idx, depth int) Interval {
	r := ra.atomBase(x)
	if depth == 0 {
		return r
	}
	for _, g := range ra.guardsOf(x) {
		if g.holds(b, idx) && !(ra.witness && g.implicit) {
			r = applyOp(r, g.op, ra.linNum(g.b, g.at, g.idx+1, depth-1))
		}
	}
	return r
}

// applyOp refines r by r op bound.
func applyOp(r Interval, op token.Token, bound Interval) Interval {
	switch op {
	case token.LSS:
		return r.Meet(Interval{Lo: domain.NegInf, Hi: domain.AddSat(bound.Hi, -1)})
	case token.LEQ:
		return r.Meet(Interval{Lo: domain.NegInf, Hi: bound.Hi})
	case token.GTR:
		return r.Meet(Interval{Lo: domain.AddSat(bound.Lo, 1), Hi: domain.PosInf})
	case token.GEQ:
		return r.Meet(Interval{Lo: bound.Lo, Hi: domain.PosInf})
	case token.EQL:
		return r.Meet(bound)
	case token.NEQ:
		if c, ok := bound.Exact(); ok {
			if r.Lo == c {
				r.Lo++
			}
			if r.Hi == c {
				r.Hi--
			}
		}
	}
	return r
}

// numAtEdge is v's range on the edge from p to b, where p's branch condition also holds.
func (ra *rangeAnalysis) numAtEdge(v ssa.Value, p, b *ssa.BasicBlock) Interval {
	return ra.linNumEdge(ra.linOf(v), p, b).Meet(ra.base(v))
}

// edgeConds returns the conditions on the edge p -> b.
func (ra *rangeAnalysis) edgeConds(p, b *ssa.BasicBlock) []cond {
	if len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return nil
	}
	s := 0
	if p.Succs[1] == b {
		s = 1
	}
	return ra.conds[p.Index][s]
}

// eval computes the range of a non-phi integer value from its operands' ranges at its
// definition.
func (ra *rangeAnalysis) eval(v ssa.Value, b *ssa.BasicBlock, i int) Interval {
	t := typeRange(v.Type())
	var r Interval
	switch v := v.(type) {
	case *ssa.BinOp:
		r = ra.evalBin(v, b, i)
	case *ssa.Convert:
		r = ra.numAt(v.X, b, i)
	case *ssa.ChangeType:
		r = ra.numAt(v.X, b, i)
	case *ssa.Call, *ssa.Const:
		l := ra.linOf(v)
		if !l.IsConst() && l.X.v == v {
			ra.of(v).opaque = true // a call the model does not understand
			return t
		}
		r = ra.linNum(l, b, i, guardDepth) // len, cap: refined by the guards on them
	default:
		ra.of(v).opaque = true
		return t
	}
	if r.IsEmpty() {
		return r
	}
	// Go's integers wrap: a result that may leave its type's range may be anything in it. That
	// range comes from the type, not from anything the program states: no witness (uint8(i) of
	// an unknown i is not known to reach 255).
	if r.Lo < t.Lo || r.Hi > t.Hi {
		ra.of(v).opaque = true
		return t
	}
	return r
}

func (ra *rangeAnalysis) evalBin(v *ssa.BinOp, b *ssa.BasicBlock, i int) Interval {
	x, y := ra.numAt(v.X, b, i), ra.numAt(v.Y, b, i)
	c, yConst := y.Exact()
	switch v.Op {
	case token.ADD:
		return x.Add(y)
	case token.SUB:
		return x.Sub(y)
	case token.MUL:
		return x.Mul(y)
	case token.QUO:
		if yConst && c > 0 {
			return x.Quo(c)
		}
	case token.REM:
		if yConst && c > 0 && x.Lo >= 0 {
			return Interval{Lo: 0, Hi: c - 1}
		}
	case token.AND:
		if yConst && c >= 0 {
			return Interval{Lo: 0, Hi: c}
		}
		if k, ok := x.Exact(); ok && k >= 0 {
			return Interval{Lo: 0, Hi: k}
		}
	case token.SHR:
		if yConst && c >= 0 && c < 64 && x.Lo >= 0 {
			return Interval{Lo: x.Lo >> c, Hi: domain.ShrSat(x.Hi, c)}
		}
	case token.SHL:
		if yConst && c >= 0 && c < 62 {
			return x.Mul(Point(1 << c))
		}
	}
	return typeRange(v.Type())
}

// ubsAt returns symbolic upper bounds of v at a point: a*u + k for each bound u of v's atom.
func (ra *rangeAnalysis) ubsAt(l lin, b *ssa.BasicBlock, idx int) []lin {
	if l.IsConst() || l.A <= 0 {
		return nil
	}
	var out []lin
	for _, u := range ra.atomUBs(l.X, b, idx) {
		out = append(out, u.Times(l.A).Plus(l.K))
	}
	return out
}

// atomUBs returns the symbolic upper bounds of atom x at a point, from guards and, for a phi,
// from the bounds all its edges respect.
func (ra *rangeAnalysis) atomUBs(x atom, b *ssa.BasicBlock, idx int) []lin {
	var out []lin
	for _, g := range ra.guardsOf(x) {
		if !g.holds(b, idx) || g.b.IsConst() || g.b.X == x || ra.witness && g.implicit {
			continue
		}
		switch g.op {
		case token.LSS:
			out = append(out, g.b.Plus(-1))
		case token.LEQ, token.EQL:
			out = append(out, g.b)
		}
	}
	if x.op == atomValue {
		out = append(out, ra.of(x.v).phiUB...)
	}
	return out
}

// phiBounds returns the symbolic upper bounds that every edge of phi respects: the induction
// variable of `for i := range n` is at most n-1 because the entry edge brings 0 when n > 0
// and the back edge brings i+1 when i+1 < n.
func (ra *rangeAnalysis) phiBounds(phi *ssa.Phi) []lin {
	preds := phi.Block().Preds
	var cands []lin
	for j, e := range phi.Edges {
		cands = append(cands, ra.edgeUBs(e, preds[j], phi.Block())...)
	}
	var out []lin
	for _, u := range tightest(cands) {
		if len(out) < 4 && ra.allEdgesBelow(phi, u) {
			out = append(out, u)
		}
	}
	return out
}

// tightest keeps, of the bounds that are multiples of the same atom, the smallest: a looser one
// follows from it, and keeping it would let the bounds of a loop phi drift up round by round.
func tightest(ls []lin) []lin {
	var out []lin
	for _, l := range ls {
		i := slices.IndexFunc(out, l.Comparable)
		switch {
		case i < 0:
			out = append(out, l)
		case l.K < out[i].K:
			out[i] = l
		}
	}
	return out
}

func (ra *rangeAnalysis) allEdgesBelow(phi *ssa.Phi, u lin) bool {
	preds := phi.Block().Preds
	for j, e := range phi.Edges {
		if !ra.edgeBelow(e, preds[j], phi.Block(), u) {
			return false
		}
	}
	return true
}

// edgeBelow reports whether v <= u on the edge p -> b.
func (ra *rangeAnalysis) edgeBelow(v ssa.Value, p, b *ssa.BasicBlock, u lin) bool {
	if l := ra.linOf(v); l.IsConst() {
		lo := ra.linNumEdge(u, p, b).Lo
		return lo != domain.NegInf && l.K <= lo
	}
	for _, w := range ra.edgeUBs(v, p, b) {
		if w.Comparable(u) && w.K <= u.K {
			return true
		}
	}
	return false
}

// edgeUBs returns the symbolic upper bounds of v on the edge p -> b.
func (ra *rangeAnalysis) edgeUBs(v ssa.Value, p, b *ssa.BasicBlock) []lin {
	l := ra.linOf(v)
	out := ra.ubsAt(l, p, len(p.Instrs))
	if l.IsConst() || l.A != 1 {
		return out
	}
	for _, c := range ra.edgeConds(p, b) {
		if c.x != l.X || c.b.IsConst() {
			continue
		}
		switch c.op {
		case token.LSS:
			out = append(out, c.b.Plus(-1).Plus(l.K))
		case token.LEQ, token.EQL:
			out = append(out, c.b.Plus(l.K))
		}
	}
	return out
}

// linNumEdge is the range of l on the edge p -> b.
func (ra *rangeAnalysis) linNumEdge(l lin, p, b *ssa.BasicBlock) Interval {
	if l.IsConst() {
		return Point(l.K)
	}
	x := ra.atomNum(l.X, p, len(p.Instrs), guardDepth)
	for _, c := range ra.edgeConds(p, b) {
		if c.x == l.X {
			x = applyOp(x, c.op, ra.linNum(c.b, p, len(p.Instrs), guardDepth-1))
		}
	}
	return x.Mul(Point(l.A)).Add(Point(l.K))
}

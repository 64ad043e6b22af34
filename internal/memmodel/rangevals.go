package memmodel

import "golang.org/x/tools/go/ssa"

// The range analysis keeps what it knows of each value in one dense table, indexed by a number
// it gives the value, rather than in a map per fact: a sweep reads several facts of every
// operand, and in a function of 100k instructions the maps' scattered lookups made the cost
// per instruction grow with the function's size.

// valRange is what the range analysis knows of one value. The has fields tell a fact computed
// by the sweeps from one not computed yet.
type valRange struct {
	num    Interval   // integer values, where they are defined
	stride int64      // integer values: a known divisor of every value (0: of all)
	poff   Interval   // pointer phis: their offset into their object
	phiUB  []lin      // integer phis: symbolic upper bounds every edge respects
	guards [3][]guard // by atomOp: the guards on the value, its length, its capacity
	lin    lin        // the value's linear form, funcAnalysis.linOf's
	idx    int        // an instruction's index in its block

	hasNum, hasStride, hasPoff, hasLin bool

	opaque bool // an integer value the model does not compute (a load, a call)
	bad    bool // a pointer whose computation was already reported
}

// numberValues gives a number to every value of the function that can carry a fact: its
// parameters, free variables and instructions; addGuard numbers the other atoms it meets (a
// constant beyond int64). Number 0 stands for every other value (a constant, a global): it is
// never written, so reading it finds nothing computed.
func (ra *rangeAnalysis) numberValues() {
	fn := ra.fa.fn
	n := len(fn.Params) + len(fn.FreeVars)
	for _, b := range fn.Blocks {
		n += len(b.Instrs) // an upper bound of the values; sizing both at once spares growing them
	}
	ra.ids = make(map[ssa.Value]int32, n)
	ra.vals = make([]valRange, 1, 1+n)
	for _, p := range fn.Params {
		ra.number(p)
	}
	for _, fv := range fn.FreeVars {
		ra.number(fv)
	}
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			if v, ok := instr.(ssa.Value); ok {
				id := ra.number(v)
				ra.vals[id].idx = i
			}
		}
	}
}

// number returns v's number, giving it one if it has none. Only the construction of the
// analysis numbers values: the table must not move while the sweeps hold pointers into it.
func (ra *rangeAnalysis) number(v ssa.Value) int32 {
	id, ok := ra.ids[v]
	if !ok {
		id = int32(len(ra.vals))
		ra.ids[v] = id
		ra.vals = append(ra.vals, valRange{})
		ra.last = nil // the table may have moved
		if _, ok := v.(*ssa.Const); ok {
			ra.constAtoms = true
		}
	}
	return id
}

// of returns what the analysis knows of v; the shared empty entry if v has no number. The
// facts of one value are read several times in a row (its form, its range, its stride), so
// the last answer is kept; constants, the most common operands without a number, skip the map
// unless one has guards (a constant beyond int64 is an atom).
func (ra *rangeAnalysis) of(v ssa.Value) *valRange {
	if ra.last != nil && v == ra.lastV {
		return ra.last
	}
	if _, ok := v.(*ssa.Const); ok && !ra.constAtoms {
		return &ra.vals[0]
	}
	ra.lastV, ra.last = v, &ra.vals[ra.ids[v]]
	return ra.last
}

// linOf is funcAnalysis.linOf, kept in the table.
func (ra *rangeAnalysis) linOf(v ssa.Value) lin {
	if c, ok := v.(*ssa.Const); ok {
		return ra.fa.computeLin(c) // a constant's form is at hand: no need to remember it
	}
	vr := ra.of(v)
	if vr == &ra.vals[0] {
		return ra.fa.linOf(v) // not numbered: the shared entry must stay empty
	}
	if !vr.hasLin {
		vr.lin, vr.hasLin = ra.fa.linOf(v), true
	}
	return vr.lin
}

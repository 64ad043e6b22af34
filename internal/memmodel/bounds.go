package memmodel

import (
	"go/token"

	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// A relation a < b (strict) or a <= b between two integer values, known to hold at a point.
type relation struct {
	a, b   ssa.Value
	strict bool
}

// relationsAt returns what the branch conditions and bounds-checking calls that dominate instr
// establish: the conditions on the edges into the dominators of instr's block that have a
// single predecessor, and the Less facts of calls earlier in those blocks.
func (fa *funcAnalysis) relationsAt(instr ssa.Instruction) []relation {
	var rels []relation
	upto := instr
	for b := instr.Block(); b != nil; b = b.Idom() {
		for _, in := range b.Instrs {
			if in == upto {
				break
			}
			if c, ok := in.(*ssa.Call); ok {
				rels = append(rels, fa.callRelations(c)...)
			}
		}
		upto = nil
		if p := fa.onlyLivePred(b); p != nil {
			if ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If); ok && p.Succs[0] != p.Succs[1] {
				rels = append(rels, edgeRelations(ifi.Cond, p.Succs[0] == b)...)
			}
		}
	}
	return rels
}

// onlyLivePred returns b's one predecessor from which control can arrive, or nil: a
// predecessor that calls a function that never returns (a panicking helper, log.Fatal) is a
// dead end, whatever the edge it falls through to.
//
//	if uint(i) >= uint(h.n) { h.panicIndex(i) }   // the block that calls panicIndex jumps on
//	return h.buf[i]                               // but i < h.n holds here
func (fa *funcAnalysis) onlyLivePred(b *ssa.BasicBlock) *ssa.BasicBlock {
	var live *ssa.BasicBlock
	for _, p := range b.Preds {
		if len(b.Preds) > 1 && fa.stopsIn(p, 0, len(p.Instrs)) {
			continue
		}
		if live != nil {
			return nil
		}
		live = p
	}
	return live
}

// callRelations returns what a call's summary ensures of its arguments when it returns.
func (fa *funcAnalysis) callRelations(c *ssa.Call) []relation {
	fn := c.Call.StaticCallee()
	if fn == nil {
		return nil
	}
	var rels []relation
	sum := fa.b.summaryOf(fn)
	for _, l := range sum.less() {
		if l[0] < len(c.Call.Args) && l[1] < len(c.Call.Args) {
			rels = append(rels, relation{ssaq.StripConv(c.Call.Args[l[0]]), ssaq.StripConv(c.Call.Args[l[1]]), true})
		}
	}
	if sum != nil {
		for _, l := range sum.LessEq {
			if l[0] < len(c.Call.Args) && l[1] < len(c.Call.Args) {
				rels = append(rels, relation{ssaq.StripConv(c.Call.Args[l[0]]), ssaq.StripConv(c.Call.Args[l[1]]), false})
			}
		}
	}
	return rels
}

// edgeRelations returns what holds when cond evaluates to taken.
func edgeRelations(cond ssa.Value, taken bool) []relation {
	bin, ok := cond.(*ssa.BinOp)
	if !ok {
		return nil
	}
	x, y, op := ssaq.StripConv(bin.X), ssaq.StripConv(bin.Y), bin.Op
	if !taken {
		op = negate(op)
	}
	switch op {
	case token.LSS:
		return []relation{{x, y, true}}
	case token.LEQ:
		return []relation{{x, y, false}}
	case token.GTR:
		return []relation{{y, x, true}}
	case token.GEQ:
		return []relation{{y, x, false}}
	case token.NEQ: // n != 0, for a length (never negative), is 0 < n
		if ssaq.IsZeroInt(y) {
			return []relation{{y, x, true}}
		}
		if ssaq.IsZeroInt(x) {
			return []relation{{x, y, true}}
		}
	}
	return nil
}

func negate(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GEQ
	case token.LEQ:
		return token.GTR
	case token.GTR:
		return token.LEQ
	case token.GEQ:
		return token.LSS
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	}
	return token.ILLEGAL
}

// less returns the summary's ensured relations, tolerating a nil summary.
func (s *Summary) less() [][2]int {
	if s == nil {
		return nil
	}
	return s.Less
}

// paramRelations returns the relations between parameters that hold at a return, strict and not: a
// bounds-checking helper (checkIndex(i, n) panics unless i < n) ensures them for its callers.
func (fa *funcAnalysis) paramRelations(r *ssa.Return) (less, lessEq [][2]int) {
	for _, rel := range fa.relationsAt(r) {
		a, aok := rel.a.(*ssa.Parameter)
		b, bok := rel.b.(*ssa.Parameter)
		switch {
		case !aok || !bok:
		case rel.strict:
			less = append(less, [2]int{fa.inputs[a], fa.inputs[b]})
		default:
			lessEq = append(lessEq, [2]int{fa.inputs[a], fa.inputs[b]})
		}
	}
	return less, lessEq
}

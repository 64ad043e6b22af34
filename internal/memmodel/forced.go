package memmodel

import "golang.org/x/tools/go/ssa"

// Forced paths. The dataflow is a must analysis, so a kill on one branch is forgotten where the
// branches join: the branches may be correlated with later ones (if c { free(p) } ... if !c
// { use(p) }). One shape needs no correlation to be a bug: every path from the kill reaches the
// use. Then, whenever the kill runs, the use follows, and the only question is whether the kill
// can run at all, which the program's own branch says it can:
//
//	if err != nil {
//		C.free(p) // the kill
//	}
//	use(p) // forced: reached from the kill on every path
//
// A path ends where the function returns or panics, and at a call that never returns (os.Exit,
// t.Fatal, log.Fatal; the table's NoReturn rows, and functions of this package that have no
// return). A call to anything else is assumed to return: a helper in another package that
// always exits, and is not in the table, is a source of false positives this accepts.

// forced reports whether every path from the kill k's instruction reaches instr.
func (fa *funcAnalysis) forced(k *kill, instr ssa.Instruction) bool {
	from := fa.killInstr[k]
	if from == nil || from.Block() == nil || instr.Block() == nil {
		return false
	}
	key := [2]ssa.Instruction{from, instr}
	if v, ok := fa.forcedMemo[key]; ok {
		return v
	}
	v := fa.reaches(from, instr)
	fa.forcedMemo[key] = v
	return v
}

func (fa *funcAnalysis) reaches(from, to ssa.Instruction) bool {
	fb, tb := from.Block(), to.Block()
	fi, ti := indexIn(from), indexIn(to)
	if fb == tb && fi < ti {
		return !fa.stopsIn(fb, fi+1, ti)
	}
	if fa.stopsIn(fb, fi+1, len(fb.Instrs)) {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), fb.Succs...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		switch {
		case b == tb:
			if fa.stopsIn(b, 0, ti) {
				return false
			}
		case len(b.Succs) == 0 || fa.stopsIn(b, 0, len(b.Instrs)):
			return false // a return or a panic, before the use
		default:
			stack = append(stack, b.Succs...)
		}
	}
	return true
}

// stopsIn reports whether one of b's instructions in [from, to) never returns.
func (fa *funcAnalysis) stopsIn(b *ssa.BasicBlock, from, to int) bool {
	for _, instr := range b.Instrs[from:to] {
		if c, ok := instr.(ssa.CallInstruction); ok && fa.noReturn(c) {
			return true
		}
	}
	return false
}

// noReturn reports whether the call never returns: the table says so, or the callee is a
// function of this package whose body has no return.
func (fa *funcAnalysis) noReturn(c ssa.CallInstruction) bool {
	if cc := c.Common(); cc.IsInvoke() {
		s := world["("+cc.Value.Type().String()+")."+cc.Method.Name()] // tb.Fatal on a testing.TB
		return s != nil && s.NoReturn
	}
	fn := c.Common().StaticCallee()
	if fn == nil {
		return false
	}
	if s := fa.b.world(fn); s != nil {
		return s.NoReturn
	}
	if fn.Synthetic != "" && len(fn.Blocks) == 1 {
		// A wrapper of a promoted method, (*testing.T).Fatal of (*testing.common).Fatal:
		// what it calls decides.
		for _, instr := range fn.Blocks[0].Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				return fa.noReturn(c)
			}
		}
	}
	if fn.Pkg != fa.fn.Pkg || len(fn.Blocks) == 0 {
		return false
	}
	for _, b := range fn.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			return false
		}
	}
	return true
}

// nextIteration reports whether the kill k runs on every iteration of a loop that instr is in:
// k's block dominates every block that jumps back to the loop's header. Then, whenever the loop
// runs again, instr meets what the previous iteration killed: a C.free at the end of a loop body
// over a buffer allocated before the loop. A kill on some iterations only (if i == n-1 {
// free(p) }) is not reported: the last iteration may be the one.
//
// The killed value must be defined before the loop: a value the loop body computes (p.Put(1)
// boxes a new 1 each time) is a new one on every iteration. Its memory must be manual or from a
// pool's Get: std's sync benchmarks put one boxed 42 into a pool 100000 times, on purpose.
func (fa *funcAnalysis) nextIteration(k *kill, instr ssa.Instruction, r *root) bool {
	from := fa.killInstr[k]
	if from == nil || from.Block() == nil || instr.Block() == nil {
		return false
	}
	if !r.obj.IsManual() && r.obj.Kind != KindPool {
		return false // memory whose allocation the model has not seen (a boxed constant put N times)
	}
	kb, ub := from.Block(), instr.Block()
	def, _ := r.v.(ssa.Instruction)
	for _, l := range fa.naturalLoops() {
		if !l.body[kb] || !l.body[ub] || def != nil && l.body[def.Block()] {
			continue
		}
		every := true
		for _, latch := range l.latches {
			every = every && kb.Dominates(latch)
		}
		if every {
			return true
		}
	}
	return false
}

// A natLoop is a natural loop: the blocks that jump back to its header, and its blocks.
type natLoop struct {
	header  *ssa.BasicBlock
	latches []*ssa.BasicBlock
	body    map[*ssa.BasicBlock]bool
}

// naturalLoops returns fa's loops, computed once: a header's body is the header and every block
// that reaches one of its latches without passing through it.
func (fa *funcAnalysis) naturalLoops() []natLoop {
	if fa.loops != nil {
		return *fa.loops
	}
	var loops []natLoop
	for _, h := range fa.fn.Blocks {
		var latches []*ssa.BasicBlock
		for _, p := range h.Preds {
			if h.Dominates(p) {
				latches = append(latches, p)
			}
		}
		if len(latches) == 0 {
			continue
		}
		body := map[*ssa.BasicBlock]bool{h: true}
		stack := append([]*ssa.BasicBlock(nil), latches...)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !body[x] {
				body[x] = true
				stack = append(stack, x.Preds...)
			}
		}
		loops = append(loops, natLoop{h, latches, body})
	}
	fa.loops = &loops
	return loops
}

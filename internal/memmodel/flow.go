package memmodel

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// maxSweeps bounds the fixpoint iteration of one function. The lattice has finite height, so it
// is never reached on sound inputs; it guards against a bug in a transfer function turning into
// a hang. A function that hits it is left without events or summary: silence, not noise.
const maxSweeps = 64

// funcAnalysis is the model's dataflow over one function.
type funcAnalysis struct {
	b      *builder
	fn     *ssa.Function
	inputs map[ssa.Value]int // parameters, then free variables -> input index

	own        map[ssa.Value]*root // roots by the value that starts them
	alias      map[ssa.Value]*root // loads and views that denote an already known root
	aliasOff   map[ssa.Value]int64 // their byte offset from the root; -1 if unknown
	byObj      map[*Object][]*root
	objs       map[ssa.Instruction]*Object
	ownedObjs  map[slotKey]*Object
	ownedMemo  map[ssa.Value]bool // owners.go
	fieldNames map[slotKey]string
	retired    map[*Object]*Object // calls.go: retire
	inLoop     map[*ssa.BasicBlock]bool
	calls      map[ssa.Value]callInfo // calls whose results Extract reads
	kills      map[kill]*kill
	killInstr  map[*kill]ssa.Instruction   // the call that performed each kill (forced.go)
	forcedMemo map[[2]ssa.Instruction]bool // forced's answers, by kill and use
	stale      map[*ssa.Slice]bool         // reslices of pooled arrays: true while stale (slice)

	deferredUses map[*ssa.Defer]deferredCall  // defers whose callee reads memory when it runs
	loops        *[]natLoop                   // natural loops, when first needed (forced.go)
	headers      map[*ssa.BasicBlock]*natLoop // the loops by header (firstiter.go)
	tracked      bool                         // an object whose writes are tracked was met (tracksAny)
	trackedSeen  int                          // len(byObj) when tracksAny last looked

	out   map[*ssa.BasicBlock]*state
	final bool // the last sweep, which records events and the summary

	events  []Event
	sum     summaryBuilder
	invalid bool // hit maxSweeps

	lins   map[ssa.Value]lin // linear forms of integer values (linear.go)
	ranges *rangeAnalysis    // offsets and ranges, after the dataflow (ranges.go)

	sites    []writeSite               // writes at offsets that are not constants (symwrite.go)
	siteOf   map[ssa.Instruction]int32 // their numbers
	instrIdx map[ssa.Instruction]int   // instructions' indexes in their blocks, when first needed
}

// A deferredCall is a deferred call that reads memory: it does so at the return.
type deferredCall struct {
	sum    *Summary
	inputs []ssa.Value
	via    string
}

type callInfo struct {
	sum    *Summary
	inputs []ssa.Value
}

func newFuncAnalysis(b *builder, fn *ssa.Function) *funcAnalysis {
	fa := &funcAnalysis{
		b: b, fn: fn,
		inputs: map[ssa.Value]int{}, own: map[ssa.Value]*root{}, alias: map[ssa.Value]*root{}, aliasOff: map[ssa.Value]int64{},
		byObj: map[*Object][]*root{}, objs: map[ssa.Instruction]*Object{},
		ownedObjs: map[slotKey]*Object{}, fieldNames: map[slotKey]string{},
		inLoop: loopBlocks(fn), calls: map[ssa.Value]callInfo{}, kills: map[kill]*kill{},
		killInstr: map[*kill]ssa.Instruction{}, forcedMemo: map[[2]ssa.Instruction]bool{}, stale: map[*ssa.Slice]bool{}, out: map[*ssa.BasicBlock]*state{},
		lins: map[ssa.Value]lin{},
	}
	for i, p := range fn.Params {
		fa.inputs[p] = i
	}
	for i, fv := range fn.FreeVars {
		fa.inputs[fv] = len(fn.Params) + i
	}
	return fa
}

// solve runs the forward dataflow to its fixpoint with a worklist, then one more pass over the
// blocks that records events. The worklist takes blocks in dominator preorder, so a block is
// visited again only when one of its predecessors' states changed: a function without loops
// costs one visit per block, plus the final one.
func (fa *funcAnalysis) solve() {
	if len(fa.fn.Blocks) == 0 {
		return
	}
	order := fa.fn.DomPreorder()
	rank := make(map[*ssa.BasicBlock]int, len(order))
	for i, b := range order {
		rank[b] = i
	}
	pending := make([]bool, len(order))
	pending[0] = true
	budget := maxSweeps * len(order)
	for next := 0; next < len(order); {
		if !pending[next] {
			next++
			continue
		}
		if budget--; budget < 0 {
			fa.invalid = true
			debugf("memmodel: %s: no fixpoint in %d sweeps; the function is left without events or summary", fa.fn, maxSweeps)
			return
		}
		pending[next] = false
		b := order[next]
		if fa.visit(b) {
			for _, succ := range b.Succs {
				if r, ok := rank[succ]; ok {
					pending[r] = true
					next = min(next, r)
				}
			}
		}
		if next == rank[b] {
			next++
		}
	}
	fa.final = true
	for _, b := range order {
		if in := fa.entryState(b); in != nil {
			fa.block(b, in)
		}
	}
	if fa.fn.Recover != nil {
		fa.block(fa.fn.Recover, newState())
	}
}

// visit recomputes b's out state and reports whether it changed.
func (fa *funcAnalysis) visit(b *ssa.BasicBlock) bool {
	in := fa.entryState(b)
	if in == nil {
		return false // not reached yet
	}
	out := fa.block(b, in)
	if old := fa.out[b]; old != nil && old.equal(out) {
		return false
	}
	fa.out[b] = out
	return true
}

// entryState joins the states on b's incoming edges, skipping predecessors not yet visited.
func (fa *funcAnalysis) entryState(b *ssa.BasicBlock) *state {
	if b.Index == 0 {
		return newState()
	}
	var in *state
	for i, p := range b.Preds {
		e := fa.edgeState(p, b)
		if e == nil {
			continue
		}
		if in == nil {
			in = e.clone()
		} else {
			in.join(e)
		}
		_ = i
	}
	if in != nil {
		fa.phis(b, in)
		fa.enterBlock(b, in)
	}
	return in
}

// phis gives each phi of b the join of its edges' objects, and makes it dead if every edge
// brings a dead (or nil) value.
func (fa *funcAnalysis) phis(b *ssa.BasicBlock, in *state) {
	for _, instr := range b.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			return
		}
		if !isTracked(phi.Type()) {
			continue
		}
		r := fa.ownRoot(phi)
		var k *kill
		first := true
		for i, e := range phi.Edges {
			es := fa.edgeState(b.Preds[i], b)
			if es == nil {
				continue
			}
			ek := nilKill
			if er := fa.rootOf(e); er != nil {
				fa.setObj(r, er.obj)
				ek = es.dead.Get(er)
			}
			if first {
				k, first = ek, false
			} else {
				k = meetKill(k, ek)
			}
		}
		fa.setDead(in, r, k)
	}
}

// edgeState returns the state on the edge p -> b, refined by p's branch condition, or nil if p
// has not been visited.
func (fa *funcAnalysis) edgeState(p, b *ssa.BasicBlock) *state {
	out := fa.out[p]
	if out == nil || isInfeasible(p, b) {
		return nil
	}
	if s := fa.equalityEdge(p, b, out); s != nil {
		return s
	}
	x, nilOnTrue, ok := emptinessTest(p)
	if !ok || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return out
	}
	if (p.Succs[0] == b) != nilOnTrue {
		return out
	}
	r := fa.rootOf(x)
	if r == nil || out.dead.Get(r) != nil {
		return out
	}
	s := out.clone()
	s.dead.Set(r, nilKill)
	if path, ok := fa.pathOf(r); ok {
		if _, done := s.freed.Lookup(path.key()); !done {
			s.freed.Set(path.key(), freedPath{path, nilKill})
		}
	}
	return s
}

// equalityEdge refines the state on the edge p -> b where p tested two pointers equal: a
// pointer equal to one that is valid is valid (the pool handed the same object back). It
// returns nil when there is nothing to refine.
func (fa *funcAnalysis) equalityEdge(p, b *ssa.BasicBlock, out *state) *state {
	ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok || p.Succs[0] == p.Succs[1] {
		return nil
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) || (p.Succs[0] == b) != (cmp.Op == token.EQL) {
		return nil
	}
	rx, ry := fa.rootOf(cmp.X), fa.rootOf(cmp.Y)
	if rx == nil || ry == nil {
		return nil
	}
	kx, ky := out.dead.Get(rx), out.dead.Get(ry)
	switch {
	case kx != nil && ky == nil:
		s := out.clone()
		s.revive(rx)
		return s
	case ky != nil && kx == nil:
		s := out.clone()
		s.revive(ry)
		return s
	}
	return nil
}

// isInfeasible reports whether the edge p -> b is never taken: p branches on a constant (the
// `if debug {` of a build-tag constant) the other way.
func isInfeasible(p, b *ssa.BasicBlock) bool {
	ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok || p.Succs[0] == p.Succs[1] {
		return false
	}
	c, ok := ifi.Cond.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
		return false
	}
	taken := p.Succs[1]
	if constant.BoolVal(c.Value) {
		taken = p.Succs[0]
	}
	return b != taken
}

// emptinessTest recognizes a block ending in `if x == nil`, `if len(x) == 0`, `if cap(x) == 0`
// (or their negations) and returns x and whether the true branch is the empty one.
func emptinessTest(b *ssa.BasicBlock) (ssa.Value, bool, bool) {
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, false, false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return nil, false, false
	}
	x, y := cmp.X, cmp.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	c, ok := y.(*ssa.Const)
	if !ok || !(c.IsNil() || (c.Value != nil && c.Value.String() == "0")) {
		return nil, false, false
	}
	if call, ok := x.(*ssa.Call); ok && !c.IsNil() {
		b, ok := call.Call.Value.(*ssa.Builtin)
		if !ok || (b.Name() != "len" && b.Name() != "cap") {
			return nil, false, false
		}
		x = call.Call.Args[0]
	} else if !c.IsNil() {
		return nil, false, false
	}
	return x, cmp.Op == token.EQL, true
}

func (fa *funcAnalysis) setDead(s *state, r *root, k *kill) {
	if k == nil {
		s.revive(r)
	} else {
		s.dead.Set(r, k)
	}
}

// block runs the transfer functions of b's instructions over in, which it owns (entryState
// returns a fresh state), and returns it.
func (fa *funcAnalysis) block(b *ssa.BasicBlock, in *state) *state {
	for _, instr := range b.Instrs {
		fa.transfer(in, instr)
	}
	return in
}

// loopBlocks returns the blocks that lie on a cycle of fn's control flow graph (Tarjan's
// strongly connected components, iteratively).
func loopBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	n := len(fn.Blocks)
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	res := map[*ssa.BasicBlock]bool{}
	counter := 0
	type frame struct{ v, next int }
	for start := range n {
		if index[start] >= 0 {
			continue
		}
		work := []frame{{start, 0}}
		index[start], low[start] = counter, counter
		counter++
		stack = append(stack, start)
		onStack[start] = true
		for len(work) > 0 {
			f := &work[len(work)-1]
			succs := fn.Blocks[f.v].Succs
			if f.next < len(succs) {
				w := succs[f.next].Index
				f.next++
				if index[w] < 0 {
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					work = append(work, frame{w, 0})
				} else if onStack[w] {
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			work = work[:len(work)-1]
			if len(work) > 0 {
				low[work[len(work)-1].v] = min(low[work[len(work)-1].v], low[v])
			}
			if low[v] != index[v] {
				continue
			}
			var comp []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			if len(comp) > 1 || selfLoop(fn.Blocks[v]) {
				for _, w := range comp {
					res[fn.Blocks[w]] = true
				}
			}
		}
	}
	return res
}

func selfLoop(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if s == b {
			return true
		}
	}
	return false
}

package memmodel

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"hash/fnv"
	"slices"

	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// Leaks.
//
// Manual memory (C.malloc and its kin, mmap: the table's allocators) allocated in a function
// leaks at a return that some path from the allocation reaches without the memory
// being handed on: freed, unmapped, returned, stored anywhere, passed to any call (which may
// take ownership), captured by a closure, or merged with another value at a phi. Everything but
// a read or write through the memory, arithmetic that derives a pointer into it, and a
// comparison counts as handing it on, so the check is silent whenever the memory goes
// somewhere the analysis does not follow.
//
// Two edges never leak: the one where the pointer is nil (a failed malloc), and the one where
// the allocating call's error result is non-nil (a failed Mmap returns no mapping).
//
// The search is a walk over the instructions from the allocation (not a second dataflow): it
// costs the function's size per allocation, and is bounded to maxLeakAllocs allocations per
// function (a bound hit is said in the debug output).

// maxLeakAllocs bounds the allocations per function the leak search follows.
const maxLeakAllocs = 64

// checkLeaks records an EvLeak event for each return that loses a manual allocation.
//
// A cheap pass first: a forward union dataflow of bitsets, one bit an allocation, set where it
// is allocated, cleared where it is handed on and on its nil and error edges, finds the
// allocations some return may lose. Only those are walked path-sensitively (leakingReturn),
// which may find every such path infeasible.
func (fa *funcAnalysis) checkLeaks() {
	var allocs []leakAlloc
	for _, b := range fa.fn.Blocks {
		for i, instr := range b.Instrs {
			v, ok := instr.(ssa.Value)
			if !ok {
				continue
			}
			obj := fa.allocated(v)
			if obj == nil {
				continue
			}
			if len(allocs) == maxLeakAllocs {
				debugf("memmodel: %s: more than %d manual allocations, leaks not searched past the bound", fa.fn, maxLeakAllocs)
				break
			}
			lk := newLeakSearch()
			lk.derive(v)
			lk.zeroSize = fa.allocSize(v)
			fa.unhandBorrowingCalls(lk)
			allocs = append(allocs, leakAlloc{v, b, i, obj, lk, errorResult(v)})
		}
	}
	if len(allocs) == 0 {
		return
	}
	fa.unhandBorrows(allocs)
	for _, a := range fa.leakCandidates(allocs) {
		al := allocs[a]
		if ret := fa.leakingReturn(al); ret != nil {
			fa.events = append(fa.events, Event{Kind: EvLeak, Pos: fa.returnPos(ret), Op: "return", Obj: al.obj,
				Alloc: callPosOf(al.v)})
		}
	}
}

// A leakAlloc is one allocation the leak check follows.
type leakAlloc struct {
	v    ssa.Value
	b    *ssa.BasicBlock
	i    int // v's index in b
	obj  *Object
	lk   *leakSearch
	errv ssa.Value // the allocating call's error result, if any
}

// leakCandidates returns the indexes of the allocations that some return may lose, by a
// path-insensitive union dataflow over bitsets (one word per 64 allocations), in increasing
// order.
func (fa *funcAnalysis) leakCandidates(allocs []leakAlloc) []int {
	words := (len(allocs) + 63) / 64
	gen := map[ssa.Instruction][]uint64{}
	kill := map[ssa.Instruction][]uint64{}
	set := func(m map[ssa.Instruction][]uint64, in ssa.Instruction, a int) {
		if m[in] == nil {
			m[in] = make([]uint64, words)
		}
		m[in][a/64] |= 1 << (a % 64)
	}
	for a, al := range allocs {
		set(gen, al.v.(ssa.Instruction), a)
		for in := range al.lk.handed {
			set(kill, in, a)
		}
	}
	out := make([][]uint64, len(fa.fn.Blocks))
	found := make([]uint64, words)
	work := []*ssa.BasicBlock{fa.fn.Blocks[0]}
	queued := make([]bool, len(fa.fn.Blocks))
	queued[0] = true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		queued[b.Index] = false
		cur := make([]uint64, words)
		for _, p := range b.Preds {
			if out[p.Index] == nil {
				continue
			}
			si := slices.Index(p.Succs, b)
			for w := range words {
				cur[w] |= out[p.Index][w] &^ blockedMask(allocs, p, si, w)
			}
		}
		for _, in := range b.Instrs {
			for w := range words {
				if k := kill[in]; k != nil {
					cur[w] &^= k[w]
				}
				if g := gen[in]; g != nil {
					cur[w] |= g[w]
				}
			}
			if _, ok := in.(*ssa.Return); ok {
				for w := range words {
					found[w] |= cur[w]
				}
			}
		}
		if out[b.Index] != nil && slices.Equal(out[b.Index], cur) {
			continue
		}
		out[b.Index] = cur
		for _, succ := range b.Succs {
			if !queued[succ.Index] {
				queued[succ.Index] = true
				work = append(work, succ)
			}
		}
	}
	var cands []int
	for a := range allocs {
		if found[a/64]&(1<<(a%64)) != 0 {
			cands = append(cands, a)
		}
	}
	return cands
}

// blockedMask returns word w of the allocations that the edge from p to its si-th successor
// cannot lose.
func blockedMask(allocs []leakAlloc, p *ssa.BasicBlock, si, w int) uint64 {
	if _, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If); !ok {
		return 0
	}
	var m uint64
	for a := w * 64; a < min(len(allocs), (w+1)*64); a++ {
		if allocs[a].lk.blocked(p, si, allocs[a].errv) {
			m |= 1 << (a % 64)
		}
	}
	return m
}

// allocated returns the manual object v allocates, if v is the value a call to one of the
// outside world's allocators returns (its result, or the first of its results).
func (fa *funcAnalysis) allocated(v ssa.Value) *Object {
	switch v := v.(type) {
	case *ssa.Call:
	case *ssa.Extract:
		if v.Index != 0 {
			return nil
		}
	default:
		return nil
	}
	fn := calleeFunc(v)
	if fn == nil {
		return nil
	}
	if sum := fa.b.world(fn); sum == nil {
		// Deliberate silence: an allocator known by its summary may be an arena or a pool that
		// releases its memory as a whole. Only the table's allocators (C's, mmap) and the
		// wrappers that hand what they allocate to their caller alone must be freed.
		if sum = fa.b.summaryOf(fn); sum == nil || len(sum.Results) == 0 || !sum.Results[0].Owned {
			return nil
		}
	} else if reusesInput(sum, v) {
		return nil
	}
	if r := fa.own[v]; r != nil && r.obj.IsManual() {
		return r.obj
	}
	return nil
}

// leakingReturn returns a return that a path from the allocation reaches without handing the
// memory on, or nil.
//
// The walk is path-sensitive for branches that repeat a condition: an edge binds its If's
// condition (and a phi binds its constant incoming value), and a later If on a bound value, its
// negation, or a bound phi compared with a constant takes only the edge the binding allows. So
// `if c { free(p) }; if !c { use; free(p); return }; return` leaks on no path. Walks that
// would visit more than maxLeakVisits blocks give up, silent.
func (fa *funcAnalysis) leakingReturn(al leakAlloc) *ssa.Return {
	lk, errv, b, i := al.lk, al.errv, al.b, al.i
	type pos struct {
		b   *ssa.BasicBlock
		i   int
		env *binding
	}
	seen := map[seenKey]bool{}
	stack := []pos{{b, i + 1, dominatingConds(b)}}
	for visits := 0; len(stack) > 0; visits++ {
		if visits > maxLeakVisits*len(fa.fn.Blocks) {
			debugf("memmodel: %s: leak search bound hit", fa.fn)
			return nil
		}
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		stopped := false
		for _, instr := range p.b.Instrs[p.i:] {
			if lk.handed[instr] {
				stopped = true
				break
			}
			if ret, ok := instr.(*ssa.Return); ok {
				return ret
			}
		}
		if stopped {
			continue
		}
		for si, succ := range p.b.Succs {
			if lk.blocked(p.b, si, errv) || p.env.infeasible(p.b, si) {
				continue
			}
			env := p.env.enter(p.b, si, succ)
			if key := env.key(succ); !seen[key] {
				seen[key] = true
				stack = append(stack, pos{succ, 0, env})
			}
		}
	}
	return nil
}

// dominatingConds returns the bindings every path to b has made: the conditions of the
// branches on b's dominator chain whose edge is the only way into the next block of the chain
// (`if len(x) > 0 { p := alloc(...)`: len(x) > 0 holds where p is allocated).
func dominatingConds(b *ssa.BasicBlock) *binding {
	var e *binding
	for d := b; d.Idom() != nil; d = d.Idom() {
		p := d.Idom()
		if len(d.Preds) != 1 || d.Preds[0] != p {
			continue
		}
		if ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If); ok && p.Succs[0] != p.Succs[1] {
			e = e.bind(ifi.Cond, constant.MakeBool(p.Succs[0] == d))
		}
	}
	return e
}

// maxLeakVisits bounds the leak search's visits to this many per block of the function.
const maxLeakVisits = 4

// A binding is what one path knows: a value's constant (a branch condition's truth on the
// edge taken, a phi's constant incoming value), in a list that shares its tail.
type binding struct {
	v    ssa.Value
	c    constant.Value
	next *binding
	n    int
	hash uint64 // of the list, for the visited set: equal bindings hash alike
}

// A seenKey names a block entered with some bindings, for the visited set; two different
// bindings of one hash are taken for one, which can only drop a path.
type seenKey struct {
	b    *ssa.BasicBlock
	hash uint64
}

func (e *binding) lookup(v ssa.Value) constant.Value {
	for ; e != nil; e = e.next {
		if e.v == v {
			return e.c // nil for a value rebind unbound
		}
	}
	return nil
}

func (e *binding) bind(v ssa.Value, c constant.Value) *binding {
	if e.lookup(v) != nil {
		return e
	}
	n := 1
	if e != nil {
		n = e.n + 1
	}
	if n > maxBindings {
		return e // what is not bound is unknown, which only adds paths
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%p=%s", v, c.ExactString())
	return &binding{v, c, e, n, e.hashOf() ^ h.Sum64()} // order-free: the same set hashes alike
}

// rebind returns the bindings with v bound to c, or unbound when c is nil, whatever v was
// bound to before: a phi takes a new value each time its block is entered.
func (e *binding) rebind(v ssa.Value, c constant.Value) *binding {
	old := e.lookup(v)
	switch {
	case old == nil && c == nil:
		return e
	case old == nil:
		return e.bind(v, c)
	case c != nil && old.Kind() == c.Kind() && old.Kind() != constant.Unknown && constant.Compare(old, token.EQL, c):
		return e
	case e.n >= 4*maxBindings:
		return (*binding)(nil).bind(v, c) // forget the path's bindings, which only adds paths
	}
	// A shadowing entry: lookup finds it first. The hash drops the old binding's part.
	h := fnv.New64a()
	fmt.Fprintf(h, "%p=%s", v, old.ExactString())
	hash := e.hashOf() ^ h.Sum64()
	if c != nil {
		h2 := fnv.New64a()
		fmt.Fprintf(h2, "%p=%s", v, c.ExactString())
		hash ^= h2.Sum64()
	}
	return &binding{v, c, e, e.n + 1, hash}
}

func (e *binding) hashOf() uint64 {
	if e == nil {
		return 0
	}
	return e.hash
}

// maxBindings bounds what one path remembers.
const maxBindings = 8

// key names a block entered with the path's bindings, for the visited set.
func (e *binding) key(b *ssa.BasicBlock) seenKey { return seenKey{b, e.hashOf()} }

// enter returns the bindings on the edge from b to its si-th successor succ.
func (e *binding) enter(b *ssa.BasicBlock, si int, succ *ssa.BasicBlock) *binding {
	if ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && b.Succs[0] != b.Succs[1] {
		e = e.bind(ifi.Cond, constant.MakeBool(si == 0))
	}
	pred := slices.Index(succ.Preds, b)
	for _, instr := range succ.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if c, ok := phi.Edges[pred].(*ssa.Const); ok {
			e = e.rebind(phi, constValue(c))
		} else if c := e.lookup(phi.Edges[pred]); c != nil {
			e = e.rebind(phi, c)
		} else {
			e = e.rebind(phi, nil) // a loop's back edge: the phi's value is no longer known
		}
	}
	return e
}

// constValue returns c's value, with nil standing for itself.
func constValue(c *ssa.Const) constant.Value {
	if c.Value == nil {
		return constant.MakeUnknown() // nil, or the zero value of a composite type
	}
	return c.Value
}

// infeasible reports whether the path's bindings rule out the edge from b to its si-th
// successor.
func (e *binding) infeasible(b *ssa.BasicBlock, si int) bool {
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok || e == nil {
		return false
	}
	truth, known := e.eval(ifi.Cond)
	return known && truth != (si == 0)
}

// eval returns the truth of a condition on this path, if the bindings decide it.
func (e *binding) eval(cond ssa.Value) (truth, known bool) {
	if c := e.lookup(cond); c != nil && c.Kind() == constant.Bool {
		return constant.BoolVal(c), true
	}
	switch x := cond.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			t, ok := e.eval(x.X)
			return !t, ok
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return e.evalOrder(x)
		}
		l, r := e.operand(x.X), e.operand(x.Y)
		if l == nil || r == nil {
			return false, false
		}
		var eq bool
		switch {
		case l.Kind() == constant.Unknown || r.Kind() == constant.Unknown: // nil
			eq = l.Kind() == r.Kind()
		case l.Kind() != r.Kind():
			return false, false
		default:
			eq = constant.Compare(l, token.EQL, r)
		}
		return eq == (x.Op == token.EQL), true
	}
	return false, false
}

// evalOrder decides an ordered comparison of an integer the path knows (a constant, a bound
// phi, sums of them) with one it only bounds from below: a length (never negative), or a value
// an earlier branch compared with a constant. That is a range loop's first test after a check
// that its slice is not empty:
//
//	if len(x.items) == 0 { return }          binds len(x.items) == 0 false
//	for _, it := range x.items { ... }       t5 = phi [-1, t6]; t6 = t5 + 1; t6 < len(x.items)
func (e *binding) evalOrder(x *ssa.BinOp) (truth, known bool) {
	op := x.Op
	k, kok := e.intOperand(x.X, 0)
	v := x.Y
	if !kok {
		k, kok = e.intOperand(x.Y, 0)
		v, op = x.X, flip(op) // v op k  ->  k op' v
	}
	if !kok {
		return false, false
	}
	lo, ok := e.lowerBound(v)
	if !ok {
		return false, false
	}
	switch op { // k op v, with v >= lo
	case token.LSS:
		if k < lo {
			return true, true
		}
	case token.LEQ:
		if k <= lo {
			return true, true
		}
	case token.GTR:
		if k < lo {
			return false, true
		}
	case token.GEQ:
		if k < lo {
			return false, true
		}
	}
	return false, false
}

// intOperand returns the integer v is on this path: a constant, a bound value, or a sum or
// difference of them.
func (e *binding) intOperand(v ssa.Value, depth int) (int64, bool) {
	if c, ok := ssaq.IntConst(v); ok {
		return c, true
	}
	if c := e.lookup(v); c != nil && c.Kind() == constant.Int {
		return constant.Int64Val(c)
	}
	if b, ok := v.(*ssa.BinOp); ok && depth < 4 && (b.Op == token.ADD || b.Op == token.SUB) {
		l, lok := e.intOperand(b.X, depth+1)
		r, rok := e.intOperand(b.Y, depth+1)
		if lok && rok {
			if b.Op == token.ADD {
				return l + r, true
			}
			return l - r, true
		}
	}
	return 0, false
}

// lowerBound returns a lower bound of the integer v on this path: 0 for a length, and what the
// path's branches that compared v (or the same length) with a constant say.
func (e *binding) lowerBound(v ssa.Value) (int64, bool) {
	lo, ok := int64(0), isLenCall(v)
	for b := e; b != nil; b = b.next {
		cmp, isCmp := b.v.(*ssa.BinOp)
		if !isCmp || b.c == nil || b.c.Kind() != constant.Bool {
			continue
		}
		op := cmp.Op
		if !constant.BoolVal(b.c) {
			op = negate(op)
		}
		var c int64
		var cok bool
		switch {
		case sameInt(cmp.X, v):
			c, cok = ssaq.IntConst(cmp.Y)
		case sameInt(cmp.Y, v):
			c, cok = ssaq.IntConst(cmp.X)
			op = flip(op)
		}
		if !cok {
			continue
		}
		var bound int64
		switch op { // v op c
		case token.GTR:
			bound = c + 1
		case token.GEQ, token.EQL:
			bound = c
		case token.NEQ:
			// A count that is not 0 is taken for positive: a length, or a getter's count
			// (`if s.NumField() == 0 { return }`). Were it negative, the path dropped is one
			// that no caller takes, and dropping paths only silences.
			if c != 0 {
				continue
			}
			bound = 1
		default:
			continue
		}
		if !ok || bound > lo {
			lo, ok = bound, true
		}
	}
	return lo, ok
}

// isLenCall reports whether v is len(x) (or cap): never negative.
func isLenCall(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := c.Call.Value.(*ssa.Builtin)
	return ok && (b.Name() == "len" || b.Name() == "cap")
}

// sameInt reports whether a and b are one integer for the leak search: the same value, the
// length of one slice loaded twice from the same field of the same pointer (a check of
// len(x.items) and a range over x.items), or two calls of one function or method with the same
// arguments (a getter: s.NumField()). Taking two loads or calls for one may drop a path where
// something between them changed the value, which only silences.
func sameInt(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	ca, ok1 := a.(*ssa.Call)
	cb, ok2 := b.(*ssa.Call)
	if !ok1 || !ok2 || len(ca.Call.Args) != len(cb.Call.Args) {
		return false
	}
	switch {
	case isLenCall(a) && isLenCall(b):
		if ca.Call.Value.(*ssa.Builtin).Name() != cb.Call.Value.(*ssa.Builtin).Name() {
			return false
		}
	case ca.Call.IsInvoke() && cb.Call.IsInvoke():
		// a getter called twice on one interface value: s.NumField() == 0, i < s.NumField()
		if ca.Call.Method != cb.Call.Method || !sameLoad(ca.Call.Value, cb.Call.Value, 0) {
			return false
		}
	case ca.Call.StaticCallee() != nil && ca.Call.StaticCallee() == cb.Call.StaticCallee():
	default:
		return false
	}
	for i := range ca.Call.Args {
		if !sameLoad(ca.Call.Args[i], cb.Call.Args[i], 0) {
			return false
		}
	}
	return true
}

// sameLoad reports whether a and b are one value, or loads of one variable or of one field of
// one pointer (itself loaded alike: a receiver a closure captures lives in a cell).
func sameLoad(a, b ssa.Value, depth int) bool {
	if a == b {
		return true
	}
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if !ok1 || !ok2 || la.Op != token.MUL || lb.Op != token.MUL || depth > 3 {
		return false
	}
	if la.X == lb.X {
		return true
	}
	fa, ok1 := la.X.(*ssa.FieldAddr)
	fb, ok2 := lb.X.(*ssa.FieldAddr)
	return ok1 && ok2 && fa.Field == fb.Field && sameLoad(fa.X, fb.X, depth+1)
}

// operand returns the constant v is on this path: a constant, or a bound value.
func (e *binding) operand(v ssa.Value) constant.Value {
	if c, ok := v.(*ssa.Const); ok {
		if c.Value == nil && !isNilable(c.Type()) {
			return nil
		}
		return constValue(c)
	}
	return e.lookup(v)
}

// isNilable reports whether nil is a value of t.
func isNilable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return true
	case *types.Basic:
		return t.Underlying().(*types.Basic).Kind() == types.UnsafePointer
	}
	return false
}

// A leakSearch knows the values that point into one allocation (derived), the local variables
// that hold them (cells), and the instructions that hand the memory on.
type leakSearch struct {
	derived map[ssa.Value]bool
	cells   map[*ssa.Alloc]bool
	handed  map[ssa.Instruction]bool
	// zeroSize is the value the allocation's size is, when one argument sizes it: where it is
	// 0 there is nothing to lose (see isZeroSize).
	zeroSize ssa.Value
	// throughPhis follows the memory into the phis it reaches (p = p[8:] in a loop), which
	// the search for what a function borrows may: a phi hands nothing on by itself. The search
	// for a leak may not, whose paths a phi merges.
	throughPhis bool
}

// allocSize returns the value the size of the allocation v is, when the allocator's summary
// (unix.Mmap's, or a wrapper's) sizes it by one argument.
func (fa *funcAnalysis) allocSize(v ssa.Value) ssa.Value {
	res, inputs, ok := fa.allocResult(v)
	if !ok || !res.Sized || len(res.SizeArgs) != 1 || res.SizeMul == 0 || res.SizeAdd != 0 || res.SizeArgs[0] >= len(inputs) {
		return nil
	}
	return ssaq.StripConv(inputs[res.SizeArgs[0]])
}

// isZeroSize reports whether cmp compares with 0 the allocation's size, or the length of a
// view of it: an allocation of 0 bytes.
//
// Deliberate silence: a mapping of 0 bytes is never made (mmap fails with EINVAL), and a
// malloc(0) that returned a pointer lost a block of no bytes, which is no memory a user would
// call leaked (`if len(sizes) > 0 { c.sizes = &sizes[0] }`).
//
// zeroEdge returns the successor index of the If on cmp where the size is 0, when cmp compares
// it with 0 (size == 0, size != 0, len(view) > 0, 0 < n, ...).
func (lk *leakSearch) zeroEdge(cmp *ssa.BinOp) (int, bool) {
	x, y, op := ssaq.StripConv(cmp.X), ssaq.StripConv(cmp.Y), cmp.Op
	if c, ok := ssaq.IntConst(x); ok && c == 0 {
		x, y, op = y, x, flip(op)
	}
	if c, ok := ssaq.IntConst(y); !ok || c != 0 {
		return 0, false
	}
	isSize := lk.zeroSize != nil && x == lk.zeroSize
	if isLenCall(x) {
		c := x.(*ssa.Call)
		isSize = len(c.Call.Args) == 1 && lk.derived[c.Call.Args[0]]
	}
	if !isSize {
		return 0, false
	}
	switch op { // size op 0, with size >= 0
	case token.EQL, token.LEQ:
		return 0, true
	case token.NEQ, token.GTR:
		return 1, true
	}
	return 0, false
}

// derive marks v as pointing into the allocation and classifies its uses.
func (lk *leakSearch) derive(v ssa.Value) {
	if lk.derived[v] {
		return
	}
	lk.derived[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		lk.use(v, r)
	}
}

// use classifies one use of the derived value v.
func (lk *leakSearch) use(v ssa.Value, r ssa.Instruction) {
	switch r := r.(type) {
	case *ssa.UnOp:
		if r.Op == token.MUL {
			return // a read through it
		}
		lk.derive(r)
	case *ssa.Convert, *ssa.ChangeType, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Slice:
		lk.derive(r.(ssa.Value))
	case *ssa.BinOp:
		switch r.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return // a comparison
		}
		lk.derive(r)
	case *ssa.Store:
		if r.Addr == v {
			return // a write through it
		}
		if cell, ok := r.Addr.(*ssa.Alloc); ok && lk.holds(cell) {
			lk.cells[cell] = true
			for _, cr := range *cell.Referrers() {
				if ld, ok := cr.(*ssa.UnOp); ok && ld.Op == token.MUL {
					lk.derive(ld)
				}
			}
			return
		}
		lk.handed[r] = true
	case *ssa.Call:
		if b, ok := r.Call.Value.(*ssa.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "copy", "print", "println":
				return // it reads or writes the memory, and keeps nothing
			case "Add", "Slice", "String", "SliceData", "StringData":
				lk.derive(r) // unsafe's: a pointer into the same memory
				return
			}
		}
		lk.handed[r] = true
	case *ssa.If, *ssa.DebugRef:
	case *ssa.Phi:
		if lk.throughPhis {
			lk.derive(r)
			return
		}
		lk.handed[r] = true
	default:
		lk.handed[r] = true // a return, a phi, an interface, a closure, a send, ...
	}
}

// holds reports whether the local variable cell is one the search can see through: its
// address is only loaded, stored, and captured by closures called where they are made (cgo's
// wrappers of C calls: func() { _cgoCheckPointer(p); _Cfunc_free(p) }()), which hand the memory
// on where they are called. A cell a deferred or stored closure captures may be freed from
// there when the function returns: the store into it is then a hand-off.
//
//	t0 = new unsafe.Pointer (p)
//	*t0 = t1                               p := C.malloc(n)
//	t5 = make closure free$1 [t0]
//	t6 = t5()                              C.free(p)
func (lk *leakSearch) holds(cell *ssa.Alloc) bool {
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp, *ssa.Store, *ssa.DebugRef:
		case *ssa.MakeClosure:
			refs := *r.Referrers()
			if len(refs) != 1 {
				return false
			}
			call, ok := refs[0].(*ssa.Call)
			if !ok || call.Call.Value != r {
				return false
			}
			lk.handed[call] = true
		default:
			return false
		}
	}
	return true
}

// blocked reports whether the edge from b to its si-th successor cannot leak: the allocation is
// nil there, or its call's error result is non-nil.
//
//	t3 = t1 == nil:unsafe.Pointer           if p == nil {
//	if t3 goto 2 else 3                     	return errNoMem
func (lk *leakSearch) blocked(b *ssa.BasicBlock, si int, errv ssa.Value) bool {
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	if zero, ok := lk.zeroEdge(cmp); ok {
		return si == zero // the edge where the size is 0
	}
	if cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return false
	}
	x, y := cmp.X, cmp.Y
	if isNilConst(x) || y == errv {
		x, y = y, x
	}
	if errv != nil && x == errv && !isNilConst(y) {
		// err == io.EOF, err != unix.EINVAL: where they are equal, err is not nil
		return (cmp.Op == token.EQL) == (si == 0)
	}
	if !isNilConst(y) {
		return false
	}
	isNilEdge := (cmp.Op == token.EQL) == (si == 0) // the edge where x == nil
	switch {
	case lk.derived[x]:
		return isNilEdge
	case errv != nil && x == errv:
		return !isNilEdge
	}
	return false
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

// reusesInput reports whether the allocating call v comes from may return memory one of its
// arguments points to: a realloc (its summary kills an input: C.realloc(p, n), Mremap(b, ...)),
// or a call given an address (MmapPtr at a fixed address). The result may be memory the caller
// already owns, and it is not judged.
//
// Deliberate silence: a realloc whose result is dropped leaks only if it moved the block.
func reusesInput(sum *Summary, v ssa.Value) bool {
	if len(sum.Kills) > 0 {
		return true
	}
	if e, ok := v.(*ssa.Extract); ok {
		v = e.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	for _, a := range call.Call.Args {
		if isUnsafePointer(a.Type()) && !isNilConst(a) {
			return true
		}
	}
	return false
}

// errorResult returns the error result of the call whose first result v is, or nil.
func errorResult(v ssa.Value) ssa.Value {
	e, ok := v.(*ssa.Extract)
	if !ok {
		return nil
	}
	for _, r := range *e.Tuple.Referrers() {
		if x, ok := r.(*ssa.Extract); ok && x.Index > 0 && types.Identical(x.Type(), errorType) {
			return x
		}
	}
	return nil
}

var errorType = types.Universe.Lookup("error").Type()

// returnPos is where a return is in the source: the return statement, or the closing brace of a
// function that falls off its end.
func (fa *funcAnalysis) returnPos(r *ssa.Return) token.Pos {
	if r.Pos().IsValid() {
		return r.Pos()
	}
	switch syn := fa.fn.Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return fa.fn.Pos()
}

package memmodel

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"hash/fnv"
	"slices"

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
	stack := []pos{{b, i + 1, nil}}
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
			return e.c
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
			e = e.bind(phi, constValue(c))
		} else if c := e.lookup(phi.Edges[pred]); c != nil {
			e = e.bind(phi, c)
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
			return false, false
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
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
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

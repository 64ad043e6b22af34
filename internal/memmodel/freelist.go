package memmodel

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Allocators written in Go: free lists (issue 13, item 5).
//
// A free list recycles memory: Free(x) keeps x where Alloc hands it out again, so a use of x
// after Free is a use of memory the next Alloc gives someone else, exactly as after a Put. The
// package's functions are searched for the pair, by structure, not by name:
//
//   - a recycler stores its pointer parameter into a list location on every path that returns:
//     onto a slice it keeps there (l.free = append(l.free, x)) or at the head of a linked list
//     (l.head = x);
//   - an allocator of the same location returns, on some path, a value popped from it (an
//     element of the slice loaded there, or the head itself) and, on another, a fresh object of
//     the same type (new(T), &T{}): it is an allocator, not a container, which would return nil
//     or false when empty; and it takes what it pops off the list (l.free = l.free[:n-1],
//     l.head = n.next), which a memo returning what it keeps does not.
//
// A list location is a field of a named struct type (every value of that type) or a package
// variable. A recycler whose location has such an allocator gets a Must free of its parameter in
// its summary: the escape pass reports uses after it (use-after-free) and second calls
// (double-free). The allocator's result is fresh memory to its caller, named after it.
// //uninitlint:free declares what the search cannot show.

// A listLoc is where a free list lives: field Field of the struct type T points to, or the
// package variable G.
type listLoc struct {
	t     types.Type
	field int
	g     *ssa.Global
}

// maxPopLeaves bounds the values a return is traced back to through phis.
const maxPopLeaves = 16

// freeLists finds the free lists of fns: the parameters each recycler puts back, by function,
// and the allocators that hand out what they recycle.
func freeLists(fns []*ssa.Function) (recyclers map[*ssa.Function][]int, allocators map[*ssa.Function]bool) {
	type push struct {
		fn    *ssa.Function
		param int
		elem  types.Type
	}
	pushes := map[listLoc][]push{}
	type pop struct {
		fn   *ssa.Function
		elem types.Type
	}
	pops := map[listLoc][]pop{} // the location's allocators and the types they return
	for _, fn := range fns {
		if len(fn.Blocks) == 0 {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				loc, ok := listLocOf(st.Addr)
				if !ok {
					continue
				}
				if i, ok := pushedParam(fn, st, loc); ok && onEveryReturn(fn, b) {
					pushes[loc] = append(pushes[loc], push{fn, i, fn.Params[i].Type()})
				}
			}
		}
		for loc, t := range popAllocator(fn) {
			pops[loc] = append(pops[loc], pop{fn, t})
		}
	}
	for loc, ps := range pushes {
		for _, p := range ps {
			for _, a := range pops[loc] {
				if !types.Identical(a.elem, p.elem) {
					continue
				}
				if recyclers == nil {
					recyclers, allocators = map[*ssa.Function][]int{}, map[*ssa.Function]bool{}
				}
				if !slices.Contains(recyclers[p.fn], p.param) {
					recyclers[p.fn] = append(recyclers[p.fn], p.param)
				}
				allocators[a.fn] = true
			}
		}
	}
	return recyclers, allocators
}

// listLocOf returns the list location addr names: a field of a named struct, or a package
// variable.
func listLocOf(addr ssa.Value) (listLoc, bool) {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		p, ok := a.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return listLoc{}, false
		}
		if _, named := types.Unalias(p.Elem()).(*types.Named); !named {
			return listLoc{}, false
		}
		return listLoc{t: p.Elem(), field: a.Field}, true
	case *ssa.Global:
		return listLoc{g: a}, true
	}
	return listLoc{}, false
}

// sameLoc reports whether addr names loc.
func sameLoc(addr ssa.Value, loc listLoc) bool {
	l, ok := listLocOf(addr)
	if !ok {
		return false
	}
	if loc.g != nil || l.g != nil {
		return l.g == loc.g
	}
	return l.field == loc.field && types.Identical(l.t, loc.t)
}

// pushedParam returns the pointer parameter the store st puts onto the list at loc:
//
//	l.head = x                          *t1 = x
//	l.free = append(l.free, x)          t2 = *t1; t4 = new [1]*T; *(&t4[0]) = x
//	                                    t6 = append(t2, t4[:]...); *t1 = t6
func pushedParam(fn *ssa.Function, st *ssa.Store, loc listLoc) (int, bool) {
	isParam := func(v ssa.Value) (int, bool) {
		for i, p := range fn.Params {
			if p == v && i > 0 || p == v && fn.Signature.Recv() == nil {
				_, ptr := p.Type().Underlying().(*types.Pointer)
				return i, ptr
			}
		}
		return 0, false
	}
	if i, ok := isParam(st.Val); ok {
		return i, true
	}
	call, ok := st.Val.(*ssa.Call)
	if !ok {
		return 0, false
	}
	if bi, ok := call.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "append" || len(call.Call.Args) != 2 {
		return 0, false
	}
	if ld, ok := call.Call.Args[0].(*ssa.UnOp); !ok || !sameLoc(ld.X, loc) {
		return 0, false
	}
	sl, ok := call.Call.Args[1].(*ssa.Slice)
	if !ok {
		return 0, false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return 0, false
	}
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if s, ok := rr.(*ssa.Store); ok && s.Addr == ia {
				if i, ok := isParam(s.Val); ok {
					return i, true
				}
			}
		}
	}
	return 0, false
}

// onEveryReturn reports whether b dominates every block of fn that returns.
func onEveryReturn(fn *ssa.Function, b *ssa.BasicBlock) bool {
	for _, rb := range fn.Blocks {
		if _, ok := lastInstr(rb).(*ssa.Return); ok && !b.Dominates(rb) {
			return false
		}
	}
	return true
}

// popAllocator returns the list locations fn allocates from, with the type it returns: a result
// that is, on some path, popped from the location and, on another, a fresh heap object.
func popAllocator(fn *ssa.Function) map[listLoc]types.Type {
	if fn.Signature.Results().Len() == 0 {
		return nil
	}
	var popped []listLoc
	fresh := false
	var rt types.Type
	for _, b := range fn.Blocks {
		ret, ok := lastInstr(b).(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		r := ret.Results[0]
		if _, ptr := r.Type().Underlying().(*types.Pointer); !ptr {
			return nil
		}
		rt = r.Type()
		for _, leaf := range phiLeaves(r) {
			switch l := leaf.(type) {
			case *ssa.Alloc:
				fresh = fresh || l.Heap
			case *ssa.UnOp:
				if loc, ok := poppedFrom(l); ok {
					popped = append(popped, loc)
				}
			}
		}
	}
	if !fresh || len(popped) == 0 {
		return nil
	}
	out := map[listLoc]types.Type{}
	for _, loc := range popped {
		if removes(fn, loc) {
			out[loc] = rt
		}
	}
	return out
}

// removes reports whether fn takes what it pops off the list at loc: it stores there the
// slice without its last element (l.free = l.free[:n-1]) or the next node (l.head = n.next).
// A function that returns a value it keeps (a memo: if c.last != nil { return c.last }) pops
// nothing.
func removes(fn *ssa.Function, loc listLoc) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok || !sameLoc(st.Addr, loc) {
				continue
			}
			switch v := st.Val.(type) {
			case *ssa.Slice:
				if ld, ok := v.X.(*ssa.UnOp); ok && sameLoc(ld.X, loc) && v.High != nil {
					return true
				}
			case *ssa.UnOp:
				if fa, ok := v.X.(*ssa.FieldAddr); ok && !sameLoc(fa, loc) {
					return true
				}
			}
		}
	}
	return false
}

// poppedFrom returns the list location a load takes a value from: the head itself (*l.head), or
// an element of the slice loaded from it ((*l.free)[i]).
func poppedFrom(ld *ssa.UnOp) (listLoc, bool) {
	if loc, ok := listLocOf(ld.X); ok {
		return loc, true
	}
	ia, ok := ld.X.(*ssa.IndexAddr)
	if !ok {
		return listLoc{}, false
	}
	sl, ok := ia.X.(*ssa.UnOp)
	if !ok {
		return listLoc{}, false
	}
	return listLocOf(sl.X)
}

// phiLeaves returns the values v is one of, through phis.
func phiLeaves(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	seen := map[ssa.Value]bool{}
	var walk func(ssa.Value)
	walk = func(v ssa.Value) {
		if seen[v] || len(out) >= maxPopLeaves {
			return
		}
		seen[v] = true
		if phi, ok := v.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				walk(e)
			}
			return
		}
		out = append(out, v)
	}
	walk(v)
	return out
}

package memmodel

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Ownership across calls, for the leak check.
//
// The leak search stops where the memory is handed on, and a call that receives it may take
// ownership. A Go function the model analyzed says in its summary which inputs it only borrows
// (Summary.Borrows): on no path does it store them where they outlive the call, return them,
// free them, capture them, or pass them to a call that does not borrow them in turn. A caller's
// search walks past such a call:
//
//	p := C.CString(s)
//	if n := length(p); n == 0 {          // length only reads p: a borrow
//		return errEmpty                    // leaks p
//	}
//	C.free(unsafe.Pointer(p))
//
// And a Go function that allocates manual memory and hands it to nobody but its caller
// (Result.Owned) is an allocator as C.malloc is: its caller must free the result (cstr(s),
// newBuf(n)). A wrapper that also keeps the pointer (a registry of live blocks, a struct it
// returns) is not: whoever frees it is out of sight.

// borrowedInputs returns the inputs of fa's function (its parameters, not its free variables)
// that it only borrows, in increasing order.
func (fa *funcAnalysis) borrowedInputs() []int {
	if len(fa.fn.Blocks) == 0 {
		if obj, ok := fa.fn.Object().(*types.Func); !ok || !fa.b.noescape[obj] {
			return nil // no body (assembly, a linkname): it may keep anything
		}
	}
	var out []int
	for i, p := range fa.fn.Params {
		if !carriesAddress(p.Type()) {
			continue
		}
		if len(fa.fn.Blocks) == 0 {
			out = append(out, i) // //go:noescape: it keeps none of its arguments
			continue
		}
		lk := newLeakSearch()
		lk.throughPhis = true
		lk.derive(p)
		fa.unhandBorrowingCalls(lk)
		if len(lk.handed) == 0 {
			out = append(out, i)
		}
	}
	return out
}

// ownedByCaller reports whether the allocation v is handed to nobody but the function's caller:
// every hand-off of it is a return.
func (fa *funcAnalysis) ownedByCaller(v ssa.Value) bool {
	if owned, ok := fa.ownedMemo[v]; ok {
		return owned
	}
	lk := newLeakSearch()
	lk.derive(v)
	fa.unhandBorrowingCalls(lk)
	owned := len(lk.handed) > 0
	for in := range lk.handed {
		if _, ok := in.(*ssa.Return); !ok {
			owned = false
			break
		}
	}
	if fa.ownedMemo == nil {
		fa.ownedMemo = map[ssa.Value]bool{}
	}
	fa.ownedMemo[v] = owned
	return owned
}

// unhandBorrowingCalls takes out of the search's hand-offs the calls that only borrow what they
// receive of the allocation: each argument that points into it is an input the callee's summary
// borrows.
func (fa *funcAnalysis) unhandBorrowingCalls(lk *leakSearch) {
	for in := range lk.handed {
		call, ok := in.(*ssa.Call)
		if !ok || call.Call.Value == nil {
			continue
		}
		if lk.derived[call.Call.Value] {
			continue // calls through the memory: a function pointer in it
		}
		if g := funcVarLoad(call.Call.Value); g != nil {
			if fa.funcVarBorrows(lk, call, g) {
				delete(lk.handed, in)
			}
			continue
		}
		sum, inputs, _ := fa.calleeAll(call.Common())
		if borrowsAll(lk, sum, inputs) {
			delete(lk.handed, in)
		}
	}
}

// borrowsAll reports whether the callee whose summary is sum borrows every input that the
// leak search follows.
func borrowsAll(lk *leakSearch, sum *Summary, inputs []ssa.Value) bool {
	if sum == nil || sum.Borrows == nil {
		return false
	}
	for i, a := range inputs {
		if lk.derived[a] && !slices.Contains(sum.Borrows, i) {
			return false
		}
	}
	return true
}

// funcVarBorrows reports whether a call through the package variable g borrows what the leak
// search follows: every function the package stores in g does (funcvars.go).
func (fa *funcAnalysis) funcVarBorrows(lk *leakSearch, call *ssa.Call, g *ssa.Global) bool {
	targets := fa.b.funcVarTargets(g)
	if len(targets) == 0 || call.Call.Signature().Variadic() {
		return false
	}
	for _, fn := range targets {
		if !borrowsAll(lk, fa.b.summaryOf(fn), call.Call.Args) {
			return false
		}
	}
	return true
}

// carriesAddress reports whether a value of type t can point into manual memory as the leak
// search follows it: a pointer, a slice or string over it, or an address in a uintptr. (An
// interface or a struct that holds one is handed on where it is made.)
func carriesAddress(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer || u.Kind() == types.Uintptr || u.Info()&types.IsString != 0
	}
	return false
}

func newLeakSearch() *leakSearch {
	return &leakSearch{derived: map[ssa.Value]bool{}, cells: map[*ssa.Alloc]bool{}, handed: map[ssa.Instruction]bool{}}
}

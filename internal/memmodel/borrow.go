package memmodel

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// C calls that borrow manual memory, for the leak check.
//
// A call that receives the allocation may take ownership of it, so the leak search stops at
// every call: silence wherever the memory goes somewhere unseen. But a function that frees the
// memory itself after passing it to a C function shows that it kept ownership across that call:
//
//	cname := C.CString(name)
//	if rc := C.sqlite3_open(cname, &db); rc != 0 {
//		return err                             // leaks cname
//	}
//	C.free(unsafe.Pointer(cname))
//
// The C call is then a borrow: the search walks past it. The free that shows ownership must be
// reachable from the call, and a release the dataflow performed on the allocation (C.free,
// Munmap, a summary's free), not any call. A C function that keeps the pointer and is never
// followed by a free of it (C.putenv) still hands the memory on.

// unhandBorrows takes the borrowing C calls out of each allocation's hand-offs.
func (fa *funcAnalysis) unhandBorrows(allocs []leakAlloc) {
	for _, al := range allocs {
		var borrows []ssa.Instruction
		for instr := range al.lk.handed {
			if call, ok := instr.(*ssa.Call); ok && fa.cFuncOf(call) != "" {
				borrows = append(borrows, instr)
			}
		}
		if len(borrows) == 0 {
			continue
		}
		rel := fa.releasesOf(al.obj)
		if len(rel) == 0 {
			continue
		}
		for _, b := range borrows {
			if !rel[b] && reachesAny(b, rel) && !onlyFailureCleanup(b, rel) {
				delete(al.lk.handed, b)
			}
		}
	}
}

// onlyFailureCleanup reports whether every release reachable from the C call b is a failure's
// cleanup: it leads, without a branch, to a return of a non-nil error. The function then frees
// the memory only when it fails, which is an API that takes ownership on success (a handler
// registered with C, freed when registering it fails), not a borrow:
//
//	h := newHandler()
//	if hr := C.add_handler(src, h); hr != 0 {
//		C.free(unsafe.Pointer(h))
//		return fmt.Errorf("add_handler: %#x", hr)
//	}
//	return nil                                 // C owns h now
func onlyFailureCleanup(b ssa.Instruction, rel map[ssa.Instruction]bool) bool {
	seen := false
	for r := range rel {
		if r == b || !reachesAny(b, map[ssa.Instruction]bool{r: true}) {
			continue
		}
		if !returnsError(r) {
			return false
		}
		seen = true
	}
	return seen
}

// returnsError reports whether instr's block leads, through blocks with one successor, to a
// return whose last result is an error that is not nil.
func returnsError(instr ssa.Instruction) bool {
	blk := instr.Block()
	for range 8 {
		ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
		if ok {
			if len(ret.Results) == 0 {
				return false
			}
			last := ret.Results[len(ret.Results)-1]
			if !isErrorType(last.Type()) {
				return false
			}
			c, isConst := last.(*ssa.Const)
			return !isConst || !c.IsNil()
		}
		if len(blk.Succs) != 1 {
			return false
		}
		blk = blk.Succs[0]
	}
	return false
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// cFuncOf names the C function a call runs, directly or through the closure cgo wraps around a
// call with pointer arguments; "" for any other call, and for C.free, which releases.
func (fa *funcAnalysis) cFuncOf(call *ssa.Call) string {
	name := ""
	if fn := call.Call.StaticCallee(); fn != nil && fn.Parent() == nil {
		if n := fa.b.displayName(fn); len(n) > 2 && n[:2] == "C." {
			name = n
		}
	} else {
		name = fa.cgoWrapped(call.Common())
	}
	if name == "C.free" {
		return ""
	}
	return name
}

// releasesOf returns the calls that released o (a free or an unmap, certain) in some state of
// the function.
func (fa *funcAnalysis) releasesOf(o *Object) map[ssa.Instruction]bool {
	rel := map[ssa.Instruction]bool{}
	add := func(k *kill) {
		if k == nil || k.vacuous || k.may || !k.kind.isRelease() {
			return
		}
		if in, ok := fa.killInstr[k]; ok {
			rel[in] = true
		}
	}
	for _, st := range fa.out {
		for r, k := range st.dead.Map() {
			if r.obj == o {
				add(k)
			}
		}
		for r, k := range st.deferred.Map() {
			if r.obj == o {
				add(k)
			}
		}
		add(st.objKilled.Get(o))
		add(st.deferredObj.Get(o))
	}
	return rel
}

// reachesAny reports whether some instruction of targets runs after from on some path: later in
// from's block, or in a block reachable from it.
func reachesAny(from ssa.Instruction, targets map[ssa.Instruction]bool) bool {
	b := from.Block()
	after := false
	for _, in := range b.Instrs {
		if after && targets[in] {
			return true
		}
		if in == from {
			after = true
		}
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		for _, in := range x.Instrs {
			if targets[in] {
				return true
			}
		}
		work = append(work, x.Succs...)
	}
	return false
}

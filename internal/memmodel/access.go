package memmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"runtime/debug"
	"strings"

	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// AccessKind classifies the address computations whose extent the model checks.
type AccessKind uint8

const (
	AccAdd     AccessKind = iota + 1 // unsafe.Add, or uintptr arithmetic converted back to a pointer
	AccSlice                         // unsafe.Slice, unsafe.String: the whole extent
	AccConvert                       // unsafe.Pointer converted to *U: sizeof(U) bytes
)

// An Access is an address computation the range analysis found outside its object on a path it
// knows to be feasible, or misaligned.
type Access struct {
	Kind   AccessKind
	Pos    token.Pos
	Op     string  // "unsafe.Add", "pointer arithmetic", "unsafe.Slice", "conversion to *uint64"
	Obj    *Object // the object; for a View, the slice's object if the model knows it
	View   string  // measured against the length of this slice (its name, or ""), not an allocation
	IsView bool

	May    bool  // the bound is crossed for some values of the offset, not for all
	Below  bool  // the offset may be negative
	Offset Bound // the offset of the first byte: its largest value (its smallest, if Below)
	End    Bound // the offset just past the extent, at its largest
	Size   Bound // the object's size in bytes (a view's length in bytes)
	Over   int64 // End - Size, in bytes: how far past the end
	Named  bool  // the bounds are constants or name variables a reader knows
	Need   int64 // AccConvert: sizeof(U)

	Align int64 // nonzero: misaligned; U's alignment, of which Offset is not a multiple

	// A callee's need that this call breaks (needs.go): the call, the callee's name, and where
	// the access is in it (file:line).
	Call   token.Pos
	Callee string
	Where  string
}

// Accesses returns the accesses the model found out of bounds or misaligned, by position.
func (m *Model) Accesses() []Access { return m.accesses }

// isGeneric reports whether fn's body has type parameters, whose sizes are unknown until
// instantiation: the range analysis leaves it alone.
func isGeneric(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if fn.TypeParams().Len() > 0 {
			return true
		}
	}
	return false
}

// rangesOf runs the range analysis of fa once, when first needed.
func (fa *funcAnalysis) rangesOf() *rangeAnalysis {
	if fa.ranges == nil {
		fa.ranges = newRanges(fa)
		fa.ranges.solve()
	}
	return fa.ranges
}

// checkAccesses runs the range analysis of a function that does address arithmetic and records
// the accesses found out of bounds.
//
// A panic here is contained apart from the dataflow's: it becomes an error naming the function,
// and the function keeps its events and summary.
func (fa *funcAnalysis) checkAccesses() {
	if fa.invalid || isGeneric(fa.fn) || !usesUnsafe(fa.fn) && !fa.callsWithNeeds() {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			fa.b.model.errs = append(fa.b.model.errs, fmt.Errorf(
				"memmodel: internal error in the range analysis of %s: %v\n%s", fa.fn, p, debug.Stack()))
		}
	}()
	if ra := fa.rangesOf(); !ra.unstable {
		fa.b.model.accesses = append(fa.b.model.accesses, ra.accesses()...)
	}
}

// usesUnsafe reports whether fn converts to or from unsafe.Pointer or calls unsafe's functions.
func usesUnsafe(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Convert:
				if isUnsafePointer(in.Type()) || isUnsafePointer(in.X.Type()) {
					return true
				}
			case *ssa.Call:
				if bi, ok := in.Call.Value.(*ssa.Builtin); ok && (bi.Name() == "Add" || bi.Name() == "Slice" || bi.Name() == "String") {
					return true
				}
			}
		}
	}
	return false
}

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

// accesses checks every address computation of the function, in dominator order so that an
// unsafe.Add already reported is known before the conversions of its result.
func (ra *rangeAnalysis) accesses() []Access {
	var out []Access
	for _, b := range ra.fa.fn.DomPreorder() {
		for i, instr := range b.Instrs {
			var acc *Access
			ra.pos = instr.Pos()
			switch in := instr.(type) {
			case *ssa.Call:
				if _, ok := in.Call.Value.(*ssa.Builtin); !ok {
					if calls := ra.checkCall(in, b, i); len(calls) > 0 {
						out = append(out, calls[0]) // one finding a call: the first need it breaks
					}
					continue
				}
				acc = ra.checkBuiltin(in, b, i)
			case *ssa.Convert:
				acc = ra.checkConvert(in, b, i)
			}
			if acc != nil {
				acc.Pos = instr.Pos()
				out = append(out, *acc)
			}
		}
	}
	return out
}

// checkBuiltin checks unsafe.Add (rule 3: the result must point into the original object) and
// the extent of unsafe.Slice and unsafe.String.
func (ra *rangeAnalysis) checkBuiltin(c *ssa.Call, b *ssa.BasicBlock, idx int) *Access {
	bi, ok := c.Call.Value.(*ssa.Builtin)
	if !ok {
		return nil
	}
	switch bi.Name() {
	case "Add":
		return ra.checkPointer(c, "unsafe.Add", b, idx)
	case "Slice", "String":
		p, n := c.Call.Args[0], c.Call.Args[1]
		elem := int64(1)
		if bi.Name() == "Slice" {
			elem = ra.sizes.Sizeof(p.Type().Underlying().(*types.Pointer).Elem())
		}
		need := ra.linOf(n).Times(elem)
		needNum := func() Interval { return ra.numAt(n, b, idx).Mul(Point(elem)) }
		return ra.checkExtent(p, "unsafe."+bi.Name(), AccSlice, need, needNum, b, idx, nil)
	}
	return nil
}

// checkPointer checks that a computed pointer v points into its object: [off, off+1) must lie
// in it (rule 3: "it is not valid to advance a pointer just beyond the end of its original
// allocation").
func (ra *rangeAnalysis) checkPointer(v ssa.Value, op string, b *ssa.BasicBlock, idx int) *Access {
	acc := ra.checkExtent(v, op, AccAdd, lin{K: 1}, constNeed(1), b, idx, nil)
	if acc != nil {
		ra.of(v).bad = true
	}
	return acc
}

// checkConvert checks pointer arithmetic done on a uintptr when it is converted back, and
// conversions of an unsafe.Pointer to *U: sizeof(U) bytes must remain in the object (or, when
// the allocation is unknown, in the slice the pointer was taken from), at an aligned offset.
func (ra *rangeAnalysis) checkConvert(c *ssa.Convert, b *ssa.BasicBlock, idx int) *Access {
	if isUnsafePointer(c.Type()) && isUintptr(c.X.Type()) {
		if bin, ok := c.X.(*ssa.BinOp); ok && uintptrBase(bin) != nil {
			return ra.checkPointer(c, "pointer arithmetic", b, idx)
		}
		return nil
	}
	ptr, ok := c.Type().Underlying().(*types.Pointer)
	if !ok || !isUnsafePointer(c.X.Type()) || ra.derivesFromBad(c.X) || ra.noCheckptr() {
		return nil
	}
	need := ra.sizes.Sizeof(ptr.Elem())
	if need == 0 || isSlicedArray(c) {
		return nil
	}
	op := "conversion to " + types.TypeString(c.Type(), types.RelativeTo(ra.fa.fn.Pkg.Pkg))
	acc := ra.checkExtent(c.X, op, AccConvert, lin{K: need}, constNeed(need), b, idx, nil)
	if acc == nil {
		acc = ra.checkAlign(c.X, op, ra.sizes.Alignof(ptr.Elem()), b, idx)
	}
	if acc != nil {
		acc.Need = need
	}
	return acc
}

// noCheckptr reports whether the function is marked //go:nocheckptr: its author tells the
// compiler that its conversions reach past their object on purpose (pebble's leafToNode views
// a *leafNode as the larger *node, whose extra fields it never touches). Its conversions are
// neither reported nor made needs of its callers.
func (ra *rangeAnalysis) noCheckptr() bool {
	if ra.nocheckptr == 0 {
		ra.nocheckptr = 1
		if decl, ok := ra.fa.fn.Syntax().(*ast.FuncDecl); ok && decl.Doc != nil {
			for _, c := range decl.Doc.List {
				if strings.HasPrefix(c.Text, "//go:nocheckptr") {
					ra.nocheckptr = 2
				}
			}
		}
	}
	return ra.nocheckptr == 2
}

// isSlicedArray reports whether c converts to a pointer to an array that is only sliced,
// (*[1 << 16]T)(p)[:n:n], the idiom unsafe.Slice replaced: the array's length is a bound, not
// an extent, and checkptr too checks only the sliced part.
//
// TODO(ptrarith): check the sliced extent as unsafe.Slice's.
func isSlicedArray(c *ssa.Convert) bool {
	if _, ok := c.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array); !ok {
		return false
	}
	refs := *c.Referrers()
	for _, r := range refs {
		if _, ok := r.(*ssa.Slice); !ok {
			return false
		}
	}
	return len(refs) > 0
}

// derivesFromBad reports whether v is computed from a pointer already reported: the finding
// of its unsafe.Add says it all.
func (ra *rangeAnalysis) derivesFromBad(v ssa.Value) bool {
	for v != nil {
		if ra.of(v).bad {
			return true
		}
		v = derivedFrom(v)
	}
	return false
}

// checkExtent checks that [off(p), off(p)+need) lies in p's object, or in the slice p was taken
// from when the object's size is unknown and the operation is a conversion; sh, when not nil,
// shifts off by a callee's offset into p. An extent it cannot decide may be a need of the
// function's (needs.go).
func (ra *rangeAnalysis) checkExtent(p ssa.Value, op string, kind AccessKind, need lin, needNum func() Interval, b *ssa.BasicBlock, idx int, sh *shift) *Access {
	acc, st := ra.decideExtent(p, op, kind, need, needNum, b, idx, sh)
	if st == unknown {
		var from *Need
		if sh != nil {
			from = sh.from
		}
		ra.require(p, ra.offsetAt(p, b, idx, sh), need, kind, op, b, from)
	}
	return acc
}

func (ra *rangeAnalysis) decideExtent(p ssa.Value, op string, kind AccessKind, need lin, needNum func() Interval, b *ssa.BasicBlock, idx int, sh *shift) (*Access, status) {
	var obj *Object
	if r := ra.fa.rootOf(p); r != nil && r.obj != objTop {
		obj = r.obj
	}
	if obj != nil {
		size := ra.sizeOf(obj)
		if debugRanges {
			off := ra.offsetAt(p, b, idx, sh)
			fmt.Printf("DBG %s %s obj=%v size=%+v off=%+v ubs=%v\n", ra.fa.fn, op, obj, size, off, ra.ubsAt(off.l, b, idx))
		}
		if size.known && size.num.Hi > 0 {
			eval := func() (offVal, Interval) { return ra.offsetAt(p, b, idx, sh), needNum() }
			v, st := ra.judge(eval, need, size, b, idx, true)
			if st == safe {
				return nil, safe
			}
			if st == bad {
				return ra.access(kind, op, obj, v), bad
			}
		}
	}
	if kind != AccConvert {
		return nil, unknown
	}
	return ra.checkView(p, op, need, needNum, b, idx, sh)
}

// checkView measures a conversion against the slice the pointer was taken from: reading past
// its length reads memory the program never indexed. It does not report offsets below the
// slice's start, which may well lie in the allocation.
func (ra *rangeAnalysis) checkView(p ssa.Value, op string, need lin, needNum func() Interval, b *ssa.BasicBlock, idx int, sh *shift) (*Access, status) {
	x, _, ok := ra.viewOf(p, b, idx)
	if !ok || !ra.fa.isRealArray(x) {
		return nil, unknown
	}
	elem := elemSize(ra.sizes, x.Type())
	extent := func(op atomOp) sizeInfo {
		n := ra.fa.lenLin(x, op)
		return ra.exprSize(n.Times(elem), ra.linNum(n, b, idx, guardDepth).Mul(Point(elem)))
	}
	eval := func() (offVal, Interval) {
		_, off, _ := ra.viewOf(p, b, idx)
		if sh != nil {
			off = off.add(sh.off, sh.num())
		}
		return off, needNum()
	}
	v, st := ra.judge(eval, need, extent(atomLen), b, idx, false)
	if st != bad {
		return nil, st
	}
	if _, isSlice := x.Type().Underlying().(*types.Slice); isSlice {
		// Past the length but within the capacity: proven so, or the code reasons about the
		// capacity (cap(buf)-len(buf) >= n) and writes into the allocation's spare room, as
		// go-json's quote.go does. The model does not chain such bounds: silence.
		if _, capSt := ra.judge(eval, need, extent(atomCap), b, idx, false); capSt == safe {
			return nil, safe
		}
		if ra.fa.guardsCapacity(x, b.Instrs[idx]) {
			return nil, safe
		}
	}
	acc := ra.access(AccConvert, op, ra.fa.objOrNil(x), v)
	acc.IsView, acc.View = true, ra.fa.valueName(x)
	return acc, bad
}

// guardsCapacity reports whether a condition that dominates instr mentions cap(x).
func (fa *funcAnalysis) guardsCapacity(x ssa.Value, instr ssa.Instruction) bool {
	for _, rel := range fa.relationsAt(instr) {
		if fa.mentionsCap(rel.a, x, 4) || fa.mentionsCap(rel.b, x, 4) {
			return true
		}
	}
	return false
}

// mentionsCap reports whether v is computed (through arithmetic, depth levels deep) from
// cap(y) for a y that is x or shares its root.
func (fa *funcAnalysis) mentionsCap(v, x ssa.Value, depth int) bool {
	if depth == 0 || v == nil {
		return false
	}
	switch e := ssaq.StripConv(v).(type) {
	case *ssa.BinOp:
		return fa.mentionsCap(e.X, x, depth-1) || fa.mentionsCap(e.Y, x, depth-1)
	case *ssa.Call:
		bi, ok := e.Call.Value.(*ssa.Builtin)
		return ok && bi.Name() == "cap" && (e.Call.Args[0] == x || fa.rootOf(e.Call.Args[0]) == fa.rootOf(x))
	}
	return false
}

// isRealArray reports whether a view's extent is real: a slice or string carries its own, but
// a pointer to an array is only as long as the array it points to when it points to one the
// program declared; (*[1 << 48]byte)(unsafe.Pointer(p)) is a way to index p, not a size
// (bbolt's db.data over its mmap).
func (fa *funcAnalysis) isRealArray(x ssa.Value) bool {
	if !isArrayPointer(x.Type()) {
		return true
	}
	if r := fa.rootOf(x); r != nil {
		switch r.v.(type) {
		case *ssa.Alloc, *ssa.Global:
			return true
		}
	}
	// A pointer to an array of unknown origin: believe a modest array type (a *[64]byte
	// parameter), not the huge ones of the indexing idiom.
	p := x.Type().Underlying().(*types.Pointer)
	return fa.sizeof(p.Elem()) >= 0 && fa.sizeof(p.Elem()) < 1<<20
}

func constNeed(n int64) func() Interval { return func() Interval { return Point(n) } }

func (fa *funcAnalysis) objOrNil(v ssa.Value) *Object {
	if r := fa.rootOf(v); r != nil && r.obj != objTop {
		return r.obj
	}
	return nil
}

// checkAlign reports a conversion to *U at a known offset that is not a multiple of U's
// alignment, in an object whose own alignment is at least U's: the address is misaligned
// whatever the object's address. Unknown offsets and objects of unknown alignment are silent.
func (ra *rangeAnalysis) checkAlign(p ssa.Value, op string, align int64, b *ssa.BasicBlock, idx int) *Access {
	obj := ra.fa.objOrNil(p)
	if align <= 1 || obj == nil {
		return nil
	}
	size := ra.sizeOf(obj)
	off, exact := ra.offAt(p, b, idx).num.Exact()
	if !size.known || !exact || size.align == 0 || size.align%align != 0 || off%align == 0 {
		return nil
	}
	return &Access{Kind: AccConvert, Op: op, Obj: obj, Offset: Bound{K: off}, Size: Bound{K: size.num.Hi},
		Named: true, Align: align}
}

// debugRanges, when set, prints each extent the model checks with its offset and size.
const debugRanges = false

package memmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// Length-guarded containers.
//
// A type such as
//
//	type Stack struct {
//		buf [16]int // slots at index >= n are logically uninitialized
//		n   int
//	}
//
// keeps values in buf[0:n] only. The model learns which field is the length of which from the
// push pattern (a store to x.buf[x.n] and, in the same function, x.n = x.n + 1) and exports it
// as a LengthOf fact on the type. A read of x.buf[i] is then fine only when i < x.n is known
// where it happens: a dominating condition (if i < x.n, a loop over 0..x.n, an early return or
// panic when i >= x.n), a call to a helper whose summary ensures it (checkIndex(i, x.n)), or i
// being the slot a decrement of x.n just vacated. Anything else reads a slot past the length.
// An element is addressed by an index (x.buf[i]), by unsafe.Add over the buffer (the
// runtime/vec idiom), or by a call to an accessor whose summary says it returns element k of
// the buffer (vec's slot(i)).

// LengthOf is a Fact on a struct type: field Len is the logical length of field Buf.
type LengthOf struct {
	Buf, Len         int
	BufName, LenName string
}

// AFact marks LengthOf as an analysis.Fact.
func (*LengthOf) AFact() {}

func (f *LengthOf) String() string { return "len(" + f.BufName + ")=" + f.LenName }

// An elemRef is an access to element index of field field of the struct base points to.
type elemRef struct {
	base  ssa.Value
	named *types.Named
	field int
	index ssa.Value
}

// elemAccess recognizes the address of a container element.
//
//	t3 = &t0[t2]                            t0 = &x.buf, an array field; or t0 = *&x.buf, a slice
//	t6 = Add(convert(&x.buf), i*size)       unsafe addressing, runtime/vec's slot(i)
//	t7 = (*Raw[T]).slot(r, i)               an accessor whose summary says r0=elem(p0.data[p1])
func (fa *funcAnalysis) elemAccess(addr ssa.Value) (elemRef, bool) {
	switch a := ssaq.StripConv(addr).(type) {
	case *ssa.IndexAddr:
		return bufferField(a.X, a.Index)
	case *ssa.Call:
		if b, ok := a.Call.Value.(*ssa.Builtin); ok && b.Name() == "Add" {
			return bufferField(a.Call.Args[0], scaledIndex(a.Call.Args[1]))
		}
		if fn := a.Call.StaticCallee(); fn != nil {
			res := fa.b.summaryOf(fn).result(0)
			if res.ElemOf > 0 && res.ElemAt > 0 && res.ElemAt <= len(a.Call.Args) {
				return fieldRef(a.Call.Args[0], res.ElemOf-1, a.Call.Args[res.ElemAt-1])
			}
		}
	}
	return elemRef{}, false
}

// bufferField recognizes buf as x.f (an array field's address) or *&x.f (a slice or pointer
// field's value), indexed by i.
func bufferField(buf, i ssa.Value) (elemRef, bool) {
	if i == nil {
		return elemRef{}, false
	}
	buf = ssaq.StripConv(buf)
	if l, ok := buf.(*ssa.UnOp); ok && l.Op == token.MUL {
		buf = l.X
	}
	f, ok := buf.(*ssa.FieldAddr)
	if !ok {
		return elemRef{}, false
	}
	return fieldRef(f.X, f.Field, i)
}

func fieldRef(base ssa.Value, field int, i ssa.Value) (elemRef, bool) {
	p, ok := base.Type().Underlying().(*types.Pointer)
	if !ok {
		return elemRef{}, false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return elemRef{}, false
	}
	return elemRef{base: base, named: n.Origin(), field: field, index: i}, true
}

// scaledIndex returns i from the byte offset i*size (or i itself, for bytes).
func scaledIndex(off ssa.Value) ssa.Value {
	off = ssaq.StripConv(off)
	if m, ok := off.(*ssa.BinOp); ok && m.Op == token.MUL {
		return ssaq.StripConv(m.X)
	}
	return off
}

// lengthOf returns the LengthOf fact of a named struct type, from this package's inference or
// an imported fact.
func (b *builder) lengthOf(n *types.Named) *LengthOf {
	if f, ok := b.lengths[n.Obj()]; ok {
		return f
	}
	var f LengthOf
	if n.Obj().Pkg() != b.pass.Pkg && b.pass.ImportObjectFact(n.Obj(), &f) {
		b.lengths[n.Obj()] = &f
		return &f
	}
	b.lengths[n.Obj()] = nil
	return nil
}

// declaredLengths reads //uninitlint:len LEN BUF directives in the doc comments of the package's
// struct types: field LEN is the length of field BUF, for containers filled where the model
// cannot see (assembly, another language, a constructor it does not analyze).
func (b *builder) declaredLengths() {
	for _, f := range b.pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				b.lengthDirective(gd, spec.(*ast.TypeSpec))
			}
		}
	}
}

func (b *builder) lengthDirective(gd *ast.GenDecl, ts *ast.TypeSpec) {
	tn, ok := b.pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
	if !ok {
		return
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return
	}
	for _, d := range checks.TypeDirectives(gd, ts) {
		n, buf := fieldIndex(st, d.Length), fieldIndex(st, d.Buf)
		if d.Kind == checks.Len && n >= 0 && buf >= 0 {
			b.lengths[tn] = &LengthOf{Buf: buf, Len: n, BufName: d.Buf, LenName: d.Length}
		}
	}
}

func fieldIndex(st *types.Struct, name string) int {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// inferLengths looks for the push pattern in fn: a store to x.buf[x.n], and x.n = x.n + 1.
func (b *builder) inferLengths(fa *funcAnalysis) {
	type push struct {
		e  elemRef
		at ssa.Instruction
	}
	var pushes []push
	var incs []*ssa.Store // x.n = x.n + 1
	for _, blk := range fa.fn.Blocks {
		for _, instr := range blk.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			if e, ok := fa.elemAccess(st.Addr); ok && !ssaq.IsZeroValue(st.Val) && isOwnedBuffer(e) {
				pushes = append(pushes, push{e, st})
			}
			if f, ok := st.Addr.(*ssa.FieldAddr); ok && isIncrementOf(st.Val, f.Field) {
				incs = append(incs, st)
			}
		}
	}
	for _, p := range pushes {
		e := p.e
		if fa.readsAt(e) {
			continue // x.buf[x.n] is read here before it is cleared: a queue's cursor, not a length
		}
		lf, ok := lenFieldLoad(e.index)
		if !ok || fa.rootOf(lf.X) != fa.rootOf(e.base) || !fa.incrementedAfter(p.at, e, lf.Field, incs) {
			continue
		}
		if e.named.Obj().Pkg() != b.pass.Pkg || b.lengths[e.named.Obj()] != nil {
			continue
		}
		s, ok := e.named.Underlying().(*types.Struct)
		if !ok || e.field >= s.NumFields() || lf.Field >= s.NumFields() {
			continue
		}
		b.lengths[e.named.Obj()] = &LengthOf{Buf: e.field, Len: lf.Field,
			BufName: s.Field(e.field).Name(), LenName: s.Field(lf.Field).Name()}
	}
}

// isOwnedBuffer reports whether a container element lives in a buffer the container owns: an
// array field (Heapless) or memory behind a pointer field (Raw). A slice field carries its own
// length; a count kept beside it is a cursor into a buffer that is often borrowed (arrow's
// bitmap writer over its caller's bitmap), not the number of initialized slots.
func isOwnedBuffer(e elemRef) bool {
	s, ok := e.named.Underlying().(*types.Struct)
	if !ok || e.field >= s.NumFields() {
		return false
	}
	_, isSlice := s.Field(e.field).Type().Underlying().(*types.Slice)
	return !isSlice
}

// incrementedAfter reports whether one of incs increments field lenField of e's object after
// the store at, on the way out of it: in the same block after it, or in a block it dominates.
func (fa *funcAnalysis) incrementedAfter(at ssa.Instruction, e elemRef, lenField int, incs []*ssa.Store) bool {
	for _, inc := range incs {
		f := inc.Addr.(*ssa.FieldAddr)
		if f.Field != lenField || fa.rootOf(f.X) != fa.rootOf(e.base) {
			continue
		}
		if inc.Block() == at.Block() && indexIn(inc) > indexIn(at) ||
			inc.Block() != at.Block() && at.Block().Dominates(inc.Block()) {
			return true
		}
	}
	return false
}

func indexIn(instr ssa.Instruction) int {
	for i, in := range instr.Block().Instrs {
		if in == instr {
			return i
		}
	}
	return -1
}

// readsAt reports whether the function also loads the element e stores to (same buffer, an
// index loading the same field): consuming at a cursor, not pushing at a length.
func (fa *funcAnalysis) readsAt(e elemRef) bool {
	for _, b := range fa.fn.Blocks {
		for _, instr := range b.Instrs {
			l, ok := instr.(*ssa.UnOp)
			if !ok || l.Op != token.MUL {
				continue
			}
			if r, ok := fa.elemAccess(l.X); ok && r.field == e.field && fa.sameInt(r.index, e.index) &&
				fa.rootOf(r.base) == fa.rootOf(e.base) {
				return true
			}
		}
	}
	return false
}

// lenFieldLoad recognizes v as a load of a field: *&x.n.
func lenFieldLoad(v ssa.Value) (*ssa.FieldAddr, bool) {
	l, ok := ssaq.StripConv(v).(*ssa.UnOp)
	if !ok || l.Op != token.MUL {
		return nil, false
	}
	f, ok := l.X.(*ssa.FieldAddr)
	return f, ok
}

// isIncrementOf reports whether v is x.field + 1.
func isIncrementOf(v ssa.Value, field int) bool {
	add, ok := v.(*ssa.BinOp)
	if !ok || add.Op != token.ADD {
		return false
	}
	f, ok := lenFieldLoad(add.X)
	c, isConst := ssaq.IntConst(add.Y)
	return ok && f.Field == field && isConst && c == 1
}

// checkContainers reports, in fn, reads of container slots not proven below the length, and
// views that expose the slots past it.
func (b *builder) checkContainers(fa *funcAnalysis) {
	live := liveBlocks(fa.fn)
	for _, blk := range fa.fn.Blocks {
		if !live[blk] {
			continue // under a constant-false branch: if debug {
		}
		for _, instr := range blk.Instrs {
			switch in := instr.(type) {
			case *ssa.UnOp:
				if in.Op == token.MUL {
					b.checkSlotRead(fa, in)
				}
			}
		}
	}
}

// checkSlotRead reports a load from x.buf[i] unless i < x.n is known there.
func (b *builder) checkSlotRead(fa *funcAnalysis, ld *ssa.UnOp) {
	e, ok := fa.elemAccess(ld.X)
	if !ok {
		return
	}
	lf := b.lengthOf(e.named)
	if lf == nil || lf.Buf != e.field || !fa.pastLength(ld, e, lf) {
		return
	}
	b.model.events = append(b.model.events, Event{Kind: EvSlotRead, Pos: ld.Pos(),
		Op: lf.BufName, Len: lf.LenName, Type: e.named.Obj().Name()})
}

// pastLength reports whether the read of element e at instr may be at or past x.n, and the
// model can say so. The index is judged only when the model knows what it is: the length
// itself (a read at the end), or a value the code bounded by something other than the length
// (if i < len(buf), checkIndex(i, cap)): the wrong bound. An index nobody bounded (a
// parameter, an accessor's precondition) or a cursor field kept below the length by the type's
// own invariant is the caller's or the type's business: silence.
func (fa *funcAnalysis) pastLength(instr ssa.Instruction, e elemRef, lf *LengthOf) bool {
	i := ssaq.StripConv(e.index)
	isLen := func(v ssa.Value) bool { return fa.isLenLoad(v, e.base, lf.Len) }
	if fa.isVacated(instr, i, e, lf) || isLen(minusPositive(i)) {
		return false
	}
	k, isConst := ssaq.IntConst(i)
	// A constant index (buf[0]) is often read under an invariant the model cannot see (a node
	// of a B-tree is never empty): only a wrong bound makes it judged, as for any index.
	judged := isLen(i)
	if isLen(plusPositive(i)) {
		return true // x.n + c, c >= 1: past the length whatever it is (h.n--; h.buf[h.n+1])
	}
	for _, rel := range fa.relationsAt(instr) {
		switch {
		case !fa.sameInt(rel.a, i) && !(isConst && ssaq.IntAtLeast(rel.a, k)):
		case !isLen(rel.b):
			judged = judged || rel.strict // bounded, but by something else
		case rel.strict && fa.sameInt(rel.a, i):
			return false
		case fa.sameInt(rel.a, i):
			judged = true // i <= x.n: the bound itself admits the slot at the length (off by one)
		case isConst && k >= 0 && rel.strict && ssaq.IntAtLeast(rel.a, k):
			return false
		case isConst && k >= 0 && !rel.strict && ssaq.IntAtLeast(rel.a, k+1):
			return false
		}
	}
	return judged
}

// isLenLoad reports whether v is a load of the length field of the object base points to.
func (fa *funcAnalysis) isLenLoad(v, base ssa.Value, lenField int) bool {
	f, ok := lenFieldLoad(v)
	return ok && f.Field == lenField && fa.rootOf(f.X) == fa.rootOf(base)
}

// sameInt reports whether a and b are the same integer: the same value, or loads of the same
// field of the same object.
func (fa *funcAnalysis) sameInt(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	fa1, ok1 := lenFieldLoad(a)
	fa2, ok2 := lenFieldLoad(b)
	return ok1 && ok2 && fa1.Field == fa2.Field && fa.rootOf(fa1.X) == fa.rootOf(fa2.X)
}

// minusPositive returns x for x - c with a constant c >= 1, or nil.
func minusPositive(v ssa.Value) ssa.Value {
	sub, ok := v.(*ssa.BinOp)
	if !ok || sub.Op != token.SUB {
		return nil
	}
	if c, ok := ssaq.IntConst(sub.Y); ok && c >= 1 {
		return ssaq.StripConv(sub.X)
	}
	return nil
}

// plusPositive returns x for x + c with a constant c >= 1, or nil.
func plusPositive(v ssa.Value) ssa.Value {
	add, ok := v.(*ssa.BinOp)
	if !ok || add.Op != token.ADD {
		return nil
	}
	if c, ok := ssaq.IntConst(add.Y); ok && c >= 1 {
		return ssaq.StripConv(add.X)
	}
	if c, ok := ssaq.IntConst(add.X); ok && c >= 1 {
		return ssaq.StripConv(add.Y)
	}
	return nil
}

// isVacated reports whether i is the slot a decrement of x.n just vacated: i loads x.n, and the
// last store to x.n on the way (in instr's block, then its dominators) stored x.n - 1. Reading
// it moves the last element out (Pop).
func (fa *funcAnalysis) isVacated(instr ssa.Instruction, i ssa.Value, e elemRef, lf *LengthOf) bool {
	if !fa.isLenLoad(i, e.base, lf.Len) {
		return false
	}
	upto := instr
	for b := instr.Block(); b != nil; b = b.Idom() {
		for j := len(b.Instrs) - 1; j >= 0; j-- {
			in := b.Instrs[j]
			if upto != nil {
				if in == upto {
					upto = nil
				}
				continue
			}
			st, ok := in.(*ssa.Store)
			if !ok {
				continue
			}
			if f, ok := st.Addr.(*ssa.FieldAddr); ok && f.Field == lf.Len && fa.rootOf(f.X) == fa.rootOf(e.base) {
				return fa.isLenLoad(minusPositive(st.Val), e.base, lf.Len)
			}
		}
		upto = nil
	}
	return false
}

// checkExposures reports the returned views of x.buf that reach past x.n (see exposure), where
// they leave the package's unexported code: an unexported helper that returns the whole
// buffer (raw() { return unsafe.Slice(v.ptr, v.cap) }) is how vectors build their views, and
// its callers cut it to the length (raw()[:v.len]); the one that returns it whole is reported.
// each runs a function over every analyzed function, containing panics per function.
func (b *builder) checkExposures(each func(func(*funcAnalysis))) {
	helpers := map[*ssa.Function]Event{}
	for range 3 { // helpers of helpers, to a bounded depth
		changed := false
		each(func(fa *funcAnalysis) {
			if _, done := helpers[fa.fn]; done || isExported(fa.fn) {
				return
			}
			if e, ok := b.exposureOf(fa, helpers); ok {
				helpers[fa.fn], changed = e, true
			}
		})
		if !changed {
			break
		}
	}
	each(func(fa *funcAnalysis) {
		if !isExported(fa.fn) {
			return
		}
		for _, blk := range fa.fn.Blocks {
			if ret, ok := lastInstr(blk).(*ssa.Return); ok {
				for _, v := range ret.Results {
					if e, ok := b.exposure(fa, v, helpers); ok {
						e.Pos = ret.Pos()
						b.model.events = append(b.model.events, e)
					}
				}
			}
		}
	})
}

// exposureOf returns the exposure one of fa's returns makes, if any.
func (b *builder) exposureOf(fa *funcAnalysis, helpers map[*ssa.Function]Event) (Event, bool) {
	for _, blk := range fa.fn.Blocks {
		if ret, ok := lastInstr(blk).(*ssa.Return); ok {
			for _, v := range ret.Results {
				if e, ok := b.exposure(fa, v, helpers); ok {
					return e, true
				}
			}
		}
	}
	return Event{}, false
}

// isExported reports whether fn is an exported function or method, callable from other
// packages; an anonymous function is not.
func isExported(fn *ssa.Function) bool {
	if fn.Parent() != nil {
		return false
	}
	if o := fn.Object(); o != nil {
		return o.Exported()
	}
	return false
}

// exposure returns the event of a returned view v of x.buf that reaches past x.n: x.buf[:],
// x.buf[:cap], unsafe.Slice(&x.buf[0], cap), or the whole result of a helper that returns one.
func (b *builder) exposure(fa *funcAnalysis, v ssa.Value, helpers map[*ssa.Function]Event) (Event, bool) {
	if call, ok := ssaq.StripConv(v).(*ssa.Call); ok {
		if fn := call.Call.StaticCallee(); fn != nil {
			if e, ok := helpers[fn.Origin()]; ok {
				return e, true
			}
			if e, ok := helpers[fn]; ok {
				return e, true
			}
		}
	}
	var field, hi ssa.Value
	var base ssa.Value
	fieldIdx := -1
	switch s := ssaq.StripConv(v).(type) {
	case *ssa.Slice:
		if f, ok := ssaq.StripConv(s.X).(*ssa.FieldAddr); ok {
			field, base, fieldIdx, hi = f, f.X, f.Field, s.High
		}
	case *ssa.Call:
		if bi, ok := s.Call.Value.(*ssa.Builtin); ok && bi.Name() == "Slice" {
			ptr := ssaq.StripConv(s.Call.Args[0])
			if l, ok := ptr.(*ssa.UnOp); ok && l.Op == token.MUL {
				ptr = l.X
			}
			if f, ok := ptr.(*ssa.FieldAddr); ok {
				field, base, fieldIdx, hi = f, f.X, f.Field, s.Call.Args[1]
			}
		}
	}
	if field == nil {
		return Event{}, false
	}
	e, ok := fieldRef(base, fieldIdx, nil)
	if !ok {
		return Event{}, false
	}
	lf := b.lengthOf(e.named)
	if lf == nil || lf.Buf != fieldIdx || !fa.isPastLength(hi, base, lf) {
		return Event{}, false
	}
	return Event{Kind: EvExposeTail, Op: lf.BufName, Len: lf.LenName, Type: e.named.Obj().Name()}, true
}

// isPastLength reports whether a view's end is known not to be the length: the whole array,
// a constant, cap(...), or another field. A parameter or a computed end is not judged.
func (fa *funcAnalysis) isPastLength(hi, base ssa.Value, lf *LengthOf) bool {
	if hi == nil {
		return true
	}
	hi = ssaq.StripConv(hi)
	if _, ok := ssaq.IntConst(hi); ok {
		return true
	}
	if c, ok := hi.(*ssa.Call); ok {
		if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "cap" {
			return true
		}
	}
	f, ok := lenFieldLoad(hi)
	return ok && f.Field != lf.Len && fa.rootOf(f.X) == fa.rootOf(base)
}

// liveBlocks returns the blocks reachable from the entry without taking an infeasible edge.
func liveBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	live := map[*ssa.BasicBlock]bool{}
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		if live[b] {
			return
		}
		live[b] = true
		for _, s := range b.Succs {
			if !isInfeasible(b, s) {
				visit(s)
			}
		}
	}
	if len(fn.Blocks) > 0 {
		visit(fn.Blocks[0])
	}
	if fn.Recover != nil {
		visit(fn.Recover)
	}
	return live
}

// hasPushPattern reports whether any function stores to x.buf[x.n]: a quick syntactic scan that
// lets a package with no unsafe code still have its containers checked.
func hasPushPattern(fns []*ssa.Function) bool {
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				if ia, ok := st.Addr.(*ssa.IndexAddr); ok {
					if _, ok := bufferField(ia.X, ia.Index); ok {
						if _, ok := lenFieldLoad(ia.Index); ok {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// lastInstr returns b's last instruction, or nil for an empty block.
func lastInstr(b *ssa.BasicBlock) ssa.Instruction {
	if len(b.Instrs) == 0 {
		return nil
	}
	return b.Instrs[len(b.Instrs)-1]
}

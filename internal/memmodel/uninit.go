package memmodel

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// Uninitialized memory.
//
// An object born uninitialized (C.malloc, an allocator whose Fact says alloc(uninit)) carries,
// in each state, the byte ranges some path may have written (a may-set: the join is the union).
// A read is reported only when no path to it wrote any byte it reads: then the read precedes
// every write. A write at an offset the model cannot compute, a copy into the object, or a
// call that receives a pointer into it (it may fill it: memset, a decoder) sets `any`, and
// the object is silent from then on. A store at an offset that is not a constant (p[i] in a
// loop) is a site of the set, whose bytes the range analysis bounds when a read is decided
// (symwrite.go): a fill loop that stops at n-1 leaves slot n-1 unwritten. A read at an unknown
// offset is reported only if no write may reach it.

// sizeof returns the size of t in bytes, or -1 if it depends on a type parameter.
func (fa *funcAnalysis) sizeof(t types.Type) (size int64) {
	if dependsOnTypeParam(t) {
		return -1
	}
	return fa.b.sizes.Sizeof(t)
}

// fieldOffset returns the offset of field i of s, or -1 if the layout depends on a type
// parameter.
func (fa *funcAnalysis) fieldOffset(s *types.Struct, i int) int64 {
	if dependsOnTypeParam(s) {
		return -1
	}
	return fa.b.sizes.Offsetsof(structFields(s))[i]
}

// dependsOnTypeParam reports whether the layout of t depends on a type parameter, in which
// case types.Sizes cannot compute it (it asserts). Only what is stored inline matters:
// pointers, slices and the like have a fixed size whatever they point to.
func dependsOnTypeParam(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		if t.TypeParams().Len() > t.TypeArgs().Len() {
			return true // the generic type itself, not an instantiation
		}
		return dependsOnTypeParam(t.Underlying())
	case *types.Array:
		return dependsOnTypeParam(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if dependsOnTypeParam(t.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// constOffset returns the byte offset of v from the start of its root's memory, or -1 if the
// model cannot compute it.
//
//	t1 = C.malloc(16)
//	t2 = convert *node <- unsafe.Pointer (t1)
//	t3 = &t2.id [#2]                              offset = Offsetsof(node)[2]
func (fa *funcAnalysis) constOffset(v ssa.Value) int64 {
	var off int64
	for {
		step, next, ok := fa.offsetStep(v)
		if !ok {
			return -1
		}
		if next == nil {
			return off
		}
		off += step
		v = next
	}
}

// offsetStep returns what v adds to the offset of the value it derives from, and that value;
// next is nil when v starts the chain. ok is false when the step is not a constant.
func (fa *funcAnalysis) offsetStep(v ssa.Value) (step int64, next ssa.Value, ok bool) {
	switch x := v.(type) {
	case *ssa.FieldAddr:
		s, ok := derefStruct(x.X.Type())
		if !ok {
			return 0, nil, false
		}
		off := fa.fieldOffset(s, x.Field)
		return off, x.X, off >= 0
	case *ssa.IndexAddr:
		i, ok := ssaq.IntConst(x.Index)
		size := fa.sizeof(elemType(x.X.Type()))
		return i * size, x.X, ok && size >= 0
	case *ssa.Slice:
		if x.Low == nil {
			return 0, x.X, true
		}
		i, ok := ssaq.IntConst(x.Low)
		size := fa.sizeof(elemType(x.X.Type()))
		return i * size, x.X, ok && size >= 0
	case *ssa.Call:
		if b, isB := x.Call.Value.(*ssa.Builtin); isB && b.Name() == "Add" {
			i, ok := ssaq.IntConst(x.Call.Args[1])
			return i, x.Call.Args[0], ok
		}
	case *ssa.BinOp:
		if base := uintptrBase(x); base != nil && x.Op == token.ADD {
			other := x.Y
			if base == x.Y {
				other = x.X
			}
			i, ok := ssaq.IntConst(other)
			return i, base, ok
		}
		return 0, nil, false
	case *ssa.UnOp:
		if off, ok := fa.aliasOff[x]; ok && fa.alias[x] != nil {
			return off, nil, off >= 0
		}
	}
	if d := derivedFrom(v); d != nil && isTracked(d.Type()) {
		if _, isBin := v.(*ssa.BinOp); !isBin {
			return 0, d, true
		}
	}
	return 0, nil, true
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil, false
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	return s, ok
}

func structFields(s *types.Struct) []*types.Var {
	fs := make([]*types.Var, s.NumFields())
	for i := range fs {
		fs[i] = s.Field(i)
	}
	return fs
}

// elemType returns the element type of what an IndexAddr or Slice indexes: *[N]T, []T, string.
func elemType(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return a.Elem()
		}
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Basic:
		return types.Typ[types.Byte]
	}
	return types.Typ[types.Byte]
}

// uninitObj returns the uninitialized object v points into, if any.
func (fa *funcAnalysis) uninitObj(v ssa.Value) *Object {
	if r := fa.rootOf(v); r != nil && r.obj != nil && r.obj.Uninit {
		return r.obj
	}
	return nil
}

// trackedObj returns the object v points into if the model tracks what is written to it.
func (fa *funcAnalysis) trackedObj(v ssa.Value) *Object {
	if r := fa.rootOf(v); r != nil && r.obj != nil && tracksWrites(r.obj) {
		return r.obj
	}
	return nil
}

// tracksWrites reports whether the model records what may have been written to o: memory that
// starts uninitialized, and pooled memory, whose contents are a previous user's until written
// (see mayBeWritten).
func tracksWrites(o *Object) bool { return o.Uninit || isPooled(o) }

// isPooled reports whether o is an object a pool handed out, or memory its slots own.
func isPooled(o *Object) bool {
	for ; o != nil && o.Kind == KindOwned; o = o.Base {
	}
	return o != nil && o.Kind == KindPool
}

// wrote records a write of size bytes through addr (size < 0: an unknown extent) by instr, a
// store, or nil for the builtins that write (copy, clear). A store at an offset that is not a
// constant is a site (symwrite.go), whose bytes the range analysis decides at each read.
func (fa *funcAnalysis) wrote(s *state, addr ssa.Value, size int64, instr ssa.Instruction) {
	off := fa.constOffset(addr)
	if off >= 0 && size >= 0 {
		fa.sum.fillRange(fa, fa.rootOf(addr), off, off+size)
	} else {
		fa.sum.fill(fa, fa.rootOf(addr))
	}
	o := fa.trackedObj(addr)
	if o == nil {
		return
	}
	if off < 0 || size < 0 {
		if id, ok := fa.siteIf(o.Uninit, addr, size, instr); ok {
			s.addSite(o, id)
			return
		}
		s.setWritten(o, domain.Any, -1, -1)
		return
	}
	s.setWritten(o, s.written.Get(o).Add(off, off+size), off, off+size)
}

// maxPhiFill bounds the phis mayFill follows back from one value.
const maxPhiFill = 8

// mayFill records that something the model cannot see received v and may have written
// through it, or through the pointer v's variable holds (a closure receives the variables it
// captures, not their values).
func (fa *funcAnalysis) mayFill(s *state, v ssa.Value) {
	fa.mayFillVia(s, v, nil)
}

// mayFillVia is mayFill, which a phi passes on to each of its edges: a pointer that is one of
// several (&p[0], or &zero for an empty p) may write any of them. seen holds the phis met.
func (fa *funcAnalysis) mayFillVia(s *state, v ssa.Value, seen []*ssa.Phi) {
	if phi, ok := chainStart(v, fa.stale).(*ssa.Phi); ok && !slices.Contains(seen, phi) && len(seen) < maxPhiFill {
		seen = append(seen, phi)
		for _, e := range phi.Edges {
			fa.mayFillVia(s, e, seen)
		}
	}
	fa.sum.fill(fa, fa.rootOf(v))
	if o := fa.trackedObj(v); o != nil {
		s.setWritten(o, domain.Any, -1, -1)
	}
	if r := fa.rootOf(v); r != nil && r.obj != nil {
		if sv, ok := s.slots.Lookup(slotKey{r.obj, -1}); ok && sv.r != nil && sv.r.obj != nil && tracksWrites(sv.r.obj) {
			s.setWritten(sv.r.obj, domain.Any, -1, -1)
		}
		if isPooled(r.obj) {
			// A pooled object's fields hold the buffers its user resliced (d.buf = d.buf[:n]):
			// a callee that gets the object may fill them.
			for sk, sv := range s.slots.Map() {
				if sk.obj == r.obj && sv.r != nil && sv.r.obj != nil && tracksWrites(sv.r.obj) {
					s.setWritten(sv.r.obj, domain.Any, -1, -1)
				}
			}
		}
	}
}

// mayEscape records that v was stored where the model does not follow it: whoever reads it
// there may write through it. A store into a variable the model tracks is not an escape.
func (fa *funcAnalysis) mayEscape(s *state, st *ssa.Store) {
	if sk, ok := fa.slotOf(st.Addr); ok && (sk.obj.Kind == KindLocal || isPooled(sk.obj)) {
		return // a variable, or a pooled object this function holds: nobody else reads it
	}
	if ia, ok := st.Addr.(*ssa.IndexAddr); ok {
		if a, ok := ia.X.(*ssa.Alloc); ok && a.Comment == "varargs" {
			return // a variadic call's operand: the call applies to it (varArgs)
		}
	}
	fa.mayFill(s, st.Val)
}

// read checks a read of size bytes through addr (size < 0: an unknown extent) against what may
// have been written.
func (fa *funcAnalysis) read(s *state, addr ssa.Value, size int64, instr ssa.Instruction, op string) {
	if !fa.final {
		return
	}
	lo, hi := fa.constOffset(addr), int64(-1)
	if lo >= 0 && size >= 0 {
		hi = lo + size
	} else {
		lo = -1
	}
	fa.sum.readRange(fa, fa.rootOf(addr), lo, hi)
	if o := fa.uninitObj(addr); o != nil {
		fa.readObj(s, o, addr, size, instr, op, lo, hi)
	}
}

// readExtent checks a callee's reads through addr: the byte ranges ext, from where addr points.
func (fa *funcAnalysis) readExtent(s *state, addr ssa.Value, ext [][2]int64, instr ssa.Instruction, op string) {
	base := fa.constOffset(addr)
	if !fa.final || base < 0 || len(ext) == 0 {
		fa.read(s, addr, -1, instr, op)
		return
	}
	for _, e := range ext {
		fa.sum.readRange(fa, fa.rootOf(addr), base+e[0], base+e[1])
	}
	o := fa.uninitObj(addr)
	if o == nil {
		return
	}
	for _, e := range ext {
		// The bytes [0, e[1]) from addr hold the range: what decides a read of them (a write
		// site disjoint from them all) decides the range's.
		if fa.readObj(s, o, addr, e[1], instr, op, base+e[0], base+e[1]) {
			return
		}
	}
}

// readObj checks a read of bytes [lo, hi) of o (lo < 0: unknown) through addr, of size bytes
// from where addr points, and reports whether it found a read before any write.
func (fa *funcAnalysis) readObj(s *state, o *Object, addr ssa.Value, size int64, instr ssa.Instruction, op string, lo, hi int64) bool {
	first := false
	if fa.mayOverlap(s.written.Get(o), o, addr, size, instr, lo, hi) {
		if !fa.firstIterationRead(s, o, addr, size, lo, hi, instr) {
			return false
		}
		first = true
	}
	if r := fa.rootOf(addr); r != nil && s.dead.Get(r) != nil {
		return false // reading freed memory is the escape pass's finding, not this one
	}
	fa.event(Event{Kind: EvUninitRead, Pos: readPos(instr), Op: op, Obj: o, Loop: first})
	return true
}

// readPos returns where a read is reported: its own position, or, for the loads SSA gives none
// (the element load of `for _, x := range s`), the first use of the loaded value that has one,
// which is where the loop body reads x.
func readPos(instr ssa.Instruction) token.Pos {
	if pos := callPos(instr); pos.IsValid() {
		return pos
	}
	if v, ok := instr.(ssa.Value); ok && v.Referrers() != nil {
		for _, r := range *v.Referrers() {
			if r.Pos().IsValid() {
				return r.Pos()
			}
		}
	}
	return token.NoPos
}

// loadSize returns the size of what a load through addr reads.
func (fa *funcAnalysis) loadSize(addr ssa.Value) int64 {
	if p, ok := addr.Type().Underlying().(*types.Pointer); ok {
		return fa.sizeof(p.Elem())
	}
	return -1
}

// slice decides whether s, a reslice to a nonzero length of a slice loaded from a pooled object,
// brings back the pool's previous user's bytes: it does unless something since the Get may
// have written the array, or the pooled object through which a callee could reach it. A stale
// reslice starts a region of its own (KindStale), read-before-write checked like C memory.
//
//	bp := pool.Get().(*[]byte)   or   f := getFrame() (a wrapper whose summary says KindPool)
//	b := (*bp)[:n]                    hdr := f.buf[:n]
//
// A reslice found stale on one visit and not on a later one (a write reached it along a back
// edge) is not stale for good: the states only grow.
func (fa *funcAnalysis) slice(st *state, s *ssa.Slice) {
	if stale, seen := fa.stale[s]; seen && !stale {
		return
	}
	array := isArrayPointer(s.X.Type())
	if !isSlice(s.X.Type()) && !array || s.High == nil || ssaq.IsZeroInt(s.High) || isStaleExtension(s) {
		return
	}
	r := fa.rootOf(s.X)
	pooledArray := r != nil && r.obj != nil && (r.obj.Pooled || array && isPooled(r.obj))
	if !pooledArray || mayBeWritten(st, r.obj) {
		if fa.stale[s] {
			fa.stale[s] = false
		}
		return
	}
	fa.stale[s] = true
	sr := fa.ownRoot(s)
	sr.from = r.from // the pool's Put gives the region back too
	if array {
		sr.from = r.obj // pg[:n] of pg := pool.Get().(*[4096]byte)
	}
	if k := st.dead.Get(r); k != nil {
		st.dead.Set(sr, k)
	}
}

// mayBeWritten reports whether something may have written the pooled array o, or a callee may
// have written it through an object whose slots own it. A store into such an object's field
// (f.n = 0, *bp = b[:0]) replaces a slot and writes no array: only writes of unknown extent,
// which calls make, count there.
func mayBeWritten(st *state, o *Object) bool {
	if st.written.Get(o) != nil {
		return true
	}
	for o = o.Base; o != nil; o = o.Base {
		if w := st.written.Get(o); w != nil && w.IsAny() {
			return true
		}
	}
	return false
}

package memmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// An offVal is the offset in bytes of a pointer from the start of the object it points into:
// an interval, and when it is linear in one atom, that form too (off == l).
type offVal struct {
	num Interval
	l   lin
	sym bool
}

var offUnknown = offVal{num: Top}

func (o offVal) add(l lin, num Interval) offVal {
	out := offVal{num: o.num.Add(num)}
	if o.sym {
		out.l, out.sym = o.l.Sum(l)
	}
	return out
}

// offAt returns the offset of pointer v at instruction idx of block b, walking v's derivation
// back to its root, where the offset is 0. A pointer phi carries the offset the sweeps
// computed. A value whose root is an alias (a pointer loaded back from a variable, a view a
// callee returned) has an offset the model does not track: unknown.
//
//	t1 = C.malloc(16)               offset 0
//	t2 = &t1[i]  (as *[16]byte)     i
//	t3 = unsafe.Add(t2, 8)          i+8
func (ra *rangeAnalysis) offAt(v ssa.Value, b *ssa.BasicBlock, idx int) offVal {
	off, _ := ra.offAtRoot(v, b, idx)
	return off
}

// offAtRoot is offAt, which also returns the object the offset is from: nil when the offset is
// unknown. Two offsets are comparable when their objects are the same.
func (ra *rangeAnalysis) offAtRoot(v ssa.Value, b *ssa.BasicBlock, idx int) (offVal, *Object) {
	if next, delta, num, ok := ra.step1(v, b, idx); ok {
		if next == nil {
			return offUnknown, nil
		}
		off, o := ra.offAtRoot(next, b, idx)
		return off.add(delta, num), o
	}
	r := ra.fa.rootOf(v)
	if phi, ok := v.(*ssa.Phi); ok {
		vr := ra.of(phi)
		if !vr.hasPoff {
			return offUnknown, nil
		}
		if r == nil || r.obj == objTop {
			return offVal{num: vr.poff}, nil
		}
		return offVal{num: vr.poff}, r.obj
	}
	if r == nil || r.obj == nil || r.obj == objTop || r.v != v {
		return offUnknown, nil
	}
	return offVal{num: Point(0), sym: true}, r.obj
}

// step1 undoes one derivation: v points delta bytes past next. ok is false at a chain's start;
// next is nil for a derivation whose offset is unknown (uintptr masking).
func (ra *rangeAnalysis) step1(v ssa.Value, b *ssa.BasicBlock, idx int) (next ssa.Value, delta lin, num Interval, ok bool) {
	zero := Point(0)
	switch v := v.(type) {
	case *ssa.Convert:
		if isTracked(v.X.Type()) && !isCopyConversion(v) {
			return v.X, lin{}, zero, true
		}
	case *ssa.ChangeType:
		return v.X, lin{}, zero, true
	case *ssa.SliceToArrayPointer:
		return v.X, lin{}, zero, true
	case *ssa.FieldAddr:
		return v.X, lin{K: ra.fieldOffset(v)}, Point(ra.fieldOffset(v)), true
	case *ssa.IndexAddr:
		d, n := ra.scaled(v.Index, elemSize(ra.sizes, v.X.Type()), b, idx)
		return v.X, d, n, true
	case *ssa.Slice:
		if v.Low == nil {
			return v.X, lin{}, zero, true
		}
		d, n := ra.scaled(v.Low, elemSize(ra.sizes, v.X.Type()), b, idx)
		return v.X, d, n, true
	case *ssa.BinOp:
		return ra.uintptrStep(v, b, idx)
	case *ssa.Call:
		return ra.builtinStep(v, b, idx)
	case *ssa.UnOp:
		if sv := storedValue(v); sv != nil {
			return sv, lin{}, zero, true
		}
	}
	return nil, lin{}, zero, false
}

// uintptrStep undoes uintptr(p) + off and uintptr(p) - off; masking (&^ align-1) and other
// operations make the offset unknown.
func (ra *rangeAnalysis) uintptrStep(v *ssa.BinOp, b *ssa.BasicBlock, idx int) (ssa.Value, lin, Interval, bool) {
	base := uintptrBase(v)
	if base == nil {
		return nil, lin{}, Interval{}, false
	}
	other := v.Y
	if base == v.Y {
		other = v.X
	}
	switch v.Op {
	case token.ADD:
		d, n := ra.scaled(other, 1, b, idx)
		return base, d, n, true
	case token.SUB:
		d, n := ra.scaled(other, -1, b, idx)
		return base, d, n, true
	}
	return nil, lin{}, Interval{}, true
}

func (ra *rangeAnalysis) builtinStep(c *ssa.Call, b *ssa.BasicBlock, idx int) (ssa.Value, lin, Interval, bool) {
	bi, ok := c.Call.Value.(*ssa.Builtin)
	if !ok || len(c.Call.Args) == 0 {
		return nil, lin{}, Interval{}, false
	}
	switch bi.Name() {
	case "Add":
		d, n := ra.scaled(c.Call.Args[1], 1, b, idx)
		return c.Call.Args[0], d, n, true
	case "Slice", "String", "SliceData", "StringData":
		return c.Call.Args[0], lin{}, Point(0), true
	}
	return nil, lin{}, Interval{}, false
}

// scaled returns i*size as a linear form and an interval at a point.
func (ra *rangeAnalysis) scaled(i ssa.Value, size int64, b *ssa.BasicBlock, idx int) (lin, Interval) {
	return ra.linOf(i).Times(size), ra.numAt(i, b, idx).Mul(Point(size))
}

// offAtEdge is a pointer phi's edge value's offset, for the sweeps; an edge into another
// object makes the phi's offset unknown.
func (ra *rangeAnalysis) offAtEdge(v ssa.Value, p, b *ssa.BasicBlock) Interval {
	phiRoot := ra.fa.rootOf(b.Instrs[0].(ssa.Value))
	if r := ra.fa.rootOf(v); r == nil || phiRoot == nil || r.obj != phiRoot.obj {
		return Top
	}
	return ra.offAt(v, p, len(p.Instrs)).num
}

func (ra *rangeAnalysis) fieldOffset(f *ssa.FieldAddr) int64 {
	st := f.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	fields := make([]*types.Var, st.NumFields())
	for i := range fields {
		fields[i] = st.Field(i)
	}
	return ra.sizes.Offsetsof(fields)[f.Field]
}

// elemSize returns the size of the elements of a slice, string, array or pointer to array, or
// of the pointee of a pointer.
func elemSize(sizes types.Sizes, t types.Type) int64 {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return sizes.Sizeof(u.Elem())
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return sizes.Sizeof(a.Elem())
		}
		return sizes.Sizeof(u.Elem())
	case *types.Array:
		return sizes.Sizeof(u.Elem())
	}
	return 1 // a string's bytes
}

// viewOf returns the slice (or string) whose elements v addresses, and v's offset from the
// slice's first element: the window a program indexed, when the allocation behind it is unknown.
//
//	t6 = &b[i]                               view b, offset i
//	t7 = convert unsafe.Pointer <- *byte (t6)
func (ra *rangeAnalysis) viewOf(v ssa.Value, b *ssa.BasicBlock, idx int) (ssa.Value, offVal, bool) {
	acc := offVal{num: Point(0), sym: true}
	for {
		var x ssa.Value
		switch in := v.(type) {
		case *ssa.IndexAddr:
			x = in.X
		case *ssa.Slice:
			x = in.X
		case *ssa.Call:
			if bi, ok := in.Call.Value.(*ssa.Builtin); ok && (bi.Name() == "SliceData" || bi.Name() == "StringData") {
				x = in.Call.Args[0]
			}
		}
		next, delta, num, ok := ra.step1(v, b, idx)
		if !ok || next == nil {
			return nil, offVal{}, false
		}
		acc = acc.add(delta, num)
		if x != nil && (isSliceOrString(x.Type()) || isArrayPointer(x.Type())) {
			return x, acc, true
		}
		v = next
	}
}

func isArrayPointer(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Array)
	return ok
}

func isSliceOrString(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return true
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

// storedValue returns the value a load reads when its address is a local cell written by one
// store that dominates the load, and no closure that captures the cell writes it: cgo's
// wrapper of C.free(p) captures p by reference, so every later use of p is such a load.
//
//	t0 = local unsafe.Pointer (p)
//	*t0 = t1                          t1 = C.malloc(n)
//	t5 = *t0                          reads t1
func storedValue(l *ssa.UnOp) ssa.Value {
	cell, ok := l.X.(*ssa.Alloc)
	if !ok || l.Op != token.MUL {
		return nil
	}
	var store *ssa.Store
	for _, ref := range *cell.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if store != nil || ref.Addr != cell {
				return nil
			}
			store = ref
		case *ssa.UnOp:
		case *ssa.MakeClosure:
			if capturedStore(ref, cell) {
				return nil
			}
		default:
			return nil // its address escapes to where the model cannot see writes
		}
	}
	if store == nil || !dominates(store, l) {
		return nil
	}
	return store.Val
}

// capturedStore reports whether the closure mc may write the cell it captures: unless all it
// does with it is read it, itself or through closures it makes in turn, or through a variable
// of its own that holds the cell's address. cgo lowers `defer C.free(unsafe.Pointer(&b[0]))`
// to a closure that keeps &b in a variable and returns a closure of its own.
func capturedStore(mc *ssa.MakeClosure, cell ssa.Value) bool {
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if b == cell && !readsOnly(fn.FreeVars[i], 0, nil, 0) {
			return true
		}
	}
	return false
}

// maxReadsOnly bounds how far readsOnly follows a cell's address.
const maxReadsOnly = 6

// readsOnly reports whether p, the cell's address (level 0) or the address of a variable that
// holds it (level 1, 2, ...), is used to read the cell only. held is the value at the level
// below, which a store into p may hold.
func readsOnly(p ssa.Value, level int, held ssa.Value, depth int) bool {
	if depth > maxReadsOnly {
		return false
	}
	for _, ref := range *p.Referrers() {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return false
			}
			if level > 0 && !readsOnly(ref, level-1, nil, depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			fn := ref.Fn.(*ssa.Function)
			for i, b := range ref.Bindings {
				if b == p && !readsOnly(fn.FreeVars[i], level, held, depth+1) {
					return false
				}
			}
		case *ssa.Store:
			switch {
			case ref.Addr == p && level > 0 && ref.Val == held:
			case ref.Val == p && ref.Addr != p:
				a, ok := ref.Addr.(*ssa.Alloc)
				if !ok || !readsOnly(a, level+1, p, depth+1) {
					return false
				}
			default:
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// dominates reports whether instruction a executes before b on every path to b.
func dominates(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, instr := range a.Block().Instrs {
		switch instr {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

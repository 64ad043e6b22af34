package memmodel

import (
	"go/token"
	"go/types"

	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// A root is the value a chain of derivations starts from: an allocation, a parameter, a call's
// result, a phi, a load from memory the model does not track. Every value derived from a root
// by conversion, offset, slicing or field and element addressing points into the same memory
// and dies with it, so the dataflow tracks roots, not values.
type root struct {
	v    ssa.Value
	obj  *Object
	slot *slotKey // a load of a slot's initial content: which slot (for Paths)
	from *Object  // a load, or a view, of a slot's content the model does not know: the slot's object
}

// isTracked reports whether values of type t can point into memory.
func isTracked(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Interface:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer || u.Kind() == types.Uintptr || u.Info()&types.IsString != 0
	}
	return false
}

// rootOf returns the root v derives from, or nil if v points nowhere the model can name.
//
//	t1 = C.malloc(16)                  root
//	t2 = convert *byte <- unsafe.Pointer (t1)
//	t3 = unsafe.Add(t2, 8)             all three derive from t1
func (fa *funcAnalysis) rootOf(v ssa.Value) *root {
	v = chainStart(v, fa.stale)
	if v == nil {
		return nil
	}
	if viaAlias(v) {
		if r := fa.alias[v]; r != nil {
			return r
		}
	}
	return fa.ownRoot(v)
}

// chainStart follows v back through the operations that keep pointing into the same memory to
// the value that starts its chain; nil if v is not a tracked pointer or is a constant. A reslice
// the state found stale (stale[s]) starts a chain of its own.
func chainStart(v ssa.Value, stale map[*ssa.Slice]bool) ssa.Value {
	for {
		if !isTracked(v.Type()) {
			return nil
		}
		if s, ok := v.(*ssa.Slice); ok && stale[s] {
			break
		}
		next := derivedFrom(v)
		if next == nil {
			break
		}
		if !isTracked(next.Type()) {
			break // a pointer made from an integer starts a chain of its own
		}
		v = next
	}
	if _, ok := v.(*ssa.Const); ok {
		return nil
	}
	return v
}

// viaAlias reports whether v's root may be an alias: a load, call or extract that denotes an
// already known root.
func viaAlias(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.UnOp, *ssa.Call, *ssa.Extract:
		return true
	}
	return false
}

// derivedFrom returns the value v derives from by an operation that keeps pointing into the
// same memory, or nil if v starts a chain.
func derivedFrom(v ssa.Value) ssa.Value {
	switch v := v.(type) {
	case *ssa.Convert:
		if isCopyConversion(v) {
			return nil // string(b), []byte(s): new memory (the conversion reads X: see transfer)
		}
		return v.X
	case *ssa.ChangeType:
		return v.X
	case *ssa.MakeInterface:
		return v.X
	case *ssa.ChangeInterface:
		return v.X
	case *ssa.SliceToArrayPointer:
		return v.X
	case *ssa.Slice:
		if isStaleExtension(v) {
			return nil // a region of its own: see objectOf
		}
		return v.X
	case *ssa.FieldAddr:
		return v.X
	case *ssa.IndexAddr:
		return v.X
	case *ssa.TypeAssert:
		if !v.CommaOk {
			return v.X
		}
	case *ssa.Extract:
		if ta, ok := v.Tuple.(*ssa.TypeAssert); ok && v.Index == 0 {
			return ta.X
		}
	case *ssa.BinOp:
		return uintptrBase(v)
	case *ssa.Call:
		return builtinBase(v)
	}
	return nil
}

// uintptrBase returns the pointer operand of uintptr arithmetic: uintptr(p) + off, off + uintptr(p),
// uintptr(p) - off, uintptr(p) &^ mask.
func uintptrBase(b *ssa.BinOp) ssa.Value {
	if !isUintptr(b.Type()) {
		return nil
	}
	switch b.Op {
	case token.ADD:
		if isPointerOrigin(b.Y) && !isPointerOrigin(b.X) {
			return b.Y
		}
		return b.X
	case token.SUB, token.AND, token.AND_NOT, token.OR:
		return b.X
	}
	return nil
}

// isPointerOrigin reports whether v is uintptr(p) for some pointer p, possibly after arithmetic.
func isPointerOrigin(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.Convert:
			return !isUintptr(x.X.Type()) && isTracked(x.X.Type())
		case *ssa.BinOp:
			if v = uintptrBase(x); v == nil {
				return false
			}
		default:
			return false
		}
	}
}

func isUintptr(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uintptr
}

// builtinBase returns the pointer argument of unsafe.Add, unsafe.Slice, unsafe.String,
// unsafe.SliceData and unsafe.StringData: their results point where their first argument does.
func builtinBase(c *ssa.Call) ssa.Value {
	b, ok := c.Call.Value.(*ssa.Builtin)
	if !ok || len(c.Call.Args) == 0 {
		return nil
	}
	switch b.Name() {
	case "Add", "Slice", "String", "SliceData", "StringData":
		return c.Call.Args[0]
	}
	return nil
}

// ownRoot returns v's root record, creating it with the object v allocates or stands for.
func (fa *funcAnalysis) ownRoot(v ssa.Value) *root {
	if r := fa.own[v]; r != nil {
		return r
	}
	r := &root{v: v}
	fa.own[v] = r
	fa.setObj(r, fa.objectOf(v))
	return r
}

// setObj joins o into what r points into and keeps the index by object current.
func (fa *funcAnalysis) setObj(r *root, o *Object) {
	j := joinObj(r.obj, o)
	if j == r.obj {
		return
	}
	r.obj = j
	fa.byObj[j] = append(fa.byObj[j], r)
}

func joinObj(a, b *Object) *Object {
	switch {
	case a == nil:
		return b
	case b == nil || a == b:
		return a
	}
	return objTop
}

// objectOf returns the object a value that starts a chain stands for. Loads, phis and calls
// get theirs from the transfer functions, which know the state.
func (fa *funcAnalysis) objectOf(v ssa.Value) *Object {
	switch v := v.(type) {
	case *ssa.Alloc:
		o := fa.newObject(v, KindLocal, allocDesc(v))
		if isVarName(v.Comment) {
			o.Name = v.Comment
		}
		return o
	case *ssa.Parameter:
		return &Object{Kind: KindParam, Pos: v.Pos(), Name: v.Name(),
			Desc: "the memory " + v.Name() + " points to", Index: fa.inputs[v]}
	case *ssa.FreeVar:
		return &Object{Kind: KindFreeVar, Pos: v.Pos(), Name: v.Name(),
			Desc: "the variable " + v.Name(), Index: fa.inputs[v]}
	case *ssa.Global:
		return &Object{Kind: KindGlobal, Pos: v.Pos(), Name: v.Name(), Desc: "the variable " + v.Name()}
	case *ssa.MakeSlice, *ssa.MakeMap, *ssa.MakeChan, *ssa.MakeClosure:
		return fa.newObject(v.(ssa.Instruction), KindGoHeap, "Go heap memory")
	case *ssa.Convert:
		if !isTracked(v.X.Type()) {
			return nil // an address made from an integer: the model cannot name it
		}
		return fa.newObject(v, KindGoHeap, "Go heap memory") // string <-> []byte copies
	case *ssa.Phi, *ssa.UnOp, *ssa.Call, *ssa.Extract:
		return nil
	case *ssa.Slice:
		if isStaleExtension(v) || fa.stale[v] {
			o := fa.newObject(v, KindStale, "a reused buffer's stale contents")
			o.Uninit = true
			return o
		}
	}
	return &Object{Kind: KindOpaque, Pos: v.Pos(), Desc: "memory of unknown origin"}
}

func allocDesc(a *ssa.Alloc) string {
	if isVarName(a.Comment) {
		return "the variable " + a.Comment
	}
	return "Go memory"
}

// isVarName reports whether an Alloc's comment names a variable rather than saying why the
// builder allocated (a composite literal, new, varargs).
func isVarName(c string) bool {
	switch c {
	case "", "complit", "new", "slicelit", "varargs", "makeslice", "sliceHeader":
		return false
	}
	return true
}

// newObject returns the object allocated by instr, marking it if the allocation can run more
// than once per call.
func (fa *funcAnalysis) newObject(instr ssa.Instruction, kind Kind, desc string) *Object {
	if o := fa.objs[instr]; o != nil {
		return o
	}
	o := &Object{Kind: kind, Pos: instr.Pos(), Desc: desc, inLoop: fa.inLoop[instr.Block()]}
	fa.objs[instr] = o
	return o
}

// owned returns the object standing for the memory slot sk points to.
func (fa *funcAnalysis) owned(sk slotKey) *Object {
	if o := fa.ownedObjs[sk]; o != nil {
		return o
	}
	o := &Object{Kind: KindOwned, Base: sk.obj, Field: sk.field, Name: fa.slotName(sk)}
	o.Desc = "the memory " + o.Name + " points to"
	if o.Name == "" {
		o.Desc = "memory whose address is stored in " + sk.obj.Desc
	}
	fa.ownedObjs[sk] = o
	return o
}

// slotName returns how a slot reads in source ("r.data", "*p"), or "" if its object is unnamed.
func (fa *funcAnalysis) slotName(sk slotKey) string {
	switch {
	case sk.obj.Name == "":
		return ""
	case sk.field < 0:
		return sk.obj.Name
	}
	return sk.obj.Name + "." + fa.fieldNames[sk]
}

// slotOf returns the slot addr designates: a field of an object's base address, or the object
// itself. Elements and nested fields are not tracked.
func (fa *funcAnalysis) slotOf(addr ssa.Value) (slotKey, bool) {
	field, name := -1, ""
	if f, ok := addr.(*ssa.FieldAddr); ok {
		field, name, addr = f.Field, fieldName(f), f.X
	}
	r := fa.rootOf(addr)
	if r == nil || r.obj == nil || r.obj == objTop || !isBaseOf(addr, r) {
		return slotKey{}, false
	}
	sk := slotKey{r.obj, field}
	if field >= 0 {
		fa.fieldNames[sk] = name
	}
	return sk, true
}

func fieldName(f *ssa.FieldAddr) string {
	if p, ok := f.X.Type().Underlying().(*types.Pointer); ok {
		if s, ok := p.Elem().Underlying().(*types.Struct); ok && f.Field < s.NumFields() {
			return s.Field(f.Field).Name()
		}
	}
	return ""
}

// isBaseOf reports whether v is r's own value, up to conversions: the address of the start of
// the object, not of an element or an offset into it.
func isBaseOf(v ssa.Value, r *root) bool {
	for {
		if v == r.v {
			return true
		}
		switch x := v.(type) {
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.TypeAssert: // p := pool.Get().(*T): the interface's pointer itself
			if x.CommaOk {
				return false
			}
			v = x.X
		case *ssa.Call:
			b, ok := x.Call.Value.(*ssa.Builtin)
			if !ok {
				return true // a view a summary says aliases r: the same address
			}
			if b.Name() == "Add" || len(x.Call.Args) == 0 {
				return false
			}
			v = x.Call.Args[0] // unsafe.Slice, unsafe.String, SliceData, StringData
		case *ssa.UnOp, *ssa.Extract:
			return true // an alias of a stored root: the same address
		default:
			return false
		}
	}
}

// pathOf expresses r in terms of the function's inputs, for Summaries.
func (fa *funcAnalysis) pathOf(r *root) (Path, bool) {
	if r == nil {
		return Path{}, false
	}
	if r.slot != nil {
		return fa.slotPath(*r.slot)
	}
	switch r.v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return Path{Input: r.obj.Index}, r.obj.Kind == KindParam || r.obj.Kind == KindFreeVar
	}
	return Path{}, false
}

// objPath expresses an object in terms of the function's inputs: an input's memory, or what a
// chain of slots starting at one owns.
func (fa *funcAnalysis) objPath(o *Object) (Path, bool) {
	switch {
	case o == nil:
		return Path{}, false
	case o.Kind == KindParam || o.Kind == KindFreeVar:
		return Path{Input: o.Index}, true
	case o.Kind == KindOwned:
		return fa.slotPath(slotKey{o.Base, o.Field})
	}
	return Path{}, false
}

// slotPath expresses what slot sk holds in terms of the function's inputs.
func (fa *funcAnalysis) slotPath(sk slotKey) (Path, bool) {
	base, ok := fa.objPath(sk.obj)
	if !ok {
		return Path{}, false
	}
	return base.extend(sk.field, fa.fieldNames[sk])
}

// isStaleExtension recognizes a reslice that grows a buffer emptied for reuse, b[:0][:n]: the
// elements it brings back hold whatever the buffer held before (another request's data, when
// it came from a pool, the caller or an earlier iteration), not zeros. A buffer made fresh by
// make() right there is zero and is not stale.
//
//	t1 = slice t0[:0:int]        b = b[:0]
//	t2 = slice t1[:n]            b = b[:n]: every element of t2 is stale until written
func isStaleExtension(s *ssa.Slice) bool {
	if _, ok := s.X.Type().Underlying().(*types.Slice); !ok || s.High == nil || ssaq.IsZeroInt(s.High) {
		return false
	}
	empty, ok := s.X.(*ssa.Slice)
	if !ok || empty.High == nil || !ssaq.IsZeroInt(empty.High) || !nothingBetween(empty, s, false) {
		return false
	}
	switch base := empty.X.(type) {
	case *ssa.MakeSlice, *ssa.Alloc:
		return false // fresh zeros: make([]byte, 0, n) is a new array sliced
	case *ssa.Slice:
		_, fresh := base.X.(*ssa.Alloc) // a slice of a new array
		return !fresh
	}
	return true
}

// nothingBetween reports whether a and b are in one block with no call or store between them:
// nothing could have written the buffer through another alias (getg().writebuf = buf, then a
// call that fills it) between emptying it and growing it back.
// A deferred call, with deferOK, runs only at the return.
func nothingBetween(a, b ssa.Instruction, deferOK bool) bool {
	found, same := ssaq.AnyBetween(a, b, func(in ssa.Instruction) bool {
		switch in.(type) {
		case *ssa.Call, *ssa.Store, *ssa.Go, *ssa.Send, *ssa.MapUpdate:
			return true
		case *ssa.Defer:
			return !deferOK
		}
		return false
	})
	return same && !found
}

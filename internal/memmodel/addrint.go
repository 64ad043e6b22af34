package memmodel

import (
	"cmp"
	"go/token"
	"go/types"

	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// Addresses held in integers.
//
// An integer holds an address when it derives from a conversion uintptr(p) of an unsafe.Pointer
// by the arithmetic of unsafe.Pointer rule 3 (adding or subtracting an offset, rounding with
// &^), through conversions between integer types (uint64(uintptr(p)) in a syscall attribute
// struct), phis (u += 4 in a loop), a local slot written once (a variable, a field of a local
// struct value), or the Data field of a reflect header that views a real slice or string. What
// the integer crossed on its way (a statement, a phi, memory) is what rule 3 forbids.

// An Address is what an integer holds: the address of Ptr, taken at Pos.
type Address struct {
	Ptr ssa.Value // the unsafe.Pointer (or, from a header's Data, the slice or string) whose address it is
	Pos token.Pos // where the address became an integer: uintptr(p), or the header's Data load
	// Crossed reports whether the integer crossed a phi or memory since then, which one
	// expression never does.
	Crossed bool
	// Slot, when set, names the memory shared across the package that the address was read
	// back from (item.next, a package variable), stored there at StoredAt.
	Slot     string
	StoredAt token.Pos
}

// AddressIn returns the address the integer v holds, or nil if v is not known to hold one.
func AddressIn(v ssa.Value) *Address {
	return addressIn(v, &addrQuery{seen: map[ssa.Value]bool{}})
}

// AddressInMem is AddressIn, also through the memory the function does not own: mem says
// what address, if any, a load (or an atomic load's call) that the local rules cannot follow
// reads, from what the rest of the package stores there.
func AddressInMem(v ssa.Value, mem func(ssa.Value) *Address) *Address {
	return addressIn(v, &addrQuery{seen: map[ssa.Value]bool{}, mem: mem})
}

// An addrQuery is one AddressIn query: the values it met, and what it asks of memory.
type addrQuery struct {
	seen map[ssa.Value]bool
	mem  func(ssa.Value) *Address
}

func addressIn(v ssa.Value, q *addrQuery) *Address {
	if q.seen[v] {
		return nil
	}
	q.seen[v] = true
	switch x := v.(type) {
	case *ssa.Convert:
		if isUnsafePointer(x.X.Type()) && ssaq.IsInteger(x.Type()) {
			return &Address{Ptr: x.X, Pos: x.Pos()}
		}
		if ssaq.IsInteger(x.X.Type()) && ssaq.IsInteger(x.Type()) && !narrows(x.X.Type(), x.Type()) {
			return addressIn(x.X, q)
		}
	case *ssa.ChangeType:
		return addressIn(x.X, q)
	case *ssa.BinOp:
		return binAddress(x, q)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if a := addressIn(e, q); a != nil {
				return crossed(a)
			}
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if a := loadedAddress(x, q); a != nil {
				return a
			}
			return q.fromMem(x)
		}
	case *ssa.Call, *ssa.Field:
		return q.fromMem(x)
	case *ssa.Lookup:
		if a := mapAddress(x, q); a != nil {
			return a
		}
		return q.fromMem(x)
	case *ssa.Extract:
		if lk, ok := x.Tuple.(*ssa.Lookup); ok && x.Index == 0 {
			if a := mapAddress(lk, q); a != nil {
				return a // v, ok := m[k]
			}
			return q.fromMem(x)
		}
	}
	return nil
}

// fromMem asks the query's memory what address the load v reads, crossed: it came through
// memory.
func (q *addrQuery) fromMem(v ssa.Value) *Address {
	if q.mem == nil {
		return nil
	}
	if a := q.mem(v); a != nil {
		return crossed(a)
	}
	return nil
}

// mapAddress follows an integer through a map made in this function: a lookup of a map whose
// updates store an address holds that address, for all the model knows of which key it read
// (the map's "some entry" summary is the join of what every update stored).
//
//	t0 = make map[string]uintptr
//	m[k] = t3                                   m["buf"] = uintptr(unsafe.Pointer(&b[0]))
//	t9 = t0[k2]                                 ... m["buf"]
func mapAddress(lk *ssa.Lookup, q *addrQuery) *Address {
	mm, ok := lk.X.(*ssa.MakeMap)
	if !ok {
		return nil
	}
	var found *Address
	for _, r := range *mm.Referrers() {
		switch r := r.(type) {
		case *ssa.MapUpdate:
			a := addressIn(r.Value, q)
			if a == nil {
				return nil // some entry holds no address, or one the model cannot name
			}
			if found == nil {
				found = crossed(a)
			}
		case *ssa.Lookup, *ssa.DebugRef:
		default:
			return nil // the map escapes: someone else may store into it
		}
	}
	return found
}

// binAddress follows rule 3's arithmetic: an address plus or minus an integer, an address
// rounded with &^ (or masked with &, which only this query accepts, for the checks that report
// it), and an integer plus an address. Sums of two addresses and differences whose right side is
// an address are not addresses: BadPointerForm reports them.
func binAddress(x *ssa.BinOp, q *addrQuery) *Address {
	switch x.Op {
	case token.ADD, token.AND:
		ax, ay := addressIn(x.X, q), addressIn(x.Y, q)
		if ax != nil && ay != nil {
			return nil
		}
		if ax != nil {
			return ax
		}
		return ay
	case token.SUB, token.AND_NOT:
		if addressIn(x.Y, q) != nil {
			return nil
		}
		return addressIn(x.X, q)
	}
	return nil
}

// loadedAddress follows an integer through memory: a load of a local slot (an address-taken
// variable, or a field of a local struct value) that exactly one store writes, or of a reflect
// header's Data field where the header is a view of a real slice or string.
//
//	t3 = local reflect.SliceHeader (h)          var h reflect.SliceHeader
//	t4 = &t3.Data [#0]
//	*t4 = t2                                    h.Data = u
//	t9 = &t3.Data [#0]
//	t10 = *t9                                   ... h.Data
func loadedAddress(ld *ssa.UnOp, q *addrQuery) *Address {
	if fa, ok := ld.X.(*ssa.FieldAddr); ok && fa.Field == 0 && headerName(fa.X.Type()) != "" {
		if c, ok := fa.X.(*ssa.Convert); ok && isUnsafePointer(c.X.Type()) {
			if view := headerView(c.X); view != nil {
				return &Address{Ptr: view, Pos: ld.Pos()}
			}
		}
	}
	st := onlyStore(ld.X)
	if st == nil {
		st = copiedFieldStore(ld.X)
	}
	if st == nil {
		return nil
	}
	if a := addressIn(st.Val, q); a != nil {
		return crossed(a)
	}
	return nil
}

// headerView returns the slice or string a reflect header pointer views,
// (*reflect.SliceHeader)(unsafe.Pointer(&s)): the value stored in s when one store writes it,
// else s's variable; nil when p is no such view.
func headerView(p ssa.Value) ssa.Value {
	c, ok := p.(*ssa.Convert)
	if !ok {
		return nil
	}
	alloc, ok := c.X.(*ssa.Alloc)
	if !ok || !isSliceOrString(alloc.Type().Underlying().(*types.Pointer).Elem()) {
		return nil
	}
	var val ssa.Value
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			if val != nil {
				return alloc
			}
			val = st.Val
		}
	}
	return cmp.Or(val, ssa.Value(alloc))
}

func crossed(a *Address) *Address {
	if a.Crossed {
		return a
	}
	b := *a
	b.Crossed = true
	return &b
}

// onlyStore returns the one store to the local slot addr (an Alloc, or a field of a local struct
// value), when the slot's address is used for nothing but loads and that store, which must
// dominate every load; otherwise nil.
func onlyStore(addr ssa.Value) *ssa.Store {
	base, field := addr, -1
	if fa, ok := addr.(*ssa.FieldAddr); ok {
		base, field = fa.X, fa.Field
	}
	alloc, ok := base.(*ssa.Alloc)
	if !ok || alloc.Heap && field < 0 {
		return nil // a heap cell may be written by a closure that captured it
	}
	var only *ssa.Store
	var whole []*ssa.Store // stores of the whole struct value: a composite literal's
	for _, ref := range *alloc.Referrers() {
		slot := ssa.Value(alloc)
		if field >= 0 {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok {
				if st, isStore := ref.(*ssa.Store); isStore {
					whole = append(whole, st)
				}
				continue
			}
			if fa.Field != field {
				continue
			}
			slot = fa
		}
		for _, r := range *slot.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != slot || only != nil {
					return nil
				}
				only = r
			case *ssa.UnOp:
			case *ssa.DebugRef:
			default:
				return nil // the slot's address escapes: something else may write it
			}
		}
		if field < 0 {
			break
		}
	}
	if only == nil || !dominatesAll(only, addr) {
		return nil
	}
	for _, st := range whole {
		if !Before(st, only) {
			return nil // the whole struct may be written after the field
		}
	}
	return only
}

// copiedFieldStore follows a field of a local struct value that one store of the whole value
// wrote, a copy of another local struct value (a composite literal is built in a slot of its
// own and copied in): the one store into that field of the source, before the copy.
//
//	t2 = local node (complit)
//	t3 = &t2.next [#0]
//	*t3 = t5                                    n := node{next: uintptr(unsafe.Pointer(x))}
//	t6 = *t2
//	*t1 = t6
//	t7 = &t1.next [#0]
//	t8 = *t7                                    ... n.next
func copiedFieldStore(addr ssa.Value) *ssa.Store {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	alloc, ok := fa.X.(*ssa.Alloc)
	if !ok || alloc.Heap {
		return nil
	}
	var whole *ssa.Store
	for _, ref := range *alloc.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if whole != nil || r.Addr != alloc {
				return nil
			}
			whole = r
		case *ssa.FieldAddr:
			for _, fr := range *r.Referrers() {
				switch fr.(type) {
				case *ssa.UnOp, *ssa.DebugRef:
				case *ssa.Store:
					if r.Field == fa.Field {
						return nil // the field is written on its own too
					}
				default:
					return nil // the field's address escapes
				}
			}
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			return nil // the variable's address escapes: something else may write it
		}
	}
	if whole == nil || !dominatesAll(whole, addr) {
		return nil
	}
	ld, ok := whole.Val.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	src, ok := ld.X.(*ssa.Alloc)
	if !ok || src.Heap {
		return nil
	}
	for _, ref := range *src.Referrers() {
		if f, ok := ref.(*ssa.FieldAddr); ok && f.Field == fa.Field {
			if st := onlyStore(f); st != nil && Before(st, ld) {
				return st
			}
			return nil
		}
	}
	return nil
}

// dominatesAll reports whether st comes before every load of the slot addr points to.
func dominatesAll(st *ssa.Store, addr ssa.Value) bool {
	for _, r := range *addr.Referrers() {
		if ld, ok := r.(*ssa.UnOp); ok && !Before(st, ld) {
			return false
		}
	}
	return true
}

// Before reports whether instruction a comes before b: earlier in the same block, or in a
// block that dominates b's.
func Before(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, in := range a.Block().Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// narrows reports whether converting from to to may drop bits of an address.
func narrows(from, to types.Type) bool {
	return ssaq.IntBits(to) < ssaq.IntBits(from) && ssaq.IntBits(to) < 64
}

// headerName returns "SliceHeader" or "StringHeader" for a pointer to one of reflect's header
// types, or "".
func headerName(t types.Type) string {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "reflect" {
		return ""
	}
	switch n.Obj().Name() {
	case "SliceHeader", "StringHeader":
		return n.Obj().Name()
	}
	return ""
}

// HeaderName is headerName for the passes.
func HeaderName(t types.Type) string { return headerName(t) }

// A BadForm names an integer expression converted to a pointer that cannot be a valid address
// whatever the values are.
type BadForm struct {
	Why string    // "the sum of two addresses", "a small constant", ...
	At  token.Pos // the address's witness, when there is one
	// Ptr, when set, limits the finding to Go memory: the form is wrong only for pointers the
	// garbage collector manages (checkptr checks them; C memory is the programmer's own).
	Ptr ssa.Value
}

// BadPointerForm reports why the integer x, converted to unsafe.Pointer, cannot be a valid
// pointer by its form alone, or nil:
//   - a small nonzero constant (checkptr: below 4096 no Go or C memory lives);
//   - the sum of two addresses, or an integer minus an address;
//   - an integer rounded (&^) by an address;
//   - an address masked with & (rule 3 allows rounding with &^ only), for Go memory.
func BadPointerForm(x ssa.Value) *BadForm {
	switch x := x.(type) {
	case *ssa.Const:
		if c, ok := ssaq.IntConst(x); ok && c > 0 && c < minLegalPointer {
			return &BadForm{Why: "a small constant, which no memory lives at"}
		}
	case *ssa.BinOp:
		ax, ay := AddressIn(x.X), AddressIn(x.Y)
		switch {
		case x.Op == token.ADD && ax != nil && ay != nil:
			return &BadForm{Why: "the sum of two addresses", At: ay.Pos}
		case x.Op == token.SUB && ay != nil:
			return &BadForm{Why: "an integer minus an address", At: ay.Pos}
		case x.Op == token.AND_NOT && ay != nil:
			return &BadForm{Why: "an integer masked by an address", At: ay.Pos}
		case x.Op == token.AND && (ax == nil) != (ay == nil):
			a := cmp.Or(ax, ay)
			return &BadForm{Why: "an address masked with &, which unsafe.Pointer rule 3 does not " +
				"allow (round with &^)", At: a.Pos, Ptr: a.Ptr}
		}
	}
	return nil
}

// minLegalPointer is the runtime's: no valid pointer is smaller (runtime/malloc.go).
const minLegalPointer = 4096

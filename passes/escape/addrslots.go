package escape

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/uninitlint/uninitlint/internal/memmodel"
)

// Addresses kept in memory the package shares: an integer field of a struct type, or a
// package variable, that some function fills with the address of Go memory and another reads
// back and converts to a pointer.
//
//	func (l *list) push(v int) {
//		x := &item{v: v}
//		l.head = uintptr(unsafe.Pointer(x))   // nothing else keeps x alive
//	}
//	func (l *list) top() *item {
//		return (*item)(unsafe.Pointer(l.head)) // uintptr-held: x may be freed
//	}
//
// A slot is a field of a struct type (every instance of the type at once) or a package
// variable, of an integer type or sync/atomic's Uintptr. It holds Go addresses when every store
// the package makes into it stores the address of Go memory that the storing function allocated
// and keeps in no pointer, or zero; a store of anything else, of an address of C or mmap'd memory, or of an
// object also kept by a pointer (a buffer whose slice is stored beside its address) makes the
// slot unknown, and its loads say nothing. Stores from other packages are not seen.

// A memSlot is a field of a struct type or a package variable.
type memSlot struct {
	field  *types.Var
	global *ssa.Global
	entry  bool // some entry of the map the field or variable holds
}

// slotStore is what the package stores into one slot: the first Go address (the witness),
// unless some store makes the slot unknown.
type slotStore struct {
	addr    *memmodel.Address
	at      token.Pos // where the witness is stored
	name    string    // the slot as the source names it: item.next, head
	unknown bool
}

// addrSlots is the package's table of slots and what they hold.
type addrSlots map[memSlot]*slotStore

// buildAddrSlots scans every store of the package's functions into shared integer slots.
func buildAddrSlots(m *memmodel.Model, funcs []*ssa.Function) addrSlots {
	t := addrSlots{}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if isInteger(in.Val.Type()) {
						if s, name, ok := slotOf(in.Addr); ok {
							t.store(m, s, name, in.Val, in.Pos())
						} else if s, name, ok := localFieldSlot(in.Addr); ok {
							// A struct value built here is an instance of the type too: it may
							// be copied into a map, a channel or a field, and read back there.
							t.store(m, s, name, in.Val, in.Pos())
						}
					}
				case *ssa.MapUpdate:
					if isInteger(in.Value.Type()) {
						if s, name, ok := mapSlot(in.Map); ok {
							t.store(m, s, name, in.Value, in.Pos())
						}
					}
				case *ssa.Call:
					if addr, val, ok := atomicStore(in.Common()); ok {
						if s, name, ok := slotOf(addr); ok {
							t.store(m, s, name, val, in.Pos())
						}
					}
				}
			}
		}
	}
	return t
}

// store records one store of val into slot s.
func (t addrSlots) store(m *memmodel.Model, s memSlot, name string, val ssa.Value, at token.Pos) {
	ss := t[s]
	if ss == nil {
		ss = &slotStore{name: name}
		t[s] = ss
	}
	if ss.unknown {
		return
	}
	if c, ok := val.(*ssa.Const); ok && c.Value != nil && c.Value.String() == "0" {
		return // a cleared slot holds no address
	}
	if ld, ok := val.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if s2, _, ok := slotOf(ld.X); ok && s2 == s {
			return // a copy between two instances: what the slot already holds
		}
	}
	// Only memory the storing function allocated itself: a Go-typed pointer parameter may point
	// into memory the collector does not manage (the runtime's vDSO header, a cast mapping).
	a := memmodel.AddressIn(val)
	if a == nil || !m.ObjectOf(a.Ptr).IsGoMemory() || keptAsPointer(a.Ptr) {
		ss.unknown = true
		return
	}
	if ss.addr == nil {
		ss.addr, ss.at = a, at
	}
}

// load returns the Go address that the load v (a load of a slot, or sync/atomic's load of
// one) reads, or nil.
func (t addrSlots) load(v ssa.Value) *memmodel.Address {
	var addr ssa.Value
	if e, ok := v.(*ssa.Extract); ok && e.Index == 0 {
		v = e.Tuple // u, ok := m[k]
	}
	switch x := v.(type) {
	case *ssa.Lookup:
		s, _, ok := mapSlot(x.X)
		if !ok {
			return nil
		}
		return t.holds(s)
	case *ssa.UnOp:
		addr = x.X
	case *ssa.Field:
		st, ok := x.X.Type().Underlying().(*types.Struct)
		if !ok || memmodel.HeaderName(types.NewPointer(x.X.Type())) != "" {
			return nil
		}
		return t.holds(memSlot{field: st.Field(x.Field)}) // req.addr of req, ok := m[k]
	case *ssa.Call:
		a, ok := atomicLoad(x.Common())
		if !ok {
			return nil
		}
		addr = a
	default:
		return nil
	}
	s, _, ok := slotOf(addr)
	if !ok {
		// A field of a struct value copied in whole from elsewhere (req, ok := m[k]), which
		// the model did not follow to a store of its own.
		if s, _, ok = localFieldSlot(addr); !ok {
			return nil
		}
	}
	return t.holds(s)
}

// holds returns the Go address slot s holds, or nil.
func (t addrSlots) holds(s memSlot) *memmodel.Address {
	ss := t[s]
	if ss == nil || ss.unknown || ss.addr == nil {
		return nil
	}
	a := *ss.addr
	a.Slot, a.StoredAt = ss.name, ss.at
	return &a
}

// slotOf returns the shared slot that addr points to: a field of a struct (through any
// pointer, not a local variable the function owns alone) or a package variable.
func slotOf(addr ssa.Value) (memSlot, string, bool) {
	switch a := addr.(type) {
	case *ssa.Global:
		return memSlot{global: a}, a.Name(), true
	case *ssa.FieldAddr:
		if alloc, ok := a.X.(*ssa.Alloc); ok && !alloc.Heap {
			return memSlot{}, "", false // a local struct value: the model follows it (AddressIn)
		}
		st, ok := a.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
		if !ok || memmodel.HeaderName(a.X.Type()) != "" {
			return memSlot{}, "", false // a reflect header's Data: rule 6's, checked on its own
		}
		f := st.Field(a.Field)
		name := f.Name()
		if n, ok := types.Unalias(a.X.Type().Underlying().(*types.Pointer).Elem()).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
		return memSlot{field: f}, name, true
	}
	return memSlot{}, "", false
}

// localFieldSlot returns the slot of a field of a struct value the function declares (a
// composite literal), which slotOf leaves to the model while the value stays local.
func localFieldSlot(addr ssa.Value) (memSlot, string, bool) {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return memSlot{}, "", false
	}
	if alloc, ok := fa.X.(*ssa.Alloc); !ok || alloc.Heap {
		return memSlot{}, "", false
	}
	st, ok := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok || memmodel.HeaderName(fa.X.Type()) != "" {
		return memSlot{}, "", false
	}
	f := st.Field(fa.Field)
	name := f.Name()
	if n, ok := types.Unalias(fa.X.Type().Underlying().(*types.Pointer).Elem()).(*types.Named); ok {
		name = n.Obj().Name() + "." + name
	}
	return memSlot{field: f}, name, true
}

// mapSlot returns the slot of the entries of the map m is, when m is loaded from a shared slot
// (a package variable, a field).
func mapSlot(m ssa.Value) (memSlot, string, bool) {
	ld, ok := m.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return memSlot{}, "", false
	}
	s, name, ok := slotOf(ld.X)
	s.entry = true
	return s, "entry of " + name, ok
}

// atomicStore returns the address and value of sync/atomic's store into a uintptr: the
// Store, Swap and CompareAndSwap methods of atomic.Uintptr, and StoreUintptr, SwapUintptr,
// CompareAndSwapUintptr.
func atomicStore(c *ssa.CallCommon) (addr, val ssa.Value, ok bool) {
	name, args := atomicCall(c)
	switch name {
	case "Uintptr.Store", "Uintptr.Swap", "StoreUintptr", "SwapUintptr":
		if len(args) == 2 {
			return args[0], args[1], true
		}
	case "Uintptr.CompareAndSwap", "CompareAndSwapUintptr":
		if len(args) == 3 {
			return args[0], args[2], true
		}
	}
	return nil, nil, false
}

// atomicLoad returns the address sync/atomic's load of a uintptr reads: atomic.Uintptr's Load
// and Swap (which returns the old value), LoadUintptr and SwapUintptr.
func atomicLoad(c *ssa.CallCommon) (ssa.Value, bool) {
	name, args := atomicCall(c)
	switch name {
	case "Uintptr.Load", "Uintptr.Swap", "LoadUintptr", "SwapUintptr":
		return args[0], true
	}
	return nil, false
}

// atomicCall names a static call into sync/atomic ("Uintptr.Load", "StoreUintptr") and gives
// its arguments, the receiver first; "" for any other call.
func atomicCall(c *ssa.CallCommon) (string, []ssa.Value) {
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "sync/atomic" || len(c.Args) == 0 {
		return "", nil
	}
	name := fn.Name()
	if recv := fn.Signature.Recv(); recv != nil {
		n, ok := types.Unalias(recv.Type().Underlying().(*types.Pointer).Elem()).(*types.Named)
		if !ok {
			return "", nil
		}
		name = n.Obj().Name() + "." + name
	}
	return name, c.Args
}

// keptAsPointer reports whether the function that converted p to an integer also keeps the
// object p points into as a pointer: stores it, returns it, passes it to a call, or captures
// it. Then the object may be kept alive from there, and its integer address is not known to be
// the only thing that refers to it.
func keptAsPointer(p ssa.Value) bool {
	base := addressBase(p)
	seen := map[ssa.Value]bool{}
	var kept func(v ssa.Value) bool
	kept = func(v ssa.Value) bool {
		if seen[v] || len(seen) > 64 {
			return len(seen) > 64
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return false
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Convert:
				if isInteger(r.Type()) {
					continue // its address as an integer: what the slot holds
				}
				if kept(r) {
					return true
				}
			case *ssa.ChangeType, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Slice:
				if kept(r.(ssa.Value)) {
					return true
				}
			case *ssa.UnOp, *ssa.DebugRef, *ssa.BinOp, *ssa.If:
				// a load through it, a comparison
			case *ssa.Store:
				if r.Val == v {
					return true
				}
			case *ssa.Call:
				if _, ok := r.Call.Value.(*ssa.Builtin); !ok {
					return true
				}
			default:
				return true // returned, captured, put in an interface, merged at a phi
			}
		}
		return false
	}
	return kept(base)
}

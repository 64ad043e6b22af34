package escape

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/memmodel"
)

// Addresses held in integers (unsafe.Pointer rules 3 and 6).
//
// The model says which integers hold an address (memmodel.AddressIn): derived from uintptr(p)
// by rule 3's arithmetic, through integer conversions, phis, a local slot written once, or a
// real reflect header's Data. This file reports three misuses of such an integer when the
// address is of Go memory, which the collector moves (stacks) and frees:
//   - converted back to a pointer outside the expression that took it (rule 3);
//   - stored as Data into a reflect header declared as a value, or read back from one (rule 6);
//   - stored in an integer field of a struct whose address a call receives, with nothing in
//     the function keeping the object alive across the call (a syscall attribute struct).
//
// Deliberate silence: addresses of C or mmap'd memory, which never moves; pointers of unknown
// origin (an unsafe.Pointer parameter, a loaded pointer), which may be such memory.

// checkUintptrs reports, in fn (SrcFuncs lists anonymous functions on their own), the misuses
// above.
//
//	t1 = convert unsafe.Pointer <- *T (p)
//	t2 = convert uintptr <- unsafe.Pointer (t1)     u := uintptr(unsafe.Pointer(p))
//	...
//	t9 = convert unsafe.Pointer <- uintptr (t8)     unsafe.Pointer(u): not one expression
func checkUintptrs(rep *checks.Reporter, m *memmodel.Model, calls map[token.Pos]*ast.CallExpr, u uintptrFacts, fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Convert:
				checkBackConversion(rep, m, calls, u.slots, in)
			case *ssa.Store:
				checkHeaderStore(rep, m, in)
			case *ssa.Call:
				checkKeepAlive(rep, m, in)
				checkUintptrArgs(rep, m, u.sinks, in)
				checkSyscallArgs(rep, m, calls, in)
			}
		}
	}
}

// uintptrFacts is what the package's functions say of one another's integers: the shared slots
// that hold addresses (addrslots.go), and the parameters that become pointers
// (uintptrparams.go).
type uintptrFacts struct {
	slots addrSlots
	sinks uintptrSinks
}

func checkBackConversion(rep *checks.Reporter, m *memmodel.Model, calls map[token.Pos]*ast.CallExpr, slots addrSlots, c *ssa.Convert) {
	if !isUnsafePointer(c.Type()) || !isUintptr(c.X.Type()) {
		return
	}
	if hdr, at := valueHeaderData(c.X); hdr != "" {
		rep.Report("reflect-header", c.Pos(), "Data of a reflect."+hdr+" built as a value is converted to a "+
			"pointer: the header keeps nothing alive (unsafe.Pointer rule 6); use unsafe.Slice or unsafe.String",
			analysis.RelatedInformation{Pos: at, Message: "header declared here"})
		return
	}
	a := memmodel.AddressInMem(c.X, slots.load)
	if a == nil || !isGoPointer(m, a.Ptr) {
		return
	}
	if a.Slot != "" {
		rep.Report("uintptr-held", c.Pos(), "address of Go memory read back from the integer "+a.Slot+
			", stored there on "+rep.Line(c.Pos(), a.StoredAt)+", is converted to a pointer; the integer "+
			"does not keep the object alive, and the garbage collector may have moved or freed it",
			analysis.RelatedInformation{Pos: a.StoredAt, Message: "address stored here"},
			analysis.RelatedInformation{Pos: a.Pos, Message: "address taken here"})
		return
	}
	call := calls[c.Pos()]
	if call == nil || !a.Crossed && call.Pos() <= a.Pos && a.Pos < call.End() {
		return // rule 3: the conversion and the arithmetic are one expression
	}
	rep.Report("uintptr-held", c.Pos(), "address held in a uintptr since "+rep.Line(c.Pos(), a.Pos)+
		" is converted back to a pointer; the garbage collector may have moved or freed the object",
		analysis.RelatedInformation{Pos: a.Pos, Message: "address taken here"})
}

// valueHeaderData reports whether x is the Data field of a reflect header declared as a value,
// plus an offset: rule 6 allows reading Data only through a header that views a real slice or
// string. It returns the header's type name and declaration, or "".
//
//	t1 = local reflect.StringHeader (s3)
//	t2 = &t1.Data [#0]
//	t3 = *t2
//	t4 = convert unsafe.Pointer <- uintptr (t3)
func valueHeaderData(x ssa.Value) (string, token.Pos) {
	for {
		bin, ok := x.(*ssa.BinOp)
		if !ok || bin.Op != token.ADD && bin.Op != token.SUB {
			break
		}
		x = bin.X
	}
	ld, ok := x.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return "", token.NoPos
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok || fa.Field != 0 {
		return "", token.NoPos
	}
	alloc, ok := fa.X.(*ssa.Alloc)
	if !ok {
		return "", token.NoPos
	}
	return memmodel.HeaderName(alloc.Type()), alloc.Pos()
}

// isGoPointer reports whether p certainly points into Go memory, which the collector may move
// (a stack) or free: memory this function allocated (a variable, new, make), or what a
// parameter of a Go pointer, slice or string type points into.
//
// Deliberate silence: an unsafe.Pointer or uintptr parameter, a pointer to a cgo type, a loaded
// pointer: any may point into memory that never moves or is kept alive otherwise (the runtime's
// funcdata tables, C memory); the model cannot tell, so it is not reported.
func isGoPointer(m *memmodel.Model, p ssa.Value) bool {
	if o := m.ObjectOf(p); o != nil && o.IsGoMemory() {
		return true
	}
	return goTypedParam(p)
}

// goTypedParam reports whether p is derived from a parameter of type *T, []T or string, where T
// is a Go type (not a cgo one), by conversions, field and element addresses.
func goTypedParam(p ssa.Value) bool {
	param, ok := addressBase(p).(*ssa.Parameter)
	return ok && isGoTyped(param.Type())
}

// addressBase returns the value p derives from by conversions, field and element addresses
// and reslicing.
func addressBase(p ssa.Value) ssa.Value {
	for {
		switch x := p.(type) {
		case *ssa.Convert:
			p = x.X
		case *ssa.ChangeType:
			p = x.X
		case *ssa.FieldAddr:
			p = x.X
		case *ssa.IndexAddr:
			p = x.X
		case *ssa.Slice:
			p = x.X
		default:
			return p
		}
	}
}

func isGoTyped(t types.Type) bool {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		elem = u.Elem()
	case *types.Slice:
		elem = u.Elem()
	case *types.Basic:
		return u.Kind() == types.String
	default:
		return false
	}
	if n, ok := types.Unalias(elem).(*types.Named); ok && isCgoName(n.Obj().Name()) {
		return false
	}
	return true
}

// isCgoName reports whether a type name is one cmd/cgo generates (_Ctype_struct_x).
func isCgoName(name string) bool { return len(name) > 7 && name[:7] == "_Ctype_" }

// checkHeaderStore reports h.Data = uintptr(p) where h is a reflect.SliceHeader or
// StringHeader declared as a value rather than converted from a real slice (rule 6), also when
// the address comes from another header's Data.
func checkHeaderStore(rep *checks.Reporter, m *memmodel.Model, st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || fa.Field != 0 {
		return
	}
	hdr := memmodel.HeaderName(fa.X.Type())
	if hdr == "" {
		return
	}
	if _, isValue := fa.X.(*ssa.Alloc); !isValue {
		return
	}
	// Deliberate silence: a header over C or mmap'd memory needs nothing to keep it alive.
	a := memmodel.AddressIn(st.Val)
	if a == nil || m.ObjectOf(a.Ptr).IsManual() {
		return
	}
	rep.Report("reflect-header", st.Pos(), "reflect."+hdr+" built as a value: its Data field does not keep "+
		"the object alive (unsafe.Pointer rule 6); use unsafe.Slice or unsafe.String")
}

// checkKeepAlive reports a call that receives the address of a local struct value one of whose
// integer fields holds the address of Go memory, when nothing in the function uses that memory
// after the call: the integer does not keep it alive, and a system call that reads it through
// the struct may find it freed, or its stack slot reused.
//
//	t1 = local unix.bpfAttr (attr)
//	t2 = &t1.key [#0]
//	t3 = convert uintptr <- unsafe.Pointer (t0)    attr.key = uint64(uintptr(unsafe.Pointer(&k)))
//	t4 = convert uint64 <- uintptr (t3)
//	*t2 = t4
//	t5 = convert unsafe.Pointer <- *bpfAttr (t1)
//	t6 = convert uintptr <- unsafe.Pointer (t5)
//	t7 = syscall.Syscall(…, t6, …)                 syscall(…, uintptr(unsafe.Pointer(&attr)), …)
func checkKeepAlive(rep *checks.Reporter, m *memmodel.Model, call *ssa.Call) {
	for _, arg := range call.Call.Args {
		s := structAddr(arg)
		if s == nil {
			continue
		}
		for _, ref := range *s.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			for _, r := range *fa.Referrers() {
				st, ok := r.(*ssa.Store)
				if !ok || st.Addr != fa || !isInteger(st.Val.Type()) || !memmodel.Before(st, call) {
					continue
				}
				a := memmodel.AddressIn(st.Val)
				if a == nil || !isGoPointer(m, a.Ptr) {
					continue
				}
				base := allocBase(a.Ptr)
				if base == nil || usedAfter(base, call) {
					continue
				}
				field := s.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct).Field(fa.Field)
				rep.Report("uintptr-held", call.Pos(), "the address stored in "+s.Comment+"."+field.Name()+
					" on "+rep.Line(call.Pos(), st.Pos())+" is an integer, which does not keep its object alive "+
					"during this call; use the object after the call or call runtime.KeepAlive",
					analysis.RelatedInformation{Pos: st.Pos(), Message: "address stored here"},
					analysis.RelatedInformation{Pos: a.Pos, Message: "address taken here"})
				return
			}
		}
	}
}

// structAddr returns the local struct value whose address arg is, converted to unsafe.Pointer
// or uintptr, or nil.
func structAddr(arg ssa.Value) *ssa.Alloc {
	for {
		c, ok := arg.(*ssa.Convert)
		if !ok {
			break
		}
		arg = c.X
	}
	alloc, ok := arg.(*ssa.Alloc)
	if !ok {
		return nil
	}
	if _, isStruct := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct); !isStruct {
		return nil
	}
	return alloc
}

// allocBase returns the allocation this function made that p points into, or nil.
func allocBase(p ssa.Value) ssa.Value {
	switch x := addressBase(p).(type) {
	case *ssa.Alloc, *ssa.MakeSlice:
		return x
	}
	return nil
}

// usedAfter reports whether some instruction that may run after call refers to v or to a value
// derived from it by address arithmetic (a use keeps v alive until it runs).
func usedAfter(v ssa.Value, call *ssa.Call) bool {
	after := reachableAfter(call)
	var uses func(v ssa.Value, depth int) bool
	uses = func(v ssa.Value, depth int) bool {
		for _, r := range *v.Referrers() {
			if r == ssa.Instruction(call) {
				continue
			}
			if after(r) {
				return true
			}
			if dv, ok := r.(ssa.Value); ok && depth < 4 {
				switch r.(type) {
				case *ssa.Convert, *ssa.ChangeType, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Slice:
					if uses(dv, depth+1) {
						return true
					}
				}
			}
		}
		return false
	}
	return uses(v, 0)
}

// reachableAfter returns a predicate saying whether an instruction may run after call.
func reachableAfter(call *ssa.Call) func(ssa.Instruction) bool {
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), call.Block().Succs...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !seen[b] {
			seen[b] = true
			stack = append(stack, b.Succs...)
		}
	}
	return func(in ssa.Instruction) bool {
		if in.Block() == nil {
			return false
		}
		if seen[in.Block()] {
			return true
		}
		return in.Block() == call.Block() && memmodel.Before(call, in)
	}
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

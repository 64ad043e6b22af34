package escape

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/memmodel"
	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
)

// Addresses passed to a function as uintptrs.
//
// The compiler keeps an object alive while its address, converted to uintptr in the argument
// list, is passed to syscall.Syscall and its kin (//go:uintptrkeepalive), or to a function
// marked //go:uintptrescapes. Any other function receives a plain integer: a wrapper that
// passes it on to syscall.Syscall, or converts it back to a pointer, may find the object moved
// (a stack that grew) or freed. This is the wrapper bug of golang/go#13372 and x/sys's ioctl
// helpers:
//
//	func ioctl(fd, req, arg uintptr) error {
//		_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, arg)   // arg: a sink
//		...
//	}
//	ioctl(fd, TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))                 // uintptr-held
//
// A sink parameter is a uintptr parameter that reaches, by rule 3's arithmetic, conversions
// and phis, a conversion to unsafe.Pointer, an argument of a keep-alive system call, or a sink
// parameter of another function of the package. A call that passes the address of Go memory to
// a sink, with nothing in the caller using the object after the call, is reported.
//
// Deliberate silence: functions of other packages (their bodies are not seen), and callees
// marked //go:uintptrescapes or //go:uintptrkeepalive.

// A uintptrSink says where a parameter's address becomes a pointer again, or reaches a call.
type uintptrSink struct {
	pos token.Pos
	how string // "converts it back to a pointer", "passes it to syscall.Syscall"
}

// uintptrSinks maps each function of the package to its sink parameters by index.
type uintptrSinks map[*ssa.Function]map[int]uintptrSink

// buildUintptrSinks finds the sink parameters of the package's functions, to a fixpoint over
// the calls between them.
func buildUintptrSinks(files []*ast.File, funcs []*ssa.Function) uintptrSinks {
	exempt := keepAliveFuncs(files)
	sinks := uintptrSinks{}
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if fn.Blocks == nil || exempt[fn.Pos()] {
				continue
			}
			for i, p := range fn.Params {
				if !isUintptr(p.Type()) || sinks[fn][i].pos.IsValid() {
					continue
				}
				if s, ok := sinkOf(p, sinks); ok {
					if sinks[fn] == nil {
						sinks[fn] = map[int]uintptrSink{}
					}
					sinks[fn][i] = s
					changed = true
				}
			}
		}
	}
	return sinks
}

// sinkOf follows the integer p to where it becomes a pointer again or is passed to a system
// call.
func sinkOf(p ssa.Value, sinks uintptrSinks) (uintptrSink, bool) {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) (uintptrSink, bool)
	walk = func(v ssa.Value) (uintptrSink, bool) {
		if seen[v] || len(seen) > 64 {
			return uintptrSink{}, false
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Convert:
				if isUnsafePointer(r.Type()) {
					return uintptrSink{r.Pos(), "converts it back to a pointer"}, true
				}
				if isInteger(r.Type()) {
					if s, ok := walk(r); ok {
						return s, true
					}
				}
			case *ssa.Phi:
				if s, ok := walk(r); ok {
					return s, true
				}
			case *ssa.BinOp:
				if r.Op == token.ADD || r.Op == token.SUB && r.X == v || r.Op == token.AND_NOT && r.X == v {
					if s, ok := walk(r); ok {
						return s, true
					}
				}
			case *ssa.Call:
				if name := keepAliveCall(r.Common()); name != "" {
					return uintptrSink{r.Pos(), "passes it to " + name}, true
				}
				callee := r.Call.StaticCallee()
				for j, a := range r.Call.Args {
					if a == v && callee != nil {
						if _, ok := sinks[callee][j]; ok {
							return uintptrSink{r.Pos(), "passes it to " + callee.Name() + ", which needs a pointer"}, true
						}
					}
				}
			}
		}
		return uintptrSink{}, false
	}
	return walk(p)
}

// keepAliveCall names a call to one of the system calls the compiler keeps uintptr-converted
// pointer arguments alive for (//go:uintptrkeepalive in syscall and golang.org/x/sys), or "".
func keepAliveCall(c *ssa.CallCommon) string {
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Signature.Recv() != nil {
		return ""
	}
	switch fn.Pkg.Pkg.Path() {
	case "syscall", "golang.org/x/sys/unix", "golang.org/x/sys/windows":
	default:
		return ""
	}
	if strings.HasPrefix(fn.Name(), "Syscall") || strings.HasPrefix(fn.Name(), "RawSyscall") {
		return fn.Pkg.Pkg.Name() + "." + fn.Name()
	}
	return ""
}

// keepAliveFuncs returns the positions of the package's functions marked //go:uintptrescapes or
// //go:uintptrkeepalive: their callers' uintptr arguments keep their objects alive.
func keepAliveFuncs(files []*ast.File) map[token.Pos]bool {
	out := map[token.Pos]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue
			}
			for _, c := range fd.Doc.List {
				if c.Text == "//go:uintptrescapes" || c.Text == "//go:uintptrkeepalive" {
					out[fd.Name.Pos()] = true
				}
			}
		}
	}
	return out
}

// checkUintptrArgs reports a call that passes the address of Go memory, as a uintptr, to a sink
// parameter, with nothing after the call using the object.
func checkUintptrArgs(rep *checks.Reporter, m *memmodel.Model, sinks uintptrSinks, call *ssa.Call) {
	callee := call.Call.StaticCallee()
	if callee == nil || sinks[callee] == nil {
		return
	}
	for i, arg := range call.Call.Args {
		s, ok := sinks[callee][i]
		if !ok {
			continue
		}
		a := memmodel.AddressIn(arg)
		if a == nil || !isGoPointer(m, a.Ptr) {
			continue
		}
		base := allocBase(a.Ptr)
		if base == nil {
			continue
		}
		// An object whose pointer goes nowhere stays on the stack (the compiler's escape
		// analysis does not follow integers), and moves when the callee's stack grows, whatever
		// uses it later; an object on the heap only needs to stay reachable.
		if keptAsPointer(a.Ptr) && usedAfter(base, call) {
			continue
		}
		rep.Report("uintptr-held", call.Pos(), "address of Go memory passed as a uintptr to "+callee.Name()+
			", which "+s.how+" on "+rep.Line(call.Pos(), s.pos)+"; a uintptr argument keeps its object alive "+
			"only in a direct call to a system call: pass an unsafe.Pointer, or mark "+callee.Name()+" //go:uintptrescapes",
			analysis.RelatedInformation{Pos: a.Pos, Message: "address taken here"},
			analysis.RelatedInformation{Pos: s.pos, Message: "used as a pointer here"})
		return
	}
}

// checkSyscallArgs reports a system call (one the compiler keeps uintptr-converted pointer
// arguments alive for) passed the address of Go memory as an integer converted before the call
// expression, with a call between the two: rule 4 keeps the object alive, and in place, only
// for a conversion written in the call's own arguments. The call between is where the stack
// may grow, and move the object, or the collector run.
//
//	t1 = convert uintptr <- unsafe.Pointer (t0)     ptr := uintptr(unsafe.Pointer(&one))
//	t2 = fmt.Printf(...)                              fmt.Printf(...)
//	t3 = unix.Syscall(1:uintptr, t4, t1, 8:uintptr)   unix.Syscall(unix.SYS_WRITE, fd, ptr, 8)
func checkSyscallArgs(rep *checks.Reporter, m *memmodel.Model, calls map[token.Pos]*ast.CallExpr, call *ssa.Call) {
	name := keepAliveCall(call.Common())
	expr := calls[call.Pos()]
	if name == "" || expr == nil {
		return
	}
	for _, arg := range call.Call.Args {
		if !isInteger(arg.Type()) {
			continue
		}
		a := memmodel.AddressIn(arg)
		if a == nil || !a.Pos.IsValid() || !isGoPointer(m, a.Ptr) || expr.Pos() <= a.Pos && a.Pos < expr.End() {
			continue
		}
		base := allocBase(a.Ptr)
		if base == nil || keptAsPointer(a.Ptr) && usedAfter(base, call) {
			continue
		}
		conv := conversionAt(a.Ptr, a.Pos)
		if conv == nil || !callBetween(conv, call) {
			continue
		}
		rep.Report("uintptr-held", call.Pos(), "address of Go memory converted to a uintptr on "+rep.Line(call.Pos(), a.Pos)+
			" is passed to "+name+" after other calls ran: only a conversion written in the system call's own "+
			"arguments keeps the object alive and in place (unsafe.Pointer rule 4); convert it in the call",
			analysis.RelatedInformation{Pos: a.Pos, Message: "address taken here"})
		return
	}
}

// conversionAt returns the conversion of p to an integer at pos, or nil.
func conversionAt(p ssa.Value, pos token.Pos) ssa.Instruction {
	for _, r := range *p.Referrers() {
		if c, ok := r.(*ssa.Convert); ok && c.Pos() == pos && isInteger(c.Type()) {
			return c
		}
	}
	return nil
}

// callBetween reports whether a call other than a builtin's may run after a and before b: one
// between them in their block, or any path through other blocks.
func callBetween(a, b ssa.Instruction) bool {
	found, same := ssaq.AnyBetween(a, b, func(in ssa.Instruction) bool {
		c, ok := in.(ssa.CallInstruction)
		if !ok {
			return false
		}
		_, builtin := c.Common().Value.(*ssa.Builtin)
		return !builtin
	})
	return !same || found
}

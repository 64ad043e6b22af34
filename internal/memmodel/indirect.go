package memmodel

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Indirect calls the call site can resolve (issue 13, item 3).
//
// A method called through an interface whose dynamic value the function itself made is a call
// of that type's method, and so is a method value called later:
//
//	var c io.Closer = r        t1 = make io.Closer <- *res (t0)
//	c.Close()                  invoke t1.Close()          the summary of (*res).Close, receiver t0
//	f := r.Close               t2 = make closure (*res).Close$bound [t0]
//	f()                        t2()                       the same
//
// Anything else stays opaque: an interface that arrives as a parameter, a func value loaded
// from memory the model does not follow. The caller of a helper that receives the interface
// resolves it there (Summary.Invokes).

// maxConcreteDepth bounds how far concreteOf follows an interface value back.
const maxConcreteDepth = 4

// concreteOf returns the value an interface value v was made from, when the function made it
// and nothing could have replaced it: MakeInterface, through interface conversions and loads
// of a variable stored once. nil if not known.
func concreteOf(v ssa.Value) ssa.Value {
	for range maxConcreteDepth {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			return x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.UnOp:
			sv := storedValue(x)
			if sv == nil {
				return nil
			}
			v = sv
		default:
			return nil
		}
	}
	return nil
}

// resolveInvoke returns the concrete method an invoke-mode call c runs, and its receiver; nil
// when the dynamic type is not known, or the method is a wrapper the model has no summary of.
func (fa *funcAnalysis) resolveInvoke(c *ssa.CallCommon) (*ssa.Function, ssa.Value) {
	recv := concreteOf(c.Value)
	if recv == nil {
		return nil, nil
	}
	return lookupMethod(fa.fn.Prog, recv, methodPkg(c.Method), c.Method.Name()), recv
}

// methodPkg returns the path of the package of an unexported method, which names it together
// with its name; "" for an exported one.
func methodPkg(m interface {
	Exported() bool
	Pkg() *types.Package
}) string {
	if m.Exported() || m.Pkg() == nil {
		return ""
	}
	return m.Pkg().Path()
}

// lookupMethod returns recv's method name, or nil: a method the program cannot build (a
// generic one) or that recv's type lacks.
func lookupMethod(prog *ssa.Program, recv ssa.Value, pkg string, name string) (fn *ssa.Function) {
	defer func() {
		if recover() != nil {
			fn = nil // LookupMethod panics on a type without the method
		}
	}()
	t := recv.Type()
	ms := prog.MethodSets.MethodSet(t)
	for i := range ms.Len() {
		sel := ms.At(i)
		if m := sel.Obj().(*types.Func); m.Name() == name && methodPkg(m) == pkg {
			fn = prog.MethodValue(sel)
			if fn != nil && isWrapper(fn) {
				return nil // a promotion or pointer wrapper: no summary of its own
			}
			return fn
		}
	}
	return nil
}

// isWrapper reports whether fn is a wrapper the SSA builder made (of a promoted method, of a
// value method for a pointer, of a method expression), as opposed to a function declared in
// source, loaded from export data or instantiated.
func isWrapper(fn *ssa.Function) bool {
	return strings.Contains(fn.Synthetic, "wrapper") || strings.HasPrefix(fn.Synthetic, "thunk")
}

// boundTarget returns the method a bound method wrapper (the function of a method value r.M)
// calls, or nil if fn is not one.
//
//	func (*res).Close$bound() error:   synthetic: bound method wrapper for func (*res).Close() error
//		t0 = (*res).Close(r)
//		return t0
func boundTarget(fn *ssa.Function) *ssa.Function {
	if !strings.HasPrefix(fn.Synthetic, "bound method wrapper") || len(fn.FreeVars) != 1 {
		return nil
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok && !call.Call.IsInvoke() {
				if t := call.Call.StaticCallee(); t != nil && len(call.Call.Args) > 0 && call.Call.Args[0] == fn.FreeVars[0] {
					return t
				}
			}
		}
	}
	return nil
}

// recordInvoke records, in the summary, an invoke-mode call c that the function makes on an
// interface value one of its inputs holds, when nothing here tells its dynamic type.
//
// A call of a func value an input holds is recorded the same way, with no method: a caller that
// passes a closure or a method value applies what calling it does (a helper that runs its
// callback out of line: func outOfLine(f func()) { f() }).
func (fa *funcAnalysis) recordInvoke(instr ssa.CallInstruction, c *ssa.CallCommon) {
	if !fa.final {
		return
	}
	i, ok := fa.inputs[c.Value]
	if !ok {
		return
	}
	if c.IsInvoke() {
		fa.sum.invoke(Invoke{Input: i, Method: c.Method.Name(), Pkg: methodPkg(c.Method)}, onEveryReturn(fa.fn, instr.Block()))
	} else if _, isFunc := c.Value.Type().Underlying().(*types.Signature); isFunc {
		fa.sum.invoke(Invoke{Input: i}, onEveryReturn(fa.fn, instr.Block()))
	}
}

func (sb *summaryBuilder) invoke(iv Invoke, must bool) {
	if sb.invokes == nil {
		sb.invokes = map[Invoke]bool{}
	}
	sb.invokes[iv] = sb.invokes[iv] || must
}

// applyInvokes applies a callee's invokes at a call: where an argument is an interface value
// whose dynamic type the caller knows, the method's kills of its receiver happen to that value;
// where it is the caller's own input, the invoke is the caller's too.
func (fa *funcAnalysis) applyInvokes(s *state, instr ssa.CallInstruction, sum *Summary, inputs []ssa.Value, via string, deferred bool) {
	for _, iv := range sum.Invokes {
		if iv.Input >= len(inputs) {
			continue
		}
		arg := inputs[iv.Input]
		if iv.Method == "" {
			fa.applyFuncCall(s, instr, arg, iv.Must, via, deferred)
			continue
		}
		recv := concreteOf(arg)
		if recv == nil {
			if i, ok := fa.inputs[arg]; ok && fa.final {
				iv.Input = i
				fa.sum.invoke(Invoke{Input: i, Method: iv.Method, Pkg: iv.Pkg}, iv.Must && onEveryReturn(fa.fn, instr.Block()))
			}
			continue
		}
		m := lookupMethod(fa.fn.Prog, recv, iv.Pkg, iv.Method)
		if m == nil {
			continue
		}
		msum := fa.b.summaryOf(m)
		if msum == nil {
			continue
		}
		fa.applyPart(s, instr, inputsPart(msum, 0, 1), []ssa.Value{recv}, iv.Must, cmpOr(via, fa.b.displayName(m)), deferred)
	}
}

// applyFuncCall applies, at a call of a helper that calls the func value arg (on every path
// when must), what calling arg does to what it captured: a closure's effects on its bindings,
// a method value's on its receiver. A func value the caller received itself becomes its own
// summary's call.
//
//	t3 = make closure Push$1 [r, v]        outOfLine(func() { r.pushSlow(v) })
//	t4 = outOfLine(t3)
func (fa *funcAnalysis) applyFuncCall(s *state, instr ssa.CallInstruction, arg ssa.Value, must bool, via string, deferred bool) {
	mc, ok := arg.(*ssa.MakeClosure)
	if !ok {
		if i, ok := fa.inputs[arg]; ok && fa.final {
			fa.sum.invoke(Invoke{Input: i}, must && onEveryReturn(fa.fn, instr.Block()))
		}
		return
	}
	fn := mc.Fn.(*ssa.Function)
	if m := boundTarget(fn); m != nil {
		if msum := fa.b.summaryOf(m); msum != nil {
			fa.applyPart(s, instr, inputsPart(msum, 0, 1), mc.Bindings[:1], must, cmpOr(via, fa.b.displayName(m)), deferred)
		}
		return
	}
	if csum := fa.b.summaryOf(fn); csum != nil {
		fa.applyPart(s, instr, inputsPart(csum, len(fn.Params), len(mc.Bindings)), mc.Bindings, must, via, deferred)
	}
}

// applyPart applies the part sub of a callee's summary whose inputs are recvs, as a direct call
// would, in the same order; its kills are certain only when must.
func (fa *funcAnalysis) applyPart(s *state, instr ssa.CallInstruction, sub *Summary, recvs []ssa.Value, must bool, via string, deferred bool) {
	for i := range sub.Kills {
		sub.Kills[i].Must = sub.Kills[i].Must && must
	}
	if !deferred {
		fa.callFills(s, instr, sub, recvs)
	}
	stores := fa.resolveStores(s, sub, recvs, deferred)
	for _, pk := range sub.Kills {
		fa.applyKill(s, instr, recvs, pk, callVia(via, pk), deferred)
	}
	fa.applyWrites(s, sub, recvs)
	for sk, sv := range stores {
		s.slots.Set(sk, sv)
	}
}

// inputsPart returns what sum does to its inputs [from, from+n), numbered from 0: the receiver
// of an invoked method (0, 1), or a closure's captured variables (after its parameters). That
// is its kills, writes, fills and the stores between those inputs' own slots, in the same order
// of application as a direct call (a Put the method undoes by overwriting the field is no
// kill). The other inputs are the helper's arguments, which the caller does not see.
func inputsPart(sum *Summary, from, n int) *Summary {
	in := func(p *Path) bool {
		if p.Input < from || p.Input >= from+n {
			return false
		}
		p.Input -= from
		return true
	}
	sub := &Summary{}
	for _, pk := range sum.Kills {
		if in(&pk.Path) {
			sub.Kills = append(sub.Kills, pk)
		}
	}
	for _, w := range sum.Writes {
		if in(&w) {
			sub.Writes = append(sub.Writes, w)
		}
	}
	for _, f := range sum.Fills {
		if in(&f) {
			sub.Fills = append(sub.Fills, f)
		}
	}
	for _, fr := range sum.FillsAt {
		if p := (Path{Input: fr.Input}); in(&p) {
			sub.FillsAt = append(sub.FillsAt, FillRange{Input: p.Input, Ranges: fr.Ranges})
		}
	}
	for _, st := range sum.Stores {
		if in(&st.Dst) && in(&st.Src) {
			sub.Stores = append(sub.Stores, st)
		}
	}
	return sub
}

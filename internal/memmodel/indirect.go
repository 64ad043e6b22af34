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
func (fa *funcAnalysis) recordInvoke(instr ssa.CallInstruction, c *ssa.CallCommon) {
	if !fa.final || !c.IsInvoke() {
		return
	}
	if i, ok := fa.inputs[c.Value]; ok {
		fa.sum.invoke(Invoke{Input: i, Method: c.Method.Name(), Pkg: methodPkg(c.Method)}, onEveryReturn(fa.fn, instr.Block()))
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
		sub := receiverPart(msum)
		for i := range sub.Kills {
			sub.Kills[i].Must = sub.Kills[i].Must && iv.Must
		}
		mvia := via
		if mvia == "" {
			mvia = fa.b.displayName(m)
		}
		recvs := []ssa.Value{recv}
		if !deferred {
			fa.callFills(s, instr, sub, recvs)
		}
		stores := fa.resolveStores(s, sub, recvs, deferred)
		for _, pk := range sub.Kills {
			fa.applyKill(s, instr, recvs, pk, callVia(mvia, pk), deferred)
		}
		fa.applyWrites(s, sub, recvs)
		for sk, sv := range stores {
			s.slots.Set(sk, sv)
		}
	}
}

// receiverPart returns what sum does to its input 0, the receiver of an invoked method: its
// kills, writes, fills and the stores between the receiver's own slots, in the same order of
// application as a direct call (a Put the method undoes by overwriting the field is no kill).
// The method's other arguments are the helper's, which the caller does not see.
func receiverPart(sum *Summary) *Summary {
	sub := &Summary{}
	for _, pk := range sum.Kills {
		if pk.Path.Input == 0 {
			sub.Kills = append(sub.Kills, pk)
		}
	}
	for _, w := range sum.Writes {
		if w.Input == 0 {
			sub.Writes = append(sub.Writes, w)
		}
	}
	for _, f := range sum.Fills {
		if f.Input == 0 {
			sub.Fills = append(sub.Fills, f)
		}
	}
	for _, st := range sum.Stores {
		if st.Dst.Input == 0 && st.Src.Input == 0 {
			sub.Stores = append(sub.Stores, st)
		}
	}
	return sub
}

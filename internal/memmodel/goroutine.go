package memmodel

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Goroutines: `go f(p)` and `go func() { use(p) }()` use p asynchronously, from the go statement
// until the spawning function waits for the goroutine. A free in the spawning function before
// any such wait races with the use: the goroutine may run after it, and then it uses freed
// memory (the cgo callback that outlives the C buffer it was handed).
//
// The state keeps, per object, the go statement that started a goroutine using it (a may-set:
// a join keeps what either side started). What may wait for another goroutine ends every entry:
// a channel receive, a select, a call the model cannot see into, and a call whose summary says
// it blocks (sync.WaitGroup.Wait, a Mutex's Lock, anything that calls them or receives). So the
// check is silent whenever a wait may come between the go statement and the free, whatever it
// waits for.

// asyncUse is a goroutine's use of an object: the go statement, and where the goroutine's body
// dereferences it, if the model can show that (a closure of this package).
type asyncUse struct {
	goPos  token.Pos
	usePos token.Pos
}

// spawn records the objects the goroutine of a go statement uses, and applies what it may write
// and fill. Its kills are not the caller's: they happen whenever the goroutine runs. A goroutine
// the model cannot see into is an opaque call.
func (fa *funcAnalysis) spawn(s *state, g *ssa.Go) {
	sum, inputs, _ := fa.callee(g.Common())
	if sum == nil {
		fa.opaque(s, g.Common())
		return
	}
	fa.callFills(s, g, sum, inputs)
	fa.applyWrites(s, sum, inputs)
	add := func(r *root, o *Object, i int) {
		if r != nil {
			o = r.obj
		}
		if o == nil || o == objTop || !o.IsManual() && o.Kind != KindPool {
			return
		}
		if _, ok := s.async.Lookup(o); !ok {
			s.async.Set(o, asyncUse{goPos: g.Pos(), usePos: goroutineUse(g, i)})
		}
	}
	for _, i := range sum.Uses {
		if i < len(inputs) {
			add(fa.rootOf(inputs[i]), nil, i)
		}
	}
	if sum.UsesAll {
		for i, in := range inputs {
			add(fa.rootOf(in), nil, i)
		}
	}
	for _, p := range sum.UsesVia {
		r, o := fa.resolve(s, inputs, p)
		add(r, o, p.Input)
	}
}

// goroutineUse returns the position of the first instruction of a go statement's closure that
// works with its input i, the witness of the use; NoPos if it is not a closure of this package.
func goroutineUse(g *ssa.Go, i int) token.Pos {
	mc, ok := g.Call.Value.(*ssa.MakeClosure)
	if !ok {
		return token.NoPos
	}
	fn := mc.Fn.(*ssa.Function)
	var v ssa.Value
	switch j := i - len(g.Call.Args); {
	case i < len(fn.Params):
		v = fn.Params[i]
	case j >= 0 && j < len(fn.FreeVars):
		v = fn.FreeVars[j]
	default:
		return token.NoPos
	}
	for depth := 0; depth < 3 && v != nil; depth++ {
		var next ssa.Value
		for _, ref := range *v.Referrers() {
			if ref.Pos().IsValid() {
				if u, isLoad := ref.(*ssa.UnOp); isLoad && u.Op == token.MUL && depth == 0 && isFree(v) {
					next = u // the captured variable's value, loaded
					break
				}
				return ref.Pos()
			}
		}
		v = next
	}
	return token.NoPos
}

func isFree(v ssa.Value) bool {
	_, ok := v.(*ssa.FreeVar)
	return ok
}

// wait ends every goroutine's hold: the function may have waited for them.
func (s *state) wait() {
	if s.async.Len() == 0 {
		return
	}
	for o := range s.async.Map() {
		s.async.Del(o)
	}
}

// mayWait reports whether instr may wait for another goroutine.
func (fa *funcAnalysis) mayWait(instr ssa.Instruction) bool {
	switch in := instr.(type) {
	case *ssa.UnOp:
		return in.Op == token.ARROW
	case *ssa.Select:
		return true
	case ssa.CallInstruction:
		if _, isGo := in.(*ssa.Go); isGo {
			return false
		}
		if _, ok := in.Common().Value.(*ssa.Builtin); ok {
			return false
		}
		sum, _, _ := fa.callee(in.Common())
		return sum == nil || sum.Blocks
	}
	return false
}

// raced reports a kill of an object a goroutine may still use.
func (fa *funcAnalysis) raced(s *state, o *Object, k *kill, deferred bool) {
	if o == nil || k.kind == KillRealloc {
		return
	}
	u, ok := s.async.Lookup(o)
	if !ok {
		return
	}
	pos := u.usePos
	if !pos.IsValid() {
		pos = u.goPos
	}
	fa.event(Event{Kind: EvAsyncUse, Pos: pos, Op: "goroutine", Obj: o, Kill: k.export(), Go: u.goPos,
		Deferred: deferred})
}

package memmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// What the leak search knows of calls it cannot resolve by name (owners.go).
//
// A function without a body (assembly) marked //go:noescape keeps none of its pointer arguments:
// that is the compiler's own contract for it, which its escape analysis trusts. And a call
// through an unexported package variable of func type calls one of the functions the package
// stores there (crc32's updateIEEE is archUpdateIEEE or a closure over slicingUpdate): it
// borrows an argument when every one of them does.

// noescapeFuncs returns the functions declared without a body and marked //go:noescape.
func noescapeFuncs(files []*ast.File, info *types.Info) map[*types.Func]bool {
	var out map[*types.Func]bool
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body != nil || fd.Doc == nil {
				continue
			}
			for _, c := range fd.Doc.List {
				if strings.HasPrefix(c.Text, "//go:noescape") {
					if obj, ok := info.Defs[fd.Name].(*types.Func); ok {
						if out == nil {
							out = map[*types.Func]bool{}
						}
						out[obj] = true
					}
				}
			}
		}
	}
	return out
}

// funcVarTargets returns the functions the package stores into g, an unexported package
// variable of func type, or nil when it stores anything else (a parameter, a loaded value) or
// nothing. It is computed once per package, over every function's stores.
func (b *builder) funcVarTargets(g *ssa.Global) []*ssa.Function {
	if b.funcVars == nil {
		b.funcVars = map[*ssa.Global][]*ssa.Function{}
		unknown := map[*ssa.Global]bool{}
		fns := b.srcFuncs
		if len(fns) > 0 && fns[0].Pkg != nil {
			// A package variable's initializer runs in init, whose anonymous functions
			// (sync.OnceFunc(func() { updateIEEE = ... })) SrcFuncs does not list.
			var add func(fn *ssa.Function)
			add = func(fn *ssa.Function) {
				fns = append(fns, fn)
				for _, a := range fn.AnonFuncs {
					add(a)
				}
			}
			if init := fns[0].Pkg.Func("init"); init != nil {
				fns = append([]*ssa.Function(nil), fns...)
				add(init)
			}
		}
		for _, fn := range fns {
			for _, blk := range fn.Blocks {
				for _, instr := range blk.Instrs {
					st, ok := instr.(*ssa.Store)
					if !ok {
						continue
					}
					gv, ok := st.Addr.(*ssa.Global)
					if !ok {
						continue
					}
					if _, isFunc := st.Val.Type().Underlying().(*types.Signature); !isFunc {
						continue
					}
					switch v := st.Val.(type) {
					case *ssa.Function:
						b.funcVars[gv] = append(b.funcVars[gv], v)
					case *ssa.MakeClosure:
						if fn, ok := v.Fn.(*ssa.Function); ok && len(v.Bindings) == 0 {
							b.funcVars[gv] = append(b.funcVars[gv], fn)
							continue
						}
						unknown[gv] = true
					default:
						unknown[gv] = true
					}
				}
			}
		}
		for gv := range unknown {
			b.funcVars[gv] = nil
		}
	}
	if g.Object() == nil || g.Object().Exported() || g.Pkg.Pkg != b.pass.Pkg {
		return nil // another package may store into it
	}
	return b.funcVars[g]
}

// funcVarLoad returns the package variable a call's function value is loaded from, or nil.
//
//	t0 = *updateIEEE                    func(crc uint32, p []byte) uint32
//	t1 = t0(0:uint32, data)
func funcVarLoad(v ssa.Value) *ssa.Global {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		g, _ := u.X.(*ssa.Global)
		return g
	}
	return nil
}

package ssaq

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

const betweenSrc = `package p

func g() {}

func f(a, b []int, c bool) int {
	x := len(a)
	g()
	y := len(b)
	if c {
		return x
	}
	return y
}

func VarArgs(args ...any) {}

func h(b []byte, s string) {
	VarArgs(b, s, 1)
}
`

func buildBetween(t *testing.T) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", betweenSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", ""), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// TestAnyBetween checks the instructions strictly between two of one block, and the answers
// across blocks and in reverse order.
func TestAnyBetween(t *testing.T) {
	fn := buildBetween(t).Func("f")
	var lens []ssa.Instruction
	var ret ssa.Instruction
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "len" {
					lens = append(lens, in)
				}
			}
			if r, ok := in.(*ssa.Return); ok && ret == nil {
				ret = r
			}
		}
	}
	if len(lens) != 2 || ret == nil {
		t.Fatalf("want two len calls and a return in f, got %d and %v", len(lens), ret)
	}
	isCall := func(in ssa.Instruction) bool {
		c, ok := in.(*ssa.Call)
		if !ok {
			return false
		}
		_, builtin := c.Call.Value.(*ssa.Builtin)
		return !builtin
	}
	isStore := func(in ssa.Instruction) bool { _, ok := in.(*ssa.Store); return ok }
	for _, tc := range []struct {
		name        string
		a, b        ssa.Instruction
		pred        func(ssa.Instruction) bool
		found, same bool
	}{
		{"call between", lens[0], lens[1], isCall, true, true},
		{"no store between", lens[0], lens[1], isStore, false, true},
		{"reversed", lens[1], lens[0], isCall, false, false},
		{"other block", lens[0], ret, isCall, false, false},
		{"adjacent", lens[0], lens[0], isCall, false, false},
	} {
		found, same := AnyBetween(tc.a, tc.b, tc.pred)
		if found != tc.found || same != tc.same {
			t.Errorf("%s: AnyBetween = %v, %v; want %v, %v", tc.name, found, same, tc.found, tc.same)
		}
	}
}

// TestVarArgs checks the operands of a variadic call, before their conversion to any.
func TestVarArgs(t *testing.T) {
	fn := buildBetween(t).Func("h")
	var call *ssa.Call
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				call = c
			}
		}
	}
	ops := VarArgs(call.Call.Args[len(call.Call.Args)-1])
	if len(ops) != 3 || ops[0] != fn.Params[0] || ops[1] != fn.Params[1] {
		t.Fatalf("VarArgs = %v, want [b s 1]", ops)
	}
	if VarArgs(fn.Params[0]) != nil {
		t.Errorf("VarArgs of a parameter: want nil")
	}
}

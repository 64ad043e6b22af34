package checks

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Model directives declare what the model cannot infer, in doc comments:
//
//	//uninitlint:free p        on a function: it frees what parameter p points to
//	//uninitlint:alloc         on a function: it returns a new manual allocation
//	//uninitlint:alloc uninit  ... whose contents are not initialized
//	//uninitlint:len n buf     on a struct type: field n is the length of field buf
//
// [Parse] returns those that are well-formed and where they belong, and an error for each of
// the others, which the model would otherwise drop without a word.

// A ModelKind is what a model directive declares.
type ModelKind string

// The model directives.
const (
	Free  ModelKind = "free"
	Alloc ModelKind = "alloc"
	Len   ModelKind = "len"
)

// A ModelDirective is one well-formed model directive.
type ModelDirective struct {
	Pos    token.Pos     // of the comment
	Kind   ModelKind     //
	Func   *ast.FuncDecl // free and alloc: the function whose doc comment holds it
	Type   *ast.TypeSpec // len: the struct type whose doc comment holds it
	Param  int           // free: the parameter's index, the receiver first (as ssa.Function.Params)
	Uninit bool          // alloc uninit
	Length string        // len: the field that holds the length
	Buf    string        // len: the field whose elements it counts
}

// FuncDirectives returns the well-formed model directives in decl's doc comment.
func FuncDirectives(decl *ast.FuncDecl) []*ModelDirective {
	return docDirectives(decl.Doc, decl)
}

// TypeDirectives returns the well-formed model directives in the doc comments of ts, a type
// of the declaration gd (`// doc` above `type T struct` is gd's; inside `type (...)`, ts's:
// the doc of a group of several types is none of theirs).
func TypeDirectives(gd *ast.GenDecl, ts *ast.TypeSpec) []*ModelDirective {
	out := docDirectives(ts.Doc, ts)
	if len(gd.Specs) == 1 {
		out = append(docDirectives(gd.Doc, ts), out...)
	}
	return out
}

func docDirectives(doc *ast.CommentGroup, home ast.Node) []*ModelDirective {
	var out []*ModelDirective
	if doc == nil {
		return nil
	}
	for _, c := range doc.List {
		if word, args, ok := cutOurs(c.Text); ok && contains(modelKinds, word) {
			if d, err := parseModel(word, args, home); err == "" {
				d.Pos = c.Pos()
				out = append(out, d)
			}
		}
	}
	return out
}

// modelHomes maps each comment of a declaration's doc comment to the declaration: a function
// for free and alloc, a type spec for len.
func modelHomes(f *ast.File) map[*ast.Comment]ast.Node {
	homes := map[*ast.Comment]ast.Node{}
	add := func(doc *ast.CommentGroup, home ast.Node) {
		if doc != nil {
			for _, c := range doc.List {
				homes[c] = home
			}
		}
	}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			add(decl.Doc, decl)
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok {
					if len(decl.Specs) == 1 {
						add(decl.Doc, ts)
					}
					add(ts.Doc, ts)
				}
			}
		}
	}
	return homes
}

// parseModel parses the directive //uninitlint:WORD ARGS in the doc comment of home (nil if it
// stands elsewhere), or returns why it does nothing.
func parseModel(word string, args []string, home ast.Node) (*ModelDirective, string) {
	fn, _ := home.(*ast.FuncDecl)
	ts, _ := home.(*ast.TypeSpec)
	d := &ModelDirective{Kind: ModelKind(word), Func: fn, Type: ts}
	switch d.Kind {
	case Free:
		if fn == nil {
			return nil, "//uninitlint:free is read only in a function's doc comment"
		}
		names := paramNames(fn)
		if len(args) != 1 {
			return nil, fmt.Sprintf("//uninitlint:free takes one parameter name, not %d words (parameters of %s: %s)",
				len(args), fn.Name.Name, orNone(names))
		}
		if d.Param = index(names, args[0]); d.Param < 0 {
			return nil, fmt.Sprintf("//uninitlint:free names %s, which is not a parameter of %s (parameters: %s)%s",
				args[0], fn.Name.Name, orNone(names), DidYouMean(args[0], names, ""))
		}
	case Alloc:
		if fn == nil {
			return nil, "//uninitlint:alloc is read only in a function's doc comment"
		}
		if fn.Type.Results == nil || len(fn.Type.Results.List) == 0 {
			return nil, "//uninitlint:alloc on " + fn.Name.Name + ", which returns nothing"
		}
		switch {
		case len(args) == 1 && args[0] == "uninit":
			d.Uninit = true
		case len(args) > 0:
			return nil, fmt.Sprintf("//uninitlint:alloc takes nothing or uninit, not %q%s",
				strings.Join(args, " "), DidYouMean(args[0], []string{"uninit"}, ""))
		}
	case Len:
		st, ok := typeStruct(ts)
		if !ok {
			return nil, "//uninitlint:len is read only in a struct type's doc comment"
		}
		fields := fieldNames(st)
		if len(args) != 2 {
			return nil, fmt.Sprintf("//uninitlint:len takes two field names, the length and the buffer, not %d words",
				len(args))
		}
		for _, a := range args {
			if index(fields, a) < 0 {
				return nil, fmt.Sprintf("//uninitlint:len names %s, which is not a field of %s (fields: %s)%s",
					a, ts.Name.Name, orNone(fields), DidYouMean(a, fields, ""))
			}
		}
		d.Length, d.Buf = args[0], args[1]
	}
	return d, ""
}

// paramNames returns fn's parameter names, the receiver first, "_" for an unnamed one, so
// that a name's index is that of ssa.Function.Params.
func paramNames(fn *ast.FuncDecl) []string {
	var out []string
	for _, fl := range []*ast.FieldList{fn.Recv, fn.Type.Params} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			if len(f.Names) == 0 {
				out = append(out, "_")
			}
			for _, n := range f.Names {
				out = append(out, n.Name)
			}
		}
	}
	return out
}

func typeStruct(ts *ast.TypeSpec) (*ast.StructType, bool) {
	if ts == nil {
		return nil, false
	}
	st, ok := ts.Type.(*ast.StructType)
	return st, ok
}

// fieldNames returns the names of st's fields; an embedded field is named by its type.
func fieldNames(st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			out = append(out, embeddedName(f.Type))
		}
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

func embeddedName(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.StarExpr:
		return embeddedName(x.X)
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.IndexExpr:
		return embeddedName(x.X)
	case *ast.IndexListExpr:
		return embeddedName(x.X)
	case *ast.Ident:
		return x.Name
	}
	return "_"
}

// index returns the index of name in names, or -1; "_" names nothing.
func index(names []string, name string) int {
	for i, n := range names {
		if n == name && n != "_" {
			return i
		}
	}
	return -1
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

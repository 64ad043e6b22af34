package escape

// Maintainer's notes.
//
// This pass is a thin reporter over internal/memmodel. The model's dataflow is a must analysis:
// a root (an allocation, a parameter, a loaded pointer) is dead at a point only if every path
// to the point kills it, and a join keeps only what both sides agree on, so a free on one
// branch is forgotten at the merge. That is the precision policy: a use after a conditional free
// is not reported, because the branches may be correlated in ways the model does not see.
// Growth is the exception, decided in the model: a view held across a call that may reallocate
// is reported, since no correlation makes that safe.
//
// The uintptr checks read the syntax as well as SSA, because the unsafe.Pointer rules speak of
// expressions: rule 3 allows uintptr(p)+off only within one expression, which SSA does not show.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/memmodel"
)

const name = "escape"

// Analyzer reports dangling pointers.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      "report dangling pointers: use after free, double free, views past a free",
	URL:      checks.DocsBase + name + ".md",
	Requires: []*analysis.Analyzer{memmodel.Analyzer, buildssa.Analyzer},
	Run:      run,
}

func init() { checks.Declare(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[memmodel.Analyzer].(*memmodel.Model)
	rep := checks.NewReporter(pass)
	for _, e := range m.Events(memmodel.EvUseAfterKill, memmodel.EvDoubleKill,
		memmodel.EvEscapeAfterKill, memmodel.EvGoPointerInManual, memmodel.EvLeak, memmodel.EvAsyncUse) {
		reportEvent(rep, e)
	}
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	if memmodel.ImportsUnsafe(pass.Pkg) {
		calls := conversionCalls(pass.Files)
		u := uintptrFacts{slots: buildAddrSlots(m, ssainfo.SrcFuncs), sinks: buildUintptrSinks(pass.Files, ssainfo.SrcFuncs)}
		for _, fn := range ssainfo.SrcFuncs {
			checkUintptrs(rep, m, calls, u, fn)
		}
	}
	if errs := m.Errors(); len(errs) > 0 {
		return nil, errs[0]
	}
	return rep.Used(), nil
}

// reportEvent turns one model event into a diagnostic with its witnesses.
func reportEvent(rep *checks.Reporter, e memmodel.Event) {
	rel := []analysis.RelatedInformation{{Pos: e.Obj.AllocPos(), Message: "allocated here"}}
	killed := analysis.RelatedInformation{Pos: e.Kill.Pos, Message: pastTense(e.Kill.Kind) + " here"}
	what := e.Obj.Desc
	switch e.Kind {
	case memmodel.EvUseAfterKill:
		check, reason := useCheck(e.Kill.Kind)
		if e.Kill.May {
			reason = "may have been " + strings.TrimPrefix(reason, "possibly ")
		} else {
			reason = "was " + reason
		}
		rep.Report(check, e.Pos, op(e.Op)+" "+what+" after it "+reason+" "+by(e.Kill)+"on "+rep.Line(e.Pos, e.Kill.Pos)+
			onPath(rep, e), append(rel, killed)...)
	case memmodel.EvDoubleKill:
		if e.Deferred {
			rep.Report("double-free", e.Pos, verbNoun(e.Kill.Kind)+" of "+what+", which the deferred call on "+
				rep.Line(e.Pos, e.Prev.Pos)+" "+presentTense(e.Prev.Kind)+" again when the function returns",
				append(rel, analysis.RelatedInformation{Pos: e.Prev.Pos, Message: "deferred here"})...)
			return
		}
		first := analysis.RelatedInformation{Pos: e.Prev.Pos, Message: "first " + pastTense(e.Prev.Kind) + " here"}
		rep.Report("double-free", e.Pos, verbNoun(e.Kill.Kind)+" of "+what+" already "+pastTense(e.Prev.Kind)+
			" on "+rep.Line(e.Pos, e.Prev.Pos)+onPath(rep, e), append(rel, first)...)
	case memmodel.EvEscapeAfterKill:
		when := "on " + rep.Line(e.Pos, e.Kill.Pos)
		if e.Deferred {
			when = "by the deferred call on " + rep.Line(e.Pos, e.Kill.Pos) + " when the function returns"
		}
		check := "dangling-escape"
		if e.Kill.Kind == memmodel.KillPut {
			check = "use-after-put" // a view that outlives the Put is a use of what the pool owns again
		}
		rep.Report(check, e.Pos, "pointer into "+what+" "+e.Op+", but it is "+pastTense(e.Kill.Kind)+" "+when,
			append(rel, killed)...)
	case memmodel.EvAsyncUse:
		when := "on " + rep.Line(e.Pos, e.Kill.Pos)
		if e.Deferred {
			when = "by the deferred call on " + rep.Line(e.Pos, e.Kill.Pos) + " when the function returns"
		}
		where := "goroutine started on " + rep.Line(e.Pos, e.Go)
		if e.Pos != e.Go {
			where = "use of " + what + " in the " + where
		} else {
			where += " uses " + what
		}
		rep.Report("async-use-after-free", e.Pos, where+", which is "+pastTense(e.Kill.Kind)+" "+when+
			" with nothing waiting for the goroutine first", append(rel, killed,
			analysis.RelatedInformation{Pos: e.Go, Message: "goroutine started here"})...)
	case memmodel.EvLeak:
		allocated := " allocated on "
		if strings.HasPrefix(what, "memory allocated by ") {
			allocated = " on " // a wrapper's memory: "memory allocated by cstr on line 4"
		}
		rep.Report("leak", e.Pos, "return loses "+what+allocated+rep.Line(e.Pos, e.Alloc)+
			": a path from the allocation reaches it without freeing, returning or handing on the memory",
			analysis.RelatedInformation{Pos: e.Alloc, Message: "allocated here"})
	case memmodel.EvGoPointerInManual:
		rep.Report("go-pointer-in-c-memory", e.Pos, "Go pointer stored in "+what+
			", which the garbage collector does not scan", append(rel,
			analysis.RelatedInformation{Pos: e.ValObj.AllocPos(), Message: "the Go memory is allocated here"})...)
	}
}

// onPath qualifies a finding whose kill happens on some paths only: the witness is that every
// path from the kill leads to the finding.
func onPath(rep *checks.Reporter, e memmodel.Event) string {
	if !e.OnPath {
		return ""
	}
	kill := e.Kill.Pos
	if e.Kind == memmodel.EvDoubleKill {
		kill = e.Prev.Pos
	}
	if e.Loop {
		return " (in the loop's next iteration: " + rep.Line(e.Pos, kill) + " runs on every iteration)"
	}
	return " (when " + rep.Line(e.Pos, kill) + " runs: every path from it leads here)"
}

func useCheck(k memmodel.KillKind) (check, reason string) {
	switch k {
	case memmodel.KillRealloc:
		return "use-after-grow", "possibly reallocated"
	case memmodel.KillPut:
		return "use-after-put", "put back into its sync.Pool"
	case memmodel.KillUnmap:
		return "use-after-free", "unmapped"
	}
	return "use-after-free", "freed"
}

func by(k memmodel.Kill) string {
	if k.Via == "" {
		return ""
	}
	return "by " + k.Via + " "
}

// killWords names what a kill does: its past tense, present tense and noun.
var killWords = map[memmodel.KillKind][3]string{
	memmodel.KillFree:    {"freed", "frees", "free"},
	memmodel.KillRealloc: {"reallocated", "reallocates", "realloc"},
	memmodel.KillPut:     {"put back", "puts back", "sync.Pool.Put"},
	memmodel.KillUnmap:   {"unmapped", "unmaps", "unmap"},
}

func words(k memmodel.KillKind) [3]string {
	if w, ok := killWords[k]; ok {
		return w
	}
	return killWords[memmodel.KillFree]
}

func pastTense(k memmodel.KillKind) string { return words(k)[0] }

// presentTense is what a deferred call does to the memory: "frees", "puts back", "unmaps".
func presentTense(k memmodel.KillKind) string { return words(k)[1] }

func verbNoun(k memmodel.KillKind) string { return words(k)[2] }

// op turns the model's operation into the start of a message.
func op(s string) string {
	switch s {
	case "load":
		return "read of"
	case "store":
		return "write to"
	case "index":
		return "index of"
	case "range":
		return "range over"
	case "conversion":
		return "conversion of"
	case "copy", "append", "clear", "unsafe.Slice", "unsafe.String":
		return s + " of"
	case "comparison", "concatenation", "map lookup":
		return s + " reads"
	}
	if strings.HasPrefix(s, "call") || strings.HasPrefix(s, "deferred call") {
		return s + " reads"
	}
	return s
}

// conversionCalls indexes the package's call expressions by the position of their left
// parenthesis, which is the position SSA gives a conversion. Only packages that import unsafe
// need it, so it walks the files itself rather than have every package pay for an inspector.
func conversionCalls(files []*ast.File) map[token.Pos]*ast.CallExpr {
	calls := map[token.Pos]*ast.CallExpr{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				calls[c.Lparen] = c
			}
			return true
		})
	}
	return calls
}

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

func isUintptr(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uintptr
}

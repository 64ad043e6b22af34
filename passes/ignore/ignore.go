package ignore

// Maintainer's notes.
//
// The passes themselves apply the directives, through checks.Reporter, so that every driver
// honours them; each returns a *checks.Used saying which directive entries suppressed one of its
// findings. This pass requires them all and judges each directive against their results: an
// entry is unused when no pass that reports the checks it names used it. Only the passes know
// their findings, which is why this is a pass of its own rather than a fourth job of each.
// Running it runs every pass, but only its own findings are this pass's: deselecting a pass
// (-ptrarith=false) still hides that pass's findings, and its directives are still judged.

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/passes/escape"
	"github.com/uninitlint/uninitlint/passes/ptrarith"
	"github.com/uninitlint/uninitlint/passes/uninitread"
)

const name = checks.IgnorePass

// Analyzer reports suppression directives that suppress nothing.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      "report suppression directives that suppress nothing",
	URL:      checks.DocsBase + name + ".md",
	Requires: []*analysis.Analyzer{escape.Analyzer, uninitread.Analyzer, ptrarith.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	var used []*checks.Used
	for _, res := range pass.ResultOf {
		used = append(used, res.(*checks.Used))
	}
	rep := checks.NewReporter(pass)
	for _, f := range pass.Files {
		if rep.IsGenerated(f) {
			continue
		}
		fd := checks.Parse(pass.Fset, f)
		for _, d := range fd.Ignores {
			if !d.Nolint { // golangci-lint's nolintlint judges //nolint
				judge(rep, used, d)
			}
		}
		for _, e := range fd.Errors {
			rep.Report("bad-directive", e.Pos, e.Msg)
		}
	}
	return nil, nil
}

// judge reports d if it is malformed or suppressed nothing.
func judge(rep *checks.Reporter, used []*checks.Used, d *checks.Directive) {
	if len(d.Names) == 0 {
		rep.Report("bad-ignore", d.Pos, "suppression directive names no check: write //uninitlint:ignore CHECK reason")
		return
	}
	var unknown, unused []string
	for _, n := range d.Names {
		switch {
		case !isName(n):
			unknown = append(unknown, n)
		case !isUsed(used, d, n):
			unused = append(unused, n)
		}
	}
	switch {
	case len(unknown) > 0:
		rep.Report("bad-ignore", d.Pos, "suppression directive names unknown check "+quoteAll(unknown)+
			": it suppresses nothing"+checks.DidYouMean(unknown[0], allNames(), "")+" (see uninitlint -explain, or docs/)")
	case d.Reason == "":
		rep.Report("bad-ignore", d.Pos, "suppression directive without a reason suppresses nothing: "+
			"say why the finding is safe after the check's name")
	case len(unused) > 0:
		rep.Report("unused-ignore", d.Pos, "suppression of "+quoteAll(unused)+" suppresses nothing: "+
			"no such finding "+scope(d))
	}
}

// allNames returns what a directive's entry may name: uninitlint, its passes and its checks.
func allNames() []string {
	names := append([]string{checks.Tool}, checks.Passes()...)
	for _, c := range checks.All {
		names = append(names, c.Name)
	}
	return names
}

// isName reports whether n names uninitlint, one of its passes or one of its checks.
func isName(n string) bool {
	return n == checks.Tool || checks.Lookup(n) != nil || len(checks.Of(n)) > 0
}

// isUsed reports whether entry n of d suppressed a finding, or cannot be judged: every check it
// names is disabled.
func isUsed(used []*checks.Used, d *checks.Directive, n string) bool {
	judged := false
	for _, u := range used {
		if u.Hit(d, n) {
			return true
		}
		for _, c := range checks.Of(u.Pass) {
			judged = judged || checks.Covers(n, c) && !u.Disabled.Has(c.Name)
		}
	}
	return !judged
}

func scope(d *checks.Directive) string {
	if d.WholeFile {
		return "in this file"
	}
	return "on this line or the next"
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return strings.Join(q, ", ")
}

package driver

import (
	"bufio"
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A finding is one diagnostic of one analyzer on one package.
type finding struct {
	pkgPath  string
	analyzer string
	fset     *token.FileSet
	diag     analysis.Diagnostic
}

// posn returns where f is, after //line directives.
func (f *finding) posn() token.Position { return f.fset.Position(f.diag.Pos) }

// check returns the name of f's check: its Category, as resolved against the documentation,
// or the analyzer's name for an analyzer that does not set one.
func (f *finding) check() string { return cmp.Or(f.diag.Category, f.analyzer) }

// A failure is the error of one analyzer on one package.
type failure struct {
	pkgPath  string
	analyzer string
	err      error
}

// A report is the outcome of a standalone run, ready to print.
type report struct {
	findings []finding // sorted by compareFindings, without duplicates
	failures []failure // sorted by package and analyzer, at most one per pair
	broken   []string  // the packages that could not be analyzed, with their errors, as text
}

// newReport collects the diagnostics of graph's roots, except those in the generated
// files, and the errors of the actions that failed first. (An action whose prerequisite
// failed fails too, naming it; repeating that for every importer would bury the cause.)
func newReport(graph *checker.Graph, generated map[string]bool) *report {
	r := new(report)
	for act := range graph.All() {
		switch {
		case act.Err != nil && !hasFailedDep(act):
			r.failures = append(r.failures, failure{act.Package.PkgPath, act.Analyzer.Name, act.Err})
		case act.Err == nil && act.IsRoot:
			r.findings = append(r.findings, actionFindings(act, generated)...)
		}
	}
	r.finish()
	return r
}

// finish sorts the findings and failures and drops duplicates. Stable sorts keep the first of
// equal elements in the order they were added, which is deterministic, so the one that
// compacting keeps is too.
func (r *report) finish() {
	slices.SortStableFunc(r.findings, compareFindings)
	r.findings = slices.CompactFunc(r.findings, func(x, y finding) bool {
		return compareFindings(x, y) == 0
	})
	slices.SortStableFunc(r.failures, compareFailures)
	r.failures = slices.CompactFunc(r.failures, func(x, y failure) bool {
		return compareFailures(x, y) == 0
	})
}

// actionFindings returns the diagnostics of act, except those in the generated files.
func actionFindings(act *checker.Action, generated map[string]bool) []finding {
	var fs []finding
	for _, d := range act.Diagnostics {
		f := finding{act.Package.PkgPath, act.Analyzer.Name, act.Package.Fset, d}
		if !generated[f.posn().Filename] {
			fs = append(fs, f)
		}
	}
	return fs
}

// hasFailedDep reports whether an action that act depends on failed.
func hasFailedDep(act *checker.Action) bool {
	return slices.ContainsFunc(act.Deps, func(dep *checker.Action) bool { return dep.Err != nil })
}

// compareFindings orders findings by file, line, column, analyzer and message. A package
// and its test variant report the same finding, and those compare equal.
func compareFindings(x, y finding) int {
	px, py := x.posn(), y.posn()
	return cmp.Or(
		cmp.Compare(px.Filename, py.Filename),
		cmp.Compare(px.Line, py.Line),
		cmp.Compare(px.Column, py.Column),
		cmp.Compare(x.analyzer, y.analyzer),
		cmp.Compare(x.diag.Message, y.diag.Message))
}

// compareFailures orders failures by package path and analyzer.
func compareFailures(x, y failure) int {
	return cmp.Or(cmp.Compare(x.pkgPath, y.pkgPath), cmp.Compare(x.analyzer, y.analyzer))
}

// generatedFiles returns the set of the names of pkgs' generated files (per
// ast.IsGenerated). A file is named by its own name, not by where its //line directives
// point: cgo's output is generated, but its code is the user's and points back at the
// user's file, whose findings must stay.
func generatedFiles(pkgs []*packages.Package) map[string]bool {
	generated := make(map[string]bool)
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			if ast.IsGenerated(f) {
				generated[p.Fset.File(f.FileStart).Name()] = true
			}
		}
	}
	return generated
}

// print writes r in the format opts ask for: as text, the findings to stdout and the
// failures to stderr; in the other formats, both to stdout.
func (r *report) print(stdout, stderr io.Writer, opts *options) error {
	switch opts.format {
	case "json":
		return r.printJSON(stdout)
	case "sarif":
		return r.printSARIF(stdout, opts)
	case "github":
		return r.printGitHub(stdout, opts)
	}
	return r.printText(stdout, stderr, opts)
}

// printText writes r as go vet does: the findings to stdout and the failures to stderr.
func (r *report) printText(stdout, stderr io.Writer, opts *options) error {
	for _, f := range r.failures {
		fmt.Fprintf(stderr, "%s: %v\n", progname, f.err)
	}
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	p := &textPrinter{w: w, dir: dir, context: opts.context}
	for _, f := range r.findings {
		p.finding(f)
	}
	return w.Flush()
}

// A textPrinter prints findings as go vet does.
type textPrinter struct {
	w       io.Writer
	dir     string // file names under dir print relative to it
	context int    // if >= 0, print each position's lines and this many around them
}

// finding prints f as "file:line:col: message", then each related position as an
// indented line "\tfile:line:col: message".
func (p *textPrinter) finding(f finding) {
	p.position("", f.fset, f.diag.Pos, f.diag.End, f.diag.Message)
	for _, rel := range f.diag.Related {
		p.position("\t", f.fset, rel.Pos, rel.End, rel.Message)
	}
}

// position prints one line for the range [pos, end) and its message, then the source
// lines of the range if p.context asks for them.
func (p *textPrinter) position(indent string, fset *token.FileSet, pos, end token.Pos, msg string) {
	start := fset.Position(pos)
	name := start.Filename
	start.Filename = relative(p.dir, name)
	fmt.Fprintf(p.w, "%s%s: %s\n", indent, start, msg)
	if p.context >= 0 {
		p.lines(name, start.Line-p.context, fset.Position(cmp.Or(end, pos)).Line+p.context)
	}
}

// lines prints lines from through to of the named file, numbered as go vet -c does.
// Context is a courtesy: a file that cannot be read any more prints none.
func (p *textPrinter) lines(name string, from, to int) {
	data, err := os.ReadFile(name)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i := max(from, 1); i <= min(to, len(lines)); i++ {
		fmt.Fprintf(p.w, "%d\t%s\n", i, lines[i-1])
	}
}

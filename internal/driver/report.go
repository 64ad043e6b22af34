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

	"github.com/uninitlint/uninitlint/internal/checks"
)

// A finding is one diagnostic of one analyzer on one package, with the other diagnostics of
// the same cause that it stands for (see group).
type finding struct {
	pkgPath  string
	analyzer string
	fset     *token.FileSet
	diag     analysis.Diagnostic
	scope    string      // the position of the function declaration around it, or ""
	more     []token.Pos // the positions of the other diagnostics of its cause, in order
	isNew    bool        // with -new-from-rev, whether a change may have caused it
	names    *fileNames  // corrects the file names of its package's positions
}

// position returns where pos is, after //line directives, with the file name corrected.
func (f *finding) position(pos token.Pos) token.Position {
	p := f.fset.Position(pos)
	p.Filename = f.names.fix(p.Filename)
	return p
}

// againMessage is the message of the related positions that list the other uses of a cause.
const againMessage = "again here"

// related returns f's related positions: the diagnostic's witnesses, then the other uses of
// its cause.
func (f *finding) related() []analysis.RelatedInformation {
	rel := f.diag.Related
	if len(f.more) > 0 {
		rel = slices.Clip(rel)
		for _, pos := range f.more {
			rel = append(rel, analysis.RelatedInformation{Pos: pos, Message: againMessage})
		}
	}
	return rel
}

// count returns how many diagnostics f stands for.
func (f *finding) count() int { return 1 + len(f.more) }

// severity returns the severity of f's check: an analyzer outside the table reports errors.
func (f *finding) severity() checks.Severity {
	if c := checks.Lookup(f.check()); c != nil {
		return c.Severity
	}
	return checks.Error
}

// posn returns where f is, after //line directives.
func (f *finding) posn() token.Position { return f.position(f.diag.Pos) }

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
	findings []finding      // sorted by compareFindings, without duplicates, grouped by cause
	all      []finding      // with -new-from-rev, the findings before it dropped the old ones
	failures []failure      // sorted by package and analyzer, at most one per pair
	broken   []packageError // the errors of the packages that could not be analyzed
	packages int            // how many packages were asked for (a package and its tests count once)
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
	r.findings = group(r.findings)
	slices.SortStableFunc(r.failures, compareFailures)
	r.failures = slices.CompactFunc(r.failures, func(x, y failure) bool {
		return compareFailures(x, y) == 0
	})
}

// actionFindings returns the diagnostics of act, except those in the generated files.
func actionFindings(act *checker.Action, generated map[string]bool) []finding {
	var fs []finding
	names := newFileNames(act.Package)
	for _, d := range act.Diagnostics {
		f := finding{
			pkgPath: act.Package.PkgPath, analyzer: act.Analyzer.Name, fset: act.Package.Fset, diag: d, names: names,
		}
		if !generated[f.posn().Filename] {
			f.scope = enclosingFunc(act.Package, d.Pos)
			fs = append(fs, f)
		}
	}
	return fs
}

// enclosingFunc returns the position, as text, of the function declaration of pkg around pos,
// or "" if pos is in none. Positions, not token.Pos, since a package's test variant parses
// its files again.
func enclosingFunc(pkg *packages.Package, pos token.Pos) string {
	for _, file := range pkg.Syntax {
		if pos < file.FileStart || pos > file.FileEnd {
			continue
		}
		for _, decl := range file.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Pos() <= pos && pos < fn.End() {
				return pkg.Fset.Position(fn.Pos()).String()
			}
		}
	}
	return ""
}

// group merges the findings that have one cause: those of a check whose table entry says
// ByCause, in one package and one function, with the same witnesses (the allocation and the
// free, grow or Put). One Put followed by eight reads is one bug, and one finding, at the
// first read by position, that lists the other seven. findings are sorted, and stay so.
//
// Only this driver groups: go vet -vettool and golangci-lint print each diagnostic.
func group(findings []finding) []finding {
	first := make(map[string]int) // by cause, the index in out of its first finding
	var out []finding
	for _, f := range findings {
		key, ok := causeKey(&f)
		if i, seen := first[key]; ok && seen {
			out[i].more = append(out[i].more, f.diag.Pos)
			continue
		}
		if ok {
			first[key] = len(out)
		}
		out = append(out, f)
	}
	return out
}

// causeKey returns the key that the findings of f's cause share, and whether f has a cause
// that others may share.
func causeKey(f *finding) (string, bool) {
	c := checks.Lookup(f.check())
	if c == nil || !c.ByCause || f.scope == "" || len(f.diag.Related) == 0 {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%s\x00%s", f.pkgPath, f.check(), f.scope)
	for _, rel := range f.diag.Related {
		fmt.Fprintf(&b, "\x00%s\x00%s", f.position(rel.Pos), rel.Message)
	}
	return b.String(), true
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

// print writes r in each output that opts ask for, to stdout or to its file. Text prints the
// analyzer failures to stderr, as go vet does; the other formats carry them.
func (r *report) print(stdout, stderr io.Writer, opts *options) error {
	if hasText(opts.outputs) {
		for _, f := range r.failures {
			fmt.Fprintf(stderr, "%s: %v\n", progname, f.err)
		}
	}
	for _, o := range opts.outputs {
		if err := r.printTo(stdout, o, opts); err != nil {
			return err
		}
	}
	return nil
}

// printTo writes r in the format of o, to its file or else to stdout.
func (r *report) printTo(stdout io.Writer, o output, opts *options) error {
	if o.file == "" {
		return r.printFormat(stdout, o.format, opts)
	}
	f, err := os.Create(o.file)
	if err != nil {
		return err
	}
	if err := r.printFormat(f, o.format, opts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printFormat writes r to w in format.
func (r *report) printFormat(w io.Writer, format string, opts *options) error {
	switch format {
	case "json":
		return r.printJSON(w)
	case "sarif":
		return r.printSARIF(w, opts)
	case "github":
		return r.printGitHub(w, opts)
	}
	return r.printText(w, opts)
}

// printText writes r's findings as go vet does.
func (r *report) printText(w io.Writer, opts *options) error {
	dir, err := os.Getwd()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := &textPrinter{w: bw, dir: dir, context: opts.context}
	for _, f := range r.findings {
		p.finding(f)
	}
	return bw.Flush()
}

// summary returns the line that ends a run on stderr: "3 findings in 2 of 5 packages", or with
// -new-from-rev "1 new finding in 1 of 5 packages (3 in all)", then what could not be analyzed.
func (r *report) summary() string {
	pkgs := make(map[string]bool)
	for _, f := range r.findings {
		pkgs[f.pkgPath] = true
	}
	s := fmt.Sprintf("no findings in %s", plural(r.packages, "package"))
	if len(r.findings) > 0 {
		s = fmt.Sprintf("%s in %d of %s",
			plural(len(r.findings), "finding"), len(pkgs), plural(r.packages, "package"))
	}
	if r.all != nil { // -new-from-rev
		s = strings.Replace(s, "finding", "new finding", 1) + fmt.Sprintf(" (%d in all)", len(r.all))
	}
	broken := make(map[string]bool)
	for _, e := range r.broken {
		broken[e.pkgPath] = true
	}
	if len(broken) > 0 {
		s += fmt.Sprintf("; %s not analyzed (errors above)", plural(len(broken), "package"))
	}
	if len(r.failures) > 0 {
		s += fmt.Sprintf("; %s", plural(len(r.failures), "analyzer failure"))
	}
	return s
}

// plural returns "1 finding" or "n findings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// A textPrinter prints findings as go vet does.
type textPrinter struct {
	w       io.Writer
	dir     string // file names under dir print relative to it
	context int    // if >= 0, print each position's lines and this many around them
}

// finding prints f as staticcheck does, "file:line:col: message (check)", with "warning: "
// before the message of a warning as compilers write it, then each related position as an
// indented line "\tfile:line:col: message".
func (p *textPrinter) finding(f finding) {
	msg := fmt.Sprintf("%s (%s)", f.diag.Message, f.check())
	if f.severity() == checks.Warning {
		msg = "warning: " + msg
	}
	p.position("", &f, f.diag.Pos, f.diag.End, msg)
	for _, rel := range f.related() {
		p.position("\t", &f, rel.Pos, rel.End, rel.Message)
	}
}

// position prints one line for the range [pos, end) of f's package and its message, then the
// source lines of the range if p.context asks for them.
func (p *textPrinter) position(indent string, f *finding, pos, end token.Pos, msg string) {
	start := f.position(pos)
	name := start.Filename
	start.Filename = relative(p.dir, name)
	fmt.Fprintf(p.w, "%s%s: %s\n", indent, start, msg)
	if p.context >= 0 {
		p.lines(name, start.Line-p.context, f.position(cmp.Or(end, pos)).Line+p.context)
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

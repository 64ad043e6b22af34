// Package checks is the one table of uninitlint's checks: their names (the diagnostics'
// Category), the pass that reports them, and their documentation, from which docs/ is
// generated and `uninitlint -explain` prints.
package checks

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// DocsBase is where the generated documentation lives; a pass's Analyzer.URL is
// DocsBase + pass + ".md", and a check's anchor is its name.
const DocsBase = "https://github.com/uninitlint/uninitlint/blob/main/docs/"

// A Check is one kind of finding.
type Check struct {
	Name  string // the Category: stable, kebab-case
	Pass  string // the analyzer that reports it
	Title string // one line
	Text  string // why it is dangerous; what the check reasons about; when it stays silent
	Bad   string // a short Go example it reports
	Good  string // the corrected twin
	Since string // the version that introduced it

	Severity Severity // how sure a finding is that the bug happens
	// ByCause says that the check's findings with the same witnesses (the same allocation and
	// free, grow or Put) in one function have one cause: drivers that can group findings
	// report the first use and list the others with it.
	ByCause bool
}

// A Severity says how sure a check's findings are that the bug happens when the code runs.
type Severity string

const (
	// Error: the bug happens whenever the operation runs (the free precedes the use on every
	// path; the offset is outside the allocation).
	Error Severity = "error"
	// Warning: the bug depends on something the analysis cannot decide: a path or an index
	// it cannot rule out, the platform (alignment), or the collector's timing (an address in
	// a uintptr); or the finding is about a directive, not memory.
	Warning Severity = "warning"
)

// SecuritySeverity returns the score that GitHub code scanning ranks the check's alerts by
// (its security-severity property: 7.0 to 8.9 is high, 4.0 to 6.9 medium), or "" for the
// checks of directives, which are not security findings.
func (c *Check) SecuritySeverity() string {
	switch {
	case c.Pass == IgnorePass:
		return ""
	case c.Severity == Error:
		return "8.0"
	}
	return "5.0"
}

// URL returns the check's documentation address.
func (c *Check) URL() string { return DocsBase + c.Pass + ".md#" + c.Name }

// Lookup returns the check of that name, or nil.
func Lookup(name string) *Check {
	for i := range All {
		if All[i].Name == name {
			return &All[i]
		}
	}
	return nil
}

// Of returns the checks a pass reports, in table order.
func Of(pass string) []*Check {
	var out []*Check
	for i := range All {
		if All[i].Pass == pass {
			out = append(out, &All[i])
		}
	}
	return out
}

// A Reporter reports a pass's diagnostics with their Category and URL, and drops those in
// generated files (go vet's driver would not), as the design asks: generated code is analyzed
// for facts but not reported on. It also drops the findings of checks the pass's -disable flag
// names, and those a suppression directive covers (directives.go).
type Reporter struct {
	pass       *analysis.Pass
	generated  map[string]bool
	directives []*Directive // with a reason (but //nolint): the others suppress nothing
	used       *Used
}

// NewReporter returns a Reporter for pass.
func NewReporter(pass *analysis.Pass) *Reporter {
	used := &Used{Pass: pass.Analyzer.Name, Disabled: disabledOf(pass.Analyzer), hits: map[usedKey]bool{}}
	return &Reporter{pass: pass, used: used}
}

// scan finds the package's generated files and suppressions, on the first report: most packages
// have nothing to report, and each pass would read every comment of every file.
func (r *Reporter) scan() {
	if r.generated != nil {
		return
	}
	r.generated = map[string]bool{}
	for _, f := range r.pass.Files {
		if isGenerated(f) {
			r.generated[r.pass.Fset.File(f.Pos()).Name()] = true
		}
		for _, d := range Parse(r.pass.Fset, f).Ignores {
			if d.Reason != "" || d.Nolint && ApplyNolint { // golangci-lint's needs none
				r.directives = append(r.directives, d)
			}
		}
	}
}

// ApplyNolint says whether the Reporter applies golangci-lint's //nolint:uninitlint, as every
// driver but golangci-lint needs. The golangci-lint plugin turns it off: golangci-lint applies
// //nolint itself, and its nolintlint would call a //nolint unused if the finding it silences
// never reached golangci-lint.
var ApplyNolint = true

// disabledOf returns the -disable flag of a, or nil if it has none.
func disabledOf(a *analysis.Analyzer) *Disabled {
	if f := a.Flags.Lookup("disable"); f != nil {
		d, _ := f.Value.(*Disabled)
		return d
	}
	return nil
}

// IsGenerated reports whether f is a generated file, whose findings are not reported.
func (r *Reporter) IsGenerated(f *ast.File) bool {
	r.scan()
	return r.generated[r.pass.Fset.File(f.Pos()).Name()]
}

// Used returns what the directives suppressed so far: the pass's result, for the ignore pass.
func (r *Reporter) Used() *Used { return r.used }

// isIgnored reports whether a directive covers a finding of check c at pos, and records which.
func (r *Reporter) isIgnored(c *Check, pos token.Pos) bool {
	p := r.pass.Fset.Position(pos)
	ignored := false
	for _, d := range r.directives {
		if !d.appliesTo(p) {
			continue
		}
		for _, name := range d.Names {
			if Covers(name, c) {
				r.used.hits[usedKey{d.Pos, name}] = true
				ignored = true
			}
		}
	}
	return ignored
}

var generatedRx = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// isGenerated reports whether f is a generated file, as go/ast.IsGenerated does, except that
// cmd/cgo's own marker does not count: cgo's rewrite of a user's file is generated, but its
// positions point back into the user's source, which is where findings belong. A generated file
// that uses cgo keeps its own marker in the rewrite, and stays generated.
func isGenerated(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if generatedRx.MatchString(c.Text) && !strings.Contains(c.Text, "by cmd/cgo") {
				return true
			}
		}
	}
	return false
}

// Report reports a finding of check name at pos; related are the witnesses, in pairs of
// position and message ("allocated here").
func (r *Reporter) Report(name string, pos token.Pos, msg string, related ...analysis.RelatedInformation) {
	c := Lookup(name)
	if c == nil {
		panic(fmt.Sprintf("checks: unknown check %q", name))
	}
	r.scan()
	if !pos.IsValid() || r.generated[r.pass.Fset.File(pos).Name()] || r.used.Disabled.Has(name) ||
		r.isIgnored(c, pos) {
		return
	}
	var rel []analysis.RelatedInformation
	for _, ri := range related {
		if ri.Pos.IsValid() {
			rel = append(rel, ri)
		}
	}
	r.pass.Report(analysis.Diagnostic{Pos: pos, Category: name, URL: c.URL(), Message: msg, Related: rel})
}

// Line returns "line N" for pos, or "" if pos is unknown, for witnesses in messages. A
// position in another file names the file too.
func (r *Reporter) Line(at, pos token.Pos) string {
	if !pos.IsValid() {
		return "an unknown line"
	}
	p := r.pass.Fset.Position(pos)
	if at.IsValid() && r.pass.Fset.Position(at).Filename == p.Filename {
		return fmt.Sprintf("line %d", p.Line)
	}
	return fmt.Sprintf("%s:%d", baseName(p.Filename), p.Line)
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

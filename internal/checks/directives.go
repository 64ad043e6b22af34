package checks

import (
	"fmt"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Suppression directives. Four spellings are honoured, all inside the analyzers, so that every
// driver (the standalone command, go vet, golangci-lint, nogo) applies them alike:
//
//	//uninitlint:ignore CHECKS reason   this line, or the next one when the comment stands alone
//	//lint:ignore CHECKS reason         staticcheck's spelling, same scope
//	//lint:file-ignore CHECKS reason    staticcheck's spelling, the whole file
//	//nolint:uninitlint                 golangci-lint's, with its scope: this line or, on a line
//	                                    of its own, the statement or declaration below it
//
// CHECKS is a comma-separated list; each entry is a check name (use-after-free), a pass name
// (escape) or, for everything uninitlint reports, "uninitlint". In the lint: spellings, entries
// that are none of these belong to other tools (staticcheck's SA1019) and are left alone; a
// lint: directive with no entry of ours is not ours. The reason is mandatory: a directive
// without one suppresses nothing, and the ignore pass reports it, as it reports a directive
// that suppresses nothing. //nolint is golangci-lint's, honoured here so that it works in every
// driver as it does there: its reason is optional, and golangci-lint's nolintlint judges it.

// Tool is the entry that names every check of uninitlint.
const Tool = "uninitlint"

// A Directive is one suppression comment.
type Directive struct {
	Pos       token.Pos // of the comment
	File      string    // the file's name
	Line      int       // the comment's line
	EndLine   int       // the last line it covers, for //nolint above a statement; else 0
	WholeFile bool      // lint:file-ignore
	Nolint    bool      // golangci-lint's //nolint, which golangci-lint's nolintlint judges, not us
	Names     []string  // the entries that are ours (all entries, for //uninitlint:ignore)
	Reason    string    // "" if missing
}

// The spellings of a directive: its prefix, whether it covers the whole file, and whether every
// entry is ours (//uninitlint:) or only those that name us (//lint:, shared with staticcheck).
var spellings = []struct {
	prefix    string
	wholeFile bool
	ours      bool
}{
	{"//uninitlint:ignore", false, true},
	{"//lint:ignore", false, false},
	{"//lint:file-ignore", true, false},
}

// parseDirective parses one comment's text, or returns nil if it is not a suppression of ours.
func parseDirective(text string) *Directive {
	for _, sp := range spellings {
		rest, ok := strings.CutPrefix(text, sp.prefix)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue // not this spelling, or another word that starts the same (//lint:ignored)
		}
		d := &Directive{WholeFile: sp.wholeFile}
		rest, _, _ = strings.Cut(rest, " //") // a comment after the directive is not its reason
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			if sp.ours {
				return d // ours, but names nothing: the ignore pass reports it
			}
			return nil
		}
		for _, name := range strings.Split(fields[0], ",") {
			if sp.ours || isOurName(name) {
				d.Names = append(d.Names, name)
			}
		}
		if len(d.Names) == 0 {
			return nil // staticcheck's alone
		}
		d.Reason = strings.Join(fields[1:], " ")
		return d
	}
	return parseNolint(text)
}

// parseNolint parses golangci-lint's //nolint, //nolint:LINTERS and // nolint:LINTERS (with a
// reason after " //" or not), and returns it if it covers uninitlint: it names uninitlint or
// all, or no linter at all, as golangci-lint reads it.
func parseNolint(text string) *Directive {
	rest, ok := strings.CutPrefix(strings.TrimLeft(strings.TrimPrefix(text, "//"), " "), "nolint")
	if !ok || !strings.HasPrefix(text, "//") {
		return nil
	}
	rest, reason, _ := strings.Cut(rest, "//")
	rest = strings.TrimSpace(rest)
	d := &Directive{Nolint: true, Names: []string{Tool}, Reason: strings.TrimSpace(reason)}
	if rest == "" {
		return d
	}
	list, ok := strings.CutPrefix(rest, ":")
	if !ok {
		return nil // //nolintfoo
	}
	for _, name := range strings.Split(strings.Fields(list + " ")[0], ",") {
		if name == Tool || name == "all" {
			return d
		}
	}
	return nil
}

// isOurName reports whether name is an entry uninitlint answers to: the tool, a pass or a check.
func isOurName(name string) bool {
	return name == Tool || slices.Contains(Passes(), name) || Lookup(name) != nil
}

// IgnorePass is the pass that reports directives that suppress nothing. Its own findings cannot
// be suppressed: a directive naming everything would otherwise silence the report that it
// suppresses nothing.
const IgnorePass = "ignore"

// Covers reports whether the directive's entry name covers check c.
func Covers(name string, c *Check) bool {
	return c.Pass != IgnorePass && (name == Tool || name == c.Pass || name == c.Name)
}

// appliesTo reports whether the directive stands where it suppresses a finding at p: anywhere
// in its file for lint:file-ignore, on p's line or the line above it for the others but
// //nolint, which covers what golangci-lint's does.
func (d *Directive) appliesTo(p token.Position) bool {
	if p.Filename != d.File {
		return false
	}
	if d.Nolint { // golangci-lint's scope: its line, or the statement or declaration it heads
		return d.Line <= p.Line && p.Line <= max(d.Line, d.EndLine)
	}
	return d.WholeFile || d.Line == p.Line || d.Line == p.Line-1
}

// Disabled is a pass's -disable flag: the checks of the pass that it does not report, as a
// comma-separated list (-escape.disable=double-free,use-after-grow).
type Disabled struct {
	pass  string
	names map[string]bool
}

// NewDisabled returns an empty -disable flag for pass.
func NewDisabled(pass string) *Disabled { return &Disabled{pass: pass, names: map[string]bool{}} }

// String returns the disabled checks in table order, comma-separated.
func (d *Disabled) String() string {
	var out []string
	if d != nil {
		for _, c := range Of(d.pass) {
			if d.names[c.Name] {
				out = append(out, c.Name)
			}
		}
	}
	return strings.Join(out, ",")
}

// Set replaces the set with the comma-separated checks of v; each must be a check of the pass.
func (d *Disabled) Set(v string) error {
	names := map[string]bool{}
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if c := Lookup(name); c == nil || c.Pass != d.pass {
			return fmt.Errorf("%q is not a check of the %s pass (checks: %s)", name, d.pass, checkNames(d.pass))
		}
		names[name] = true
	}
	d.names = names
	return nil
}

// Has reports whether check name is disabled.
func (d *Disabled) Has(name string) bool { return d != nil && d.names[name] }

func checkNames(pass string) string {
	var out []string
	for _, c := range Of(pass) {
		out = append(out, c.Name)
	}
	return strings.Join(out, ", ")
}

// Declare gives a reporting pass what every driver and the ignore pass expect of it: a -disable
// flag, and a *Used result (which its run returns, from [Reporter.Used]). Call it from init.
func Declare(a *analysis.Analyzer) {
	a.Flags.Var(NewDisabled(a.Name), "disable", "comma-separated checks of this pass not to report")
	a.ResultType = reflect.TypeFor[*Used]()
}

// Used is a pass's result: which entries of which directives suppressed one of its findings,
// and which of its checks were disabled. The ignore pass reads it to report directives that
// suppress nothing.
type Used struct {
	Pass     string
	Disabled *Disabled
	hits     map[usedKey]bool
}

type usedKey struct {
	pos  token.Pos // the directive's
	name string    // the entry
}

// Hit reports whether the entry name of directive d suppressed a finding.
func (u *Used) Hit(d *Directive, name string) bool { return u.hits[usedKey{d.Pos, name}] }

// SplitDisable sorts names, a list of checks and passes not to report, for the analyzers that
// would run: the checks by the pass that reports them (for its -disable flag), and the passes
// (to drop, as -PASS=false does). A name that is neither, or a check of a pass without a
// -disable flag (the ignore pass's two go together), is an error that lists the valid names.
func SplitDisable(analyzers []*analysis.Analyzer, names []string) (byPass map[string][]string,
	passes map[string]bool, err error) {
	byPass, passes = map[string][]string{}, map[string]bool{}
	for _, name := range names {
		switch c := Lookup(name); {
		case c != nil && hasDisableFlag(analyzers, c.Pass):
			byPass[c.Pass] = append(byPass[c.Pass], name)
		case c != nil:
			return nil, nil, fmt.Errorf("check %q cannot be disabled alone; disable its pass %q", name, c.Pass)
		case slices.ContainsFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == name }):
			passes[name] = true
		default:
			cs, ps := validNames(analyzers)
			return nil, nil, fmt.Errorf("%q is neither a check nor a pass of uninitlint (checks: %s; passes: %s)%s",
				name, strings.Join(cs, ", "), strings.Join(ps, ", "), DidYouMean(name, append(cs, ps...), ""))
		}
	}
	return byPass, passes, nil
}

// hasDisableFlag reports whether the analyzer of that pass takes a -disable flag, as the
// reporting passes do.
func hasDisableFlag(analyzers []*analysis.Analyzer, pass string) bool {
	i := slices.IndexFunc(analyzers, func(a *analysis.Analyzer) bool { return a.Name == pass })
	return i >= 0 && analyzers[i].Flags.Lookup("disable") != nil
}

// validNames returns what a disable entry may name: the checks and the passes.
func validNames(analyzers []*analysis.Analyzer) (cs, ps []string) {
	for _, a := range analyzers {
		ps = append(ps, a.Name)
		if a.Flags.Lookup("disable") != nil {
			for _, c := range Of(a.Name) {
				cs = append(cs, c.Name)
			}
		}
	}
	return cs, ps
}

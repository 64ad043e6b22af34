package ptrarith

// Maintainer's notes.
//
// This pass is a thin reporter over internal/memmodel, whose range analysis does the work
// (ranges.go, judge.go there). The lattice per integer value is the interval [lo, hi], with
// unbounded ends for what is unknown; a join is the hull, so it loses correlations between
// branches (an offset that is -1 on an error path and used only on the other is still [-1, n]
// at the merge, which is why guards are applied where a value is used, not only where it is
// defined). Loop phis are widened to an unbounded end from the third sweep on, so the analysis
// is linear in the function's size up to a small constant number of sweeps; what widening
// loses, the guards that dominate the use (the loop's own condition) give back. Beside the
// intervals, each value has a linear form in one atom (a variable, len(b)), and guards relate
// atoms, so `i < n` bounds unsafe.Add(p, i) against C.malloc(n) without knowing n.
//
// Reports are "may" findings of a special kind: the offset's range crosses the bound, and the
// model knows the range's end is reached (an interval end comes from a constant or a guard, not
// from the type). An unknown offset or size is unbounded and never crosses anything, so the
// pass is silent when it does not know, and silent too when the offset has a bound it cannot
// relate to the size (`i < len(b)/8`): that bound may be the program's reason to be right.

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/memmodel"
)

const name = "ptrarith"

// Analyzer reports out-of-bounds and misaligned pointer arithmetic and conversions.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      "report pointer arithmetic and conversions outside their allocation",
	URL:      checks.DocsBase + name + ".md",
	Requires: []*analysis.Analyzer{memmodel.Analyzer, buildssa.Analyzer},
	Run:      run,
}

func init() { checks.Declare(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	rep := checks.NewReporter(pass)
	if !memmodel.ImportsUnsafe(pass.Pkg) {
		return rep.Used(), nil // cheap exit: no address arithmetic without package unsafe
	}
	m := pass.ResultOf[memmodel.Analyzer].(*memmodel.Model)
	for _, a := range m.Accesses() {
		report(rep, a)
	}
	if !isRuntime(pass.Pkg.Path()) {
		for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
			checkBadPointers(rep, m, fn)
		}
	}
	if errs := m.Errors(); len(errs) > 0 {
		return nil, errs[0]
	}
	return rep.Used(), nil
}

// report turns one access into a diagnostic with its allocation as witness. An access a
// callee makes with the caller's arguments is reported at the access when the callee is in this
// package, with the call as a witness, and at the call otherwise.
func report(rep *checks.Reporter, a memmodel.Access) {
	rel := []analysis.RelatedInformation{{Pos: a.Obj.AllocPos(), Message: "allocated here"}}
	if a.Call == a.Pos && a.Where != "" {
		a.Op += " at " + a.Where
	}
	msg := message(a)
	var wit []string
	if a.Obj.AllocPos().IsValid() {
		wit = append(wit, "allocated on "+rep.Line(a.Pos, a.Obj.AllocPos()))
	}
	switch {
	case a.Call.IsValid() && a.Call != a.Pos:
		rel = append(rel, analysis.RelatedInformation{Pos: a.Call, Message: "called from here"})
		wit = append(wit, "when called from "+rep.Line(a.Pos, a.Call))
	case a.Call.IsValid():
		msg = fmt.Sprintf("call to %s: %s", a.Callee, msg)
	}
	if len(wit) > 0 {
		msg += " (" + strings.Join(wit, ", ") + ")"
	}
	rep.Report(check(a), a.Pos, msg, rel...)
}

func check(a memmodel.Access) string {
	switch {
	case a.Align != 0:
		return "misaligned"
	case a.Kind == memmodel.AccAdd:
		return "oob-add"
	case a.Kind == memmodel.AccSlice:
		return "oob-slice"
	}
	return "oob-convert"
}

// message says what the operation reaches and how big the object is.
func message(a memmodel.Access) string {
	where := where(a)
	switch {
	case a.Align != 0:
		return fmt.Sprintf("%s at byte %s %s, which is not a multiple of its alignment %d", a.Op, a.Offset, where, a.Align)
	case a.Below:
		return fmt.Sprintf("%s %s byte %s %s", a.Op, verb(a, "reaches"), a.Offset, where)
	case !a.Named:
		return fmt.Sprintf("%s %s %s", a.Op, verb(a, "reaches"), past(a.Over, a, where))
	case a.Kind == memmodel.AccSlice:
		return fmt.Sprintf("%s %s byte %s %s", a.Op, verb(a, "extends to"), a.End, where)
	case a.Kind == memmodel.AccConvert && a.Need > a.Over:
		return fmt.Sprintf("%s needs %d bytes but %s at byte %s %s", a.Op, a.Need, remain(a), a.Offset, where)
	case a.Kind == memmodel.AccConvert:
		return fmt.Sprintf("%s %s byte %s, past the end %s", a.Op, verb(a, "reaches"), a.Offset, where)
	}
	return fmt.Sprintf("%s %s byte %s %s", a.Op, verb(a, "reaches"), a.Offset, where)
}

// where names the object by its size: "of a 32-byte allocation", "of b (len(b) bytes)".
func where(a memmodel.Access) string {
	unnamed := a.Size.A != 0 && a.Size.Name == "" // a symbolic size a reader cannot name (len(b[off:]))
	if a.IsView {
		name := a.View
		if name == "" {
			name = "the slice"
		}
		if unnamed {
			return "of " + name
		}
		return fmt.Sprintf("of %s (%s bytes)", name, a.Size)
	}
	if unnamed {
		return "of the object"
	}
	return fmt.Sprintf("of %s %s-byte allocation", article(a.Size.String()), a.Size)
}

// verb returns v ("reaches", "extends to"), hedged when the bound is crossed on some paths only.
func verb(a memmodel.Access, v string) string {
	if !a.May {
		return v
	}
	return "may " + strings.Replace(strings.Replace(v, "reaches", "reach", 1), "extends", "extend", 1)
}

// remain says how many of the bytes a conversion needs are left in the object.
func remain(a memmodel.Access) string {
	n := a.Need - a.Over
	switch {
	case a.May:
		return fmt.Sprintf("as few as %d may remain", n)
	case a.Size.Name != "" && a.Size.A != 0:
		return fmt.Sprintf("at most %d remain", n) // a symbolic size, bounded above on every path
	}
	return fmt.Sprintf("only %d remain", n)
}

// past says how far past the end an access goes, when its offsets have no names to show.
func past(over int64, a memmodel.Access, where string) string {
	if a.Kind == memmodel.AccConvert || a.Kind == memmodel.AccSlice {
		return fmt.Sprintf("%d bytes past the end %s", over, where)
	}
	if over == 1 {
		return "the end " + where
	}
	return fmt.Sprintf("%d bytes past the end %s", over-1, where)
}

// article returns "an" before a size that is read starting with a vowel sound ("an 8-byte",
// "an n-byte", "an 11-byte"), else "a".
func article(s string) string {
	if s == "" {
		return "a"
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		if c == '8' || strings.HasPrefix(s, "11") && (len(s) == 2 || len(s) == 5) ||
			strings.HasPrefix(s, "18") && (len(s) == 2 || len(s) == 5) {
			return "an"
		}
		return "a"
	case len(s) == 1 || !isLetter(s[1]):
		if strings.ContainsRune("aefhilmnorsx", rune(c)) {
			return "an"
		}
		return "a"
	case strings.ContainsRune("aeiou", rune(c)):
		return "an"
	}
	return "a"
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

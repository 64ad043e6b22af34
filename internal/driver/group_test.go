package driver

import (
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestGroup checks that diagnostics of one cause (the same check, function and witnesses)
// become one finding at the first use, and that others stay apart.
func TestGroup(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	file := fset.AddFile("a.go", -1, 1000)
	file.SetLinesForContent([]byte(strings.Repeat("\n", 999)))
	at := func(line int) token.Pos { return file.LineStart(line) }
	put := []analysis.RelatedInformation{{Pos: at(2), Message: "allocated here"}, {Pos: at(3), Message: "put here"}}
	f := func(check, scope string, line int, rel []analysis.RelatedInformation) finding {
		return finding{pkgPath: "p", analyzer: "escape", fset: fset, scope: scope,
			diag: analysis.Diagnostic{Pos: at(line), Category: check, Message: "use", Related: rel}}
	}
	other := []analysis.RelatedInformation{{Pos: at(2), Message: "allocated here"}, {Pos: at(9), Message: "put here"}}
	got := group([]finding{
		f("use-after-put", "a.go:1:1", 4, put),
		f("use-after-put", "a.go:1:1", 5, put),
		f("use-after-put", "a.go:1:1", 6, put),
		f("use-after-put", "a.go:1:1", 10, other), // another Put
		f("use-after-put", "a.go:20:1", 21, put),  // another function
		f("oob-add", "a.go:1:1", 7, put[:1]),      // a check whose every finding is its own
		f("oob-add", "a.go:1:1", 8, put[:1]),
	})
	var lines []int
	for _, g := range got {
		lines = append(lines, fset.Position(g.diag.Pos).Line)
	}
	if !slices.Equal(lines, []int{4, 10, 21, 7, 8}) || got[0].count() != 3 {
		t.Fatalf("grouped at lines %v, first counts %d; want [4 10 21 7 8] and 3", lines, got[0].count())
	}
	rel := got[0].related()
	if len(rel) != 4 || rel[2].Message != againMessage || rel[3].Pos != at(6) || len(put) != 2 {
		t.Errorf("related of the group: %+v", rel)
	}
}

// TestLinkedMessage checks SARIF's message links to related locations, numbered as their ids,
// and the escaping of brackets that are not links.
func TestLinkedMessage(t *testing.T) {
	t.Parallel()
	got := linkedMessage("read of *[8]byte after free", []analysis.RelatedInformation{
		{Message: "allocated here"}, {Message: "freed here"}, {Message: "a witness"}})
	want := `read of *\[8\]byte after free; allocated [here](1), freed [here](2), [a witness](3)`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestSummaryWords checks the summary's words for findings, packages and -new-from-rev.
func TestSummaryWords(t *testing.T) {
	t.Parallel()
	f := finding{pkgPath: "p"}
	tests := []struct {
		r    report
		want string
	}{
		{report{packages: 1}, "no findings in 1 package"},
		{report{findings: []finding{f}, packages: 2}, "1 finding in 1 of 2 packages"},
		{report{findings: []finding{f}, all: []finding{f, f, f}, packages: 2}, "1 new finding in 1 of 2 packages (3 in all)"},
		{report{all: []finding{f}, packages: 2, broken: []packageError{{"q", "type error"}}},
			"no new findings in 2 packages (1 in all); 1 package not analyzed (errors above)"},
	}
	for _, test := range tests {
		if got := test.r.summary(); got != test.want {
			t.Errorf("summary() = %q, want %q", got, test.want)
		}
	}
}

package ptrarith_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/passes/ptrarith"
)

func TestPtrarith(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, dir, ptrarith.Analyzer,
		"oobadd", "oobslice", "oobconvert", "misaligned", "vecmut", "regress", "regress/ptrviews")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			c := checks.Lookup(d.Category)
			posn := r.Pass.Fset.Position(d.Pos)
			switch {
			case c == nil || c.Pass != "ptrarith":
				t.Errorf("%v: Category %q is not a ptrarith check", posn, d.Category)
			case d.URL != c.URL():
				t.Errorf("%v: URL %q, want %q", posn, d.URL, c.URL())
			}
		}
	}
}

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
		"oobadd", "oobslice", "oobconvert", "misaligned", "badpointer", "vecmut", "regress", "regress/ptrviews", "needs")
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

// TestDisable runs the pass with -disable=misaligned. The flag is global state, so this test is
// not parallel (the parallel tests run after it).
func TestDisable(t *testing.T) {
	if err := ptrarith.Analyzer.Flags.Set("disable", "misaligned"); err != nil {
		t.Fatal(err)
	}
	defer ptrarith.Analyzer.Flags.Set("disable", "")
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ptrarith.Analyzer, "disabled")
}

// TestCrossPackage runs the pass on testdata/vetmod, a module (analysistest's module mode) whose
// packages the go vet and SARIF tests run too: facts cross package boundaries the same way.
func TestCrossPackage(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "vetmod"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ptrarith.Analyzer, "vetmod/ptrdown")
}

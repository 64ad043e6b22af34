package escape_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/memmodel"
	"github.com/uninitlint/uninitlint/internal/vectest"
	"github.com/uninitlint/uninitlint/passes/escape"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEscape(t *testing.T) {
	t.Parallel()
	dir := vectest.Tree(t, filepath.Dir(testdata(t)), "vecmutant")
	results := analysistest.Run(t, dir, escape.Analyzer,
		"cfree", "indirect", "freelist", "doublefree", "errpath", "leak", "goroutine", "grow", "pooluse", "dangling", "gopointer", "uintptrheld",
		"generated", "regress", "vecmutant",
		"regress/ifacetypeput", "regress/killedstore", "regress/poolreget", "regress/setnilcallee",
		"regress/typeassertput")
	checkWitnesses(t, results)
}

// checkWitnesses checks what analysistest does not: every diagnostic has a documented
// Category, its URL, and a witness (a related position) where the check promises one.
func checkWitnesses(t *testing.T, results []*analysistest.Result) {
	for _, r := range results {
		for _, d := range r.Diagnostics {
			c := checks.Lookup(d.Category)
			posn := r.Pass.Fset.Position(d.Pos)
			switch {
			case c == nil:
				t.Errorf("%v: Category %q is not in the table of checks", posn, d.Category)
			case d.URL != c.URL():
				t.Errorf("%v: URL %q, want %q", posn, d.URL, c.URL())
			case len(d.Related) == 0 && d.Category != "reflect-header":
				t.Errorf("%v: %s finding without a witness", posn, d.Category)
			}
		}
	}
}

func TestSummaries(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), memmodel.Analyzer, "summaries")
}

// TestCrossPackage runs the pass on testdata/vetmod, a module (analysistest's module mode) whose
// packages the go vet and SARIF tests run too: facts cross package boundaries the same way.
func TestCrossPackage(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "vetmod"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, escape.Analyzer, "vetmod/downstream")
}

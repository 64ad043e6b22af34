package uninitread_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/uninitlint/uninitlint/internal/vectest"
	"github.com/uninitlint/uninitlint/passes/uninitread"
)

func TestUninitRead(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	dir = vectest.Tree(t, filepath.Dir(dir), "vecslots")
	analysistest.Run(t, dir, uninitread.Analyzer, "mallocread", "slots", "vecslots", "staleread",
		"regress/popfront", "regress/migrate", "regress/invariant0", "regress/borrowedcursor")
}

// TestCrossPackage runs the pass on testdata/vetmod, a module (analysistest's module mode) whose
// packages the go vet and SARIF tests run too: facts cross package boundaries the same way.
func TestCrossPackage(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "vetmod"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, uninitread.Analyzer, "vetmod/uninitdown")
}

package ignore_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/uninitlint/uninitlint/passes/ignore"
	"github.com/uninitlint/uninitlint/passes/ptrarith"
)

// TestIgnore judges directives with misaligned disabled: a directive naming it is not judged.
// The flag is global state, so this test is not parallel.
func TestIgnore(t *testing.T) {
	if err := ptrarith.Analyzer.Flags.Set("disable", "misaligned"); err != nil {
		t.Fatal(err)
	}
	defer ptrarith.Analyzer.Flags.Set("disable", "")
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ignore.Analyzer, "ignores", "baddirectives")
}

// TestCrossPackage runs the pass on testdata/vetmod, a module (analysistest's module mode) whose
// packages the go vet and SARIF tests run too: facts cross package boundaries the same way.
func TestCrossPackage(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "vetmod"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ignore.Analyzer, "vetmod/ignoredown")
}

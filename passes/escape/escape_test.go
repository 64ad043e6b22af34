package escape_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/uninitlint/uninitlint/internal/memmodel"
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
	analysistest.Run(t, testdata(t), escape.Analyzer,
		"cfree", "doublefree", "grow", "pooluse", "dangling", "gopointer", "uintptrheld",
		"crosspkg/downstream")
}

func TestSummaries(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), memmodel.Analyzer, "summaries")
}

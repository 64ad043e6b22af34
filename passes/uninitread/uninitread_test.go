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
	analysistest.Run(t, dir, uninitread.Analyzer, "mallocread", "uninitcross/downstream", "slots", "vecslots", "staleread",
		"regress/popfront", "regress/migrate", "regress/invariant0", "regress/borrowedcursor")
}

package checks_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// badcall reports, through a checks.Reporter, use-after-free at every call of a function named
// bad: what the Reporter suppresses is what every pass suppresses.
var badcall = &analysis.Analyzer{
	Name: "badcall",
	Doc:  "report calls of bad",
	Run: func(pass *analysis.Pass) (any, error) {
		rep := checks.NewReporter(pass)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
						rep.Report("use-after-free", call.Pos(), "call of bad")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestNolint checks that //nolint:uninitlint suppresses what golangci-lint's would.
func TestNolint(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), badcall, "nolint")
}

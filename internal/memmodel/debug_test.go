package memmodel

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

func TestDebugDump(t *testing.T) {
	pkg := os.Getenv("MM_DEBUG_PKG")
	if pkg == "" {
		t.Skip()
	}
	a := &analysis.Analyzer{Name: "dump", Doc: "dump", Requires: []*analysis.Analyzer{Analyzer, buildssa.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[Analyzer].(*Model)
			for fn, fa := range m.funcs {
				fmt.Printf("%s: invalid=%v sum=%v\n", fn, fa.invalid, fa.sum.build())
			}
			for _, e := range m.events {
				fmt.Printf("event %v %v %s\n", pass.Fset.Position(e.Pos), e.Kind, e.Op)
			}
			fmt.Println(m.errs)
			return nil, nil
		}}
	analysistest.Run(t, "/work/main/testdata", a, pkg)
}

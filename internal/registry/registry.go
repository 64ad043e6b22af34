// Package registry is the one list of uninitlint's analyzers. It lives here, not in the
// command, because two drivers share it: cmd/uninitlint and the golangci-lint plugin
// (package golangci). Per-check metadata (names, docs, versions) lives in internal/checks.
package registry

import (
	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/passes/escape"
	"github.com/uninitlint/uninitlint/passes/ignore"
	"github.com/uninitlint/uninitlint/passes/ptrarith"
	"github.com/uninitlint/uninitlint/passes/uninitread"
)

// A registered analyzer, with what a driver needs to know of it beyond the analyzer itself.
type registered struct {
	analyzer *analysis.Analyzer
	since    string // the version that introduced it
}

var analyzers = []registered{
	{escape.Analyzer, "v0.1.0"},
	{uninitread.Analyzer, "v0.1.0"},
	{ptrarith.Analyzer, "v0.1.0"},
	{ignore.Analyzer, "v0.1.0"}, // judges the directives of the passes above: requires them all
}

// Analyzers returns every analyzer of uninitlint, in registry order, in a new slice.
func Analyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, r := range analyzers {
		out[i] = r.analyzer
	}
	return out
}

package driver

import (
	"bytes"
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// contain wraps the Run of each analyzer reachable from analyzers so that its error names
// the analyzer and the package, and a panic becomes such an error, with its stack, instead
// of killing the process: the checker then fails that one action and those that need its
// result, and goes on with the rest. The wrapping works in both modes, and under go vet the
// error is all the user sees, so it carries the names itself.
//
// The analyzers themselves also contain panics per function; this is the last line.
func contain(analyzers []*analysis.Analyzer) {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer)
	visit = func(analyzers []*analysis.Analyzer) {
		for _, a := range analyzers {
			if !seen[a] {
				seen[a] = true
				a.Run = containRun(a.Name, a.Run)
				visit(a.Requires)
			}
		}
	}
	visit(analyzers)
}

// actionDone, if set, is called after each action, for the standalone driver's progress.
var actionDone func(*analysis.Pass)

// containRun returns run, for the analyzer called name, with its failures contained.
func containRun(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("analyzer %s on package %s: panic: %v\n%s",
					name, pass.Pkg.Path(), r, bytes.TrimSuffix(debug.Stack(), []byte("\n")))
			}
		}()
		result, err = run(pass)
		if actionDone != nil {
			actionDone(pass)
		}
		if err != nil {
			err = fmt.Errorf("analyzer %s on package %s: %w", name, pass.Pkg.Path(), err)
		}
		return result, err
	}
}

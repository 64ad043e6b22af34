package registry

import (
	"flag"
	"path"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestAnalyzersFitDrivers checks what go vet, golangci-lint and Bazel's nogo expect of every
// registered analyzer beyond analysis.Validate: it is declared in a package of its own name under
// passes/ (nogo and golangci-lint name analyzers by package), and every flag works at its default
// (no driver is obliged to set any).
func TestAnalyzersFitDrivers(t *testing.T) {
	t.Parallel()
	as := Analyzers()
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		fn := runtime.FuncForPC(reflect.ValueOf(a.Run).Pointer()).Name() // ".../passes/escape.run"
		pkg := fn[:strings.LastIndex(fn, ".")]
		if path.Base(pkg) != a.Name || path.Base(path.Dir(pkg)) != "passes" {
			t.Errorf("analyzer %q is declared in %s, want .../passes/%s", a.Name, pkg, a.Name)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if err := f.Value.Set(f.DefValue); err != nil {
				t.Errorf("analyzer %q: flag -%s does not accept its default %q: %v", a.Name, f.Name, f.DefValue, err)
			}
		})
	}
}

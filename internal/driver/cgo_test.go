//go:build cgo

package driver_test

import (
	"strings"
	"testing"
)

// TestCgo checks that findings in a file that uses cgo are reported, although the
// analyzers see it through cgo's generated output.
func TestCgo(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := uninitlint(t, "./cgo")
	want := "cgo/cgo.go:12:2: call of bad (declared on line 9) (bad-call)\n"
	if code != 3 || !strings.HasPrefix(stdout, want) {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit 3 and %q", code, stdout, stderr, want)
	}
}

// TestCgoLineDirective checks that a relative //line name in a file that uses cgo resolves
// beside the user's file, not beside cgo's copy in the build cache.
func TestCgoLineDirective(t *testing.T) {
	t.Parallel()
	stdout, _, _ := uninitlint(t, "-format=sarif", "-srcroot=.", "./cgoline")
	if !strings.Contains(stdout, `"uri": "cgoline/parse.y"`) {
		t.Errorf("SARIF does not name cgoline/parse.y:\n%s", stdout)
	}
}

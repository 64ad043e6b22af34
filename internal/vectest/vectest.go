// Package vectest builds, for analysistest, mutated copies of runtime/vec: the package's source
// as it is today, renamed, beside a file of mutants. The copies never go stale, and the linter
// is proven both silent on the real code and loud on each mutant.
package vectest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Tree returns a GOPATH-style testdata directory holding every package of testdata/src (from
// root, the repository's top) and, for each name in mutants, package testdata/src/<name> with
// runtime/vec's non-test files added under package <name>.
func Tree(t testing.TB, root string, mutants ...string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(root, "testdata", "src")
	if err := os.CopyFS(filepath.Join(dir, "src"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	vec := filepath.Join(root, "runtime", "vec")
	files, err := filepath.Glob(filepath.Join(vec, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mutants {
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			data = pkgClause.ReplaceAll(data, []byte("package "+m))
			if err := os.WriteFile(filepath.Join(dir, "src", m, filepath.Base(f)), data, 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

var pkgClause = regexp.MustCompile(`(?m)^package vec$`)

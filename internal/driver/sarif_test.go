package driver

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFingerprint checks that a finding keeps its fingerprint when lines inserted above it
// move it and the line numbers in its message, and gets another when its own line changes;
// and that identical findings in one file still get distinct fingerprints.
func TestFingerprint(t *testing.T) {
	t.Parallel()
	fingerprint := func(src string, line int, msg string) string {
		root := t.TempDir()
		return newSARIFPrinter(root).fingerprint(fakeFinding(t, root, src, line, msg))
	}
	base := fingerprint("package p\n\nfunc f() {\n\tbad()\n}\n", 4, "bad call (declared on line 3)")
	moved := fingerprint("package p\n\n\n\nfunc f() {\n\t\tbad()\n}\n", 6, "bad call (declared on line 5)")
	edited := fingerprint("package p\n\nfunc f() {\n\tbad(1)\n}\n", 4, "bad call (declared on line 3)")
	if base != moved || base == edited {
		t.Errorf("fingerprints: %s, moved %s (want equal), edited %s (want different)", base, moved, edited)
	}

	root := t.TempDir()
	p := newSARIFPrinter(root)
	f := fakeFinding(t, root, "package p\n", 1, "twice")
	if first, second := p.fingerprint(f), p.fingerprint(f); first == second {
		t.Errorf("two identical findings share fingerprint %s", first)
	}
}

// fakeFinding writes src to a.go under root and returns a finding at the start of the line.
func fakeFinding(t *testing.T, root, src string, line int, msg string) finding {
	name := filepath.Join(root, "a.go")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	file := fset.AddFile(name, -1, len(src))
	file.SetLinesForContent([]byte(src))
	return finding{pkgPath: "p", analyzer: "a", fset: fset,
		diag: analysis.Diagnostic{Pos: file.LineStart(line), Category: "c", Message: msg}}
}

// TestArtifact checks the URIs of files under the source root, relative and escaped, and
// outside it, absolute.
func TestArtifact(t *testing.T) {
	t.Parallel()
	root := filepath.FromSlash("/src/mod")
	p := newSARIFPrinter(root)
	tests := []struct {
		name string
		want sarifArtifactLocation
	}{
		{"/src/mod/a/b.go", sarifArtifactLocation{"a/b.go", sarifRootID}},
		{"/src/mod/a b/c#d.go", sarifArtifactLocation{"a%20b/c%23d.go", sarifRootID}},
		{"/src/mod/c:d.go", sarifArtifactLocation{"./c:d.go", sarifRootID}},
		{"/src/other/e.go", sarifArtifactLocation{"file:///src/other/e.go", ""}},
	}
	for _, test := range tests {
		if got := p.artifact(filepath.FromSlash(test.name)); got != test.want {
			t.Errorf("artifact(%s) = %+v, want %+v", test.name, got, test.want)
		}
	}
	if got := fileURI(root, true); !strings.HasSuffix(got, "/src/mod/") {
		t.Errorf("root URI %s does not end with a slash", got)
	}
}

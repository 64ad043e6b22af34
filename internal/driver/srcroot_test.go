package driver

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSourceRoot checks the default source root: the directory holding .git above the
// current one, whether .git is a directory or a worktree's file. (Not parallel: it changes
// the directory.)
func TestSourceRoot(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(top, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	if got, err := sourceRoot(""); got != top || err != nil {
		t.Errorf("sourceRoot(\"\") = %q, %v; want %q", got, err, top)
	}
	if got, err := sourceRoot(".."); got != filepath.Dir(sub) || err != nil {
		t.Errorf("sourceRoot(\"..\") = %q, %v; want %q", got, err, filepath.Dir(sub))
	}
}

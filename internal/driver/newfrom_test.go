package driver_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewFromRev runs -new-from-rev on a scratch git repository: findings on lines changed since
// the revision are reported (committed, edited or untracked), old ones are not, unless a witness
// of theirs changed.
func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Parallel()
	repo := t.TempDir()
	write(t, repo, "go.mod", "module example.com/scratch\n\ngo 1.26\n")
	write(t, repo, "p/p.go", "package p\n\nfunc bad() {}\n\nfunc old() {\n\tbad()\n}\n")
	gitIn(t, repo, "init", "-q")
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-q", "-m", "base")
	write(t, repo, "p/p.go", "package p\n\nfunc bad() {}\n\nfunc old() {\n\tbad()\n}\n\nfunc edited() {\n\tbad()\n}\n")
	write(t, repo, "p/untracked.go", "package p\n\nfunc untracked() {\n\tbad()\n}\n")

	stdout := runIn(t, repo, 3, "-new-from-rev=HEAD", "./...")
	want := "p/p.go:10:2: call of bad (declared on line 3) (bad-call)\n\tp/p.go:3:6: declared here\n" +
		"p/untracked.go:4:2: call of bad (declared on line 3) (bad-call)\n\tp/p.go:3:6: declared here\n"
	if stdout != want {
		t.Errorf("-new-from-rev=HEAD printed:\n%s\nwant only the edited and untracked calls:\n%s", stdout, want)
	}
	// SARIF stays complete, since code scanning closes the alerts an upload leaves out.
	sarif := runIn(t, repo, 3, "-new-from-rev=HEAD", "-format=sarif", "./...")
	if strings.Count(sarif, `"baselineState": "new"`) != 2 || strings.Count(sarif, `"baselineState": "unchanged"`) != 1 {
		t.Errorf("-new-from-rev=HEAD -format=sarif: want 2 new results and 1 unchanged:\n%s", sarif)
	}

	// A change to a witness (here, bad's declaration) makes the old call new too.
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-q", "-m", "more")
	write(t, repo, "p/p.go", "package p\n\nfunc bad()  {}\n\nfunc old() {\n\tbad()\n}\n\nfunc edited() {\n\tbad()\n}\n")
	if stdout := runIn(t, repo, 3, "-new-from-rev=HEAD", "./..."); strings.Count(stdout, "call of bad") != 3 {
		t.Errorf("after changing the witness, -new-from-rev=HEAD printed:\n%s\nwant all three calls", stdout)
	}
	gitIn(t, repo, "checkout", "-q", "p/p.go")
	if stdout := runIn(t, repo, 0, "-new-from-rev=HEAD", "./..."); stdout != "" {
		t.Errorf("nothing changed since HEAD, yet -new-from-rev=HEAD printed:\n%s", stdout)
	}
	if stdout := runIn(t, repo, 3, "-new-from-rev=HEAD~1", "./..."); strings.Count(stdout, "call of bad") != 2 {
		t.Errorf("-new-from-rev=HEAD~1 printed:\n%s\nwant the two calls added since", stdout)
	}
}

// TestNewFromRevDeletion checks that removing a line counts as a change to the kept lines around
// it: a removed `p = nil` or copy can be what makes the next line a finding. Both drivers.
func TestNewFromRevDeletion(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Parallel()
	repo := t.TempDir()
	write(t, repo, "go.mod", "module example.com/scratch\n\ngo 1.26\n")
	write(t, repo, "p/p.go", "package p\n\nfunc bad() {}\n\nfunc f() {\n\tprintln()\n\tbad()\n}\n\nfunc g() {\n\tbad()\n}\n")
	gitIn(t, repo, "init", "-q")
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-q", "-m", "base")
	write(t, repo, "p/p.go", "package p\n\nfunc bad() {}\n\nfunc f() {\n\tbad()\n}\n\nfunc g() {\n\tbad()\n}\n")
	want := "p/p.go:6:2: call of bad (declared on line 3) (bad-call)\n\tp/p.go:3:6: declared here\n"
	for _, mode := range []string{"-cache=false", "-cache"} {
		if stdout := runIn(t, repo, 3, mode, "-new-from-rev=HEAD", "./..."); stdout != want {
			t.Errorf("%s: after removing the line above a call, -new-from-rev=HEAD printed:\n%s\nwant that call only:\n%s",
				mode, stdout, want)
		}
	}
}

// TestNewFromRevErrors requires a clear error, before any analysis, for a revision git does not
// know and for a directory outside any git work tree.
func TestNewFromRevErrors(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Parallel()
	repo := t.TempDir()
	write(t, repo, "go.mod", "module example.com/scratch\n\ngo 1.26\n")
	write(t, repo, "p.go", "package p\n")
	for _, dir := range []string{repo, filepath.Join(repo, "git")} {
		if dir != repo {
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			gitIn(t, dir, "init", "-q")
		}
		cmd := command(t, testBinary(t), "-new-from-rev=no-such-rev", "./...")
		cmd.Dir = dir
		cmd.Env = append(cmd.Env, "GIT_CEILING_DIRECTORIES="+filepath.Dir(repo))
		out, _ := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(string(out), "new-from-rev: git") {
			t.Errorf("in %s: exit %d, output %q; want exit 1 and a new-from-rev error", dir, code, out)
		}
	}
}

// runIn runs the driver in dir with args, checks its exit code, and returns its stdout.
func runIn(t *testing.T, dir string, wantCode int, args ...string) string {
	t.Helper()
	cmd := command(t, testBinary(t), args...)
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != wantCode {
		t.Fatalf("uninitlint %v: exit %d, want %d; stderr:\n%s", args, code, wantCode, stderr.String())
	}
	return stdout.String()
}

// gitIn runs git in dir, as a committer the test names (the machine may have no identity).
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com",
		"-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// write writes content to dir/name, creating directories.
func write(t *testing.T, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestActionRunScript runs the GitHub Action's run step, action/run.sh, as action.yml does:
// inputs as INPUT_* variables, outputs appended to $GITHUB_OUTPUT, uninitlint on PATH, in a git
// work tree (a copy of testdata/vetmod, which has findings).
func TestActionRunScript(t *testing.T) {
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	t.Parallel()
	bin := buildTool(t)
	script, err := filepath.Abs(filepath.Join("..", "..", "action", "run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	if err := os.CopyFS(repo, os.DirFS(filepath.Join("..", "..", "testdata", "vetmod"))); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "base"}} {
		gitCmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com",
			"-c", "commit.gpgsign=false"}, args...)...)
		gitCmd.Dir = repo
		if out, err := gitCmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	tests := []struct {
		name     string
		inputs   map[string]string
		code     int    // the script's
		output   string // what it must append to $GITHUB_OUTPUT
		inStdout string // what its stdout must contain
	}{
		{"findings", map[string]string{"FORMAT": "text"}, 0, "exit-code=3\nsarif-file=\n", "freed by upstream.Buf.Free"},
		{"sarif", map[string]string{"SARIF_FILE": "out.sarif"}, 0, "exit-code=3\nsarif-file=out.sarif\n",
			"uninitlint: findings reported in out.sarif"},
		{"only new", map[string]string{"FORMAT": "text", "NEW_FROM_REV": "HEAD"}, 0, "exit-code=0\nsarif-file=\n",
			"uninitlint: no findings"},
		{"bad flag", map[string]string{"FORMAT": "text", "ARGS": "-no-such-flag"}, 2, "exit-code=2\n",
			"::error title=uninitlint::uninitlint failed (exit 2)"},
		{"bad revision", map[string]string{"FORMAT": "text", "NEW_FROM_REV": "0123456789abcdef"}, 1, "",
			"::error title=uninitlint::cannot fetch 0123456789abcdef"},
	}
	for _, test := range tests {
		ghOutput := filepath.Join(t.TempDir(), "output")
		cmd := exec.Command("bash", script)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "CGO_ENABLED=1", "GITHUB_OUTPUT="+ghOutput,
			"PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
		for k, v := range test.inputs {
			cmd.Env = append(cmd.Env, "INPUT_"+k+"="+v)
		}
		out, _ := cmd.CombinedOutput()
		if test.name == "sarif" {
			checkSARIF(t, filepath.Join(repo, "out.sarif"))
		}
		written, _ := os.ReadFile(ghOutput)
		if code := cmd.ProcessState.ExitCode(); code != test.code || string(written) != test.output ||
			!strings.Contains(string(out), test.inStdout) {
			t.Errorf("%s: exit %d, $GITHUB_OUTPUT %q, output:\n%s\nwant exit %d, $GITHUB_OUTPUT %q, output with %q",
				test.name, code, written, out, test.code, test.output, test.inStdout)
		}
	}
}

// checkSARIF checks that the action's report is SARIF with results (the driver's tests and
// .ci/sarif-validate check the rest).
func checkSARIF(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 ||
		len(log.Runs[0].Results) == 0 {
		t.Errorf("%s: not a SARIF 2.1.0 log with results (%v):\n%.500s", path, err, data)
	}
}

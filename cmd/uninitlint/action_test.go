package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// actionRepo returns a scratch git repository whose subdirectory mod is a copy of
// testdata/vetmod (which has findings), committed.
func actionRepo(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	repo := t.TempDir()
	if err := os.CopyFS(filepath.Join(repo, "mod"), os.DirFS(filepath.Join("..", "..", "testdata", "vetmod"))); err != nil {
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
	return repo
}

// actionScript returns the absolute path of a script of the action.
func actionScript(t *testing.T, name string) string {
	script, err := filepath.Abs(filepath.Join("..", "..", "action", name))
	if err != nil {
		t.Fatal(err)
	}
	return script
}

// TestActionRunScript runs the GitHub Action's run step, action/run.sh, as action.yml does:
// inputs as INPUT_* variables, outputs appended to $GITHUB_OUTPUT, uninitlint on PATH, in the
// working directory mod of a git work tree, as with working-directory: mod.
func TestActionRunScript(t *testing.T) {
	repo := actionRepo(t)
	t.Parallel()
	bin := buildTool(t)
	mod := filepath.Join(repo, "mod")
	tests := []struct {
		name     string
		dir      string // the working directory, relative to repo
		inputs   map[string]string
		code     int    // the script's
		output   string // what it must append to $GITHUB_OUTPUT ($MOD stands for mod's path)
		inStdout string // what its stdout must contain
		sarif    string // the SARIF file it must write, if any
		new      bool   // whether the SARIF's results are new (with new-from-rev: unchanged)
	}{
		{"findings", "mod", map[string]string{"FORMAT": "text"}, 0,
			"exit-code=3\nsarif-file=\ncategory=uninitlint/mod\n", "freed by upstream.Buf.Free", "", false},
		// The SARIF file's path is absolute: the upload step resolves it from the workspace.
		{"sarif", "mod", map[string]string{"SARIF_FILE": "out.sarif"}, 0,
			"exit-code=3\nsarif-file=$MOD/out.sarif\ncategory=uninitlint/mod\n", "freed by upstream.Buf.Free", "out.sarif", true},
		{"only new", "mod", map[string]string{"FORMAT": "text", "NEW_FROM_REV": "HEAD"}, 0,
			"exit-code=0\nsarif-file=\ncategory=uninitlint/mod\n", "uninitlint: no findings new since HEAD", "", false},
		// On a pull request, the upload stays complete; only the exit code counts new findings.
		{"only new, sarif", "mod", map[string]string{"SARIF_FILE": "new.sarif", "NEW_FROM_REV": "HEAD"}, 0,
			"exit-code=0\nsarif-file=$MOD/new.sarif\ncategory=uninitlint/mod\n", "uninitlint: no findings", "new.sarif", false},
		{"bad flag", "mod", map[string]string{"FORMAT": "text", "ARGS": "-no-such-flag"}, 2,
			"exit-code=2\ncategory=uninitlint/mod\n", "::error title=uninitlint::uninitlint failed (exit 2)", "", false},
		{"bad revision", "mod", map[string]string{"FORMAT": "text", "NEW_FROM_REV": "0123456789abcdef"}, 1, "",
			"::error title=uninitlint::cannot fetch 0123456789abcdef", "", false},
		// At the top of the checkout the category stays the one of earlier uploads.
		{"top", ".", map[string]string{"FORMAT": "text", "PACKAGES": "./mod/nonexistent"}, 1,
			"exit-code=1\ncategory=uninitlint\n", "uninitlint failed (exit 1)", "", false},
	}
	for _, test := range tests {
		ghOutput := filepath.Join(t.TempDir(), "output")
		cmd := exec.Command("bash", actionScript(t, "run.sh"))
		cmd.Dir = filepath.Join(repo, test.dir)
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "CGO_ENABLED=1", "GITHUB_OUTPUT="+ghOutput,
			"PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
		for k, v := range test.inputs {
			cmd.Env = append(cmd.Env, "INPUT_"+k+"="+v)
		}
		out, _ := cmd.CombinedOutput()
		if test.sarif != "" {
			checkSARIF(t, filepath.Join(mod, test.sarif), test.new)
		}
		written, _ := os.ReadFile(ghOutput)
		want := strings.ReplaceAll(test.output, "$MOD", mod)
		if code := cmd.ProcessState.ExitCode(); code != test.code || string(written) != want ||
			!strings.Contains(string(out), test.inStdout) {
			t.Errorf("%s: exit %d, $GITHUB_OUTPUT %q, output:\n%s\nwant exit %d, $GITHUB_OUTPUT %q, output with %q",
				test.name, code, written, out, test.code, want, test.inStdout)
		}
	}
}

// checkSARIF checks that the action's report is SARIF with results, named from the top of the
// checkout (mod/...), all new or, after new-from-rev, all unchanged (the driver's tests and
// .ci/sarif-validate check the rest).
func checkSARIF(t *testing.T, path string, isNew bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				BaselineState string
				Locations     []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 ||
		len(log.Runs[0].Results) == 0 {
		t.Fatalf("%s: not a SARIF 2.1.0 log with results (%v):\n%.500s", path, err, data)
	}
	for _, res := range log.Runs[0].Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if !strings.HasPrefix(uri, "mod/") || isNew != (res.BaselineState == "") ||
			!isNew && res.BaselineState != "unchanged" {
			t.Errorf("%s: a result in %s with baseline state %q", path, uri, res.BaselineState)
		}
	}
}

// TestActionInstallScript runs the action's install step with the default version: it must
// build the linter from the action's own checkout, the ref the workflow uses.
func TestActionInstallScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	gobin := t.TempDir()
	cmd := exec.Command("bash", actionScript(t, "install.sh"))
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOBIN="+gobin, "GITHUB_ACTION_PATH="+root,
		"ACTION_REF=v9.9.9", "INPUT_VERSION=")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "at the action's ref (v9.9.9)") ||
		!strings.Contains(string(out), "uninitlint version ") {
		t.Fatalf("install.sh: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(gobin, "uninitlint")); err != nil {
		t.Error(err)
	}
}

// TestActionFiles checks what the action and the example workflow must say: the example's
// permissions (upload-sarif needs actions: read on private repositories), the action's default
// version (its own ref, not latest) and its category (from the working directory).
func TestActionFiles(t *testing.T) {
	t.Parallel()
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for name, wants := range map[string][]string{
		"docs/examples/uninitlint.yml": {"actions: read", "security-events: write", "contents: read"},
		"README.md":                    {"actions: read", "security-events: write", "contents: read"},
		"action.yml": {"ACTION_REF: ${{ github.action_ref }}", "category: ${{ steps.run.outputs.category }}",
			"default: \"\""},
	} {
		text := read(name)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not contain %q", name, want)
			}
		}
	}
	if strings.Contains(read("action.yml"), "default: latest") {
		t.Error("action.yml: version defaults to latest, whatever ref of the action is used")
	}
}

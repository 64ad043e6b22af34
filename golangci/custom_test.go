package golangci

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// The docs' example files, which the test builds and runs with, so that the docs cannot rot.
var (
	customConfig   = filepath.Join("..", "docs", "examples", ".custom-gcl.yml")
	golangciConfig = filepath.Join("..", "docs", "examples", ".golangci.yml")
)

// TestCustomBinary builds golangci-lint with this plugin, as `golangci-lint custom` does, and
// runs it on testdata/mod with the docs' .golangci.yml and variants of it. custom clones
// golangci-lint from GitHub; the test takes the same release from the Go module proxy instead,
// which is the only network it may use, and does the rest as custom does.
func TestCustomBinary(t *testing.T) {
	if os.Getenv("UNINITLINT_GOLANGCI") != "1" {
		t.Skip("set UNINITLINT_GOLANGCI=1 to build golangci-lint with the plugin: it needs the Go " +
			"module proxy and minutes (use -timeout 30m)")
	}
	bin := buildCustom(t)
	example := readFile(t, golangciConfig)
	cache := t.TempDir() // golangci-lint's; its keys include the linters' settings
	t.Run("example", func(t *testing.T) {
		checkFindings(t, runLint(t, bin, cache, example), "misaligned")
	})
	t.Run("nothing-disabled", func(t *testing.T) {
		cfg := replaceOnce(t, example, "disable:\n            - misaligned\n", "disable: []\n")
		checkFindings(t, runLint(t, bin, cache, cfg))
	})
	t.Run("unknown-key", func(t *testing.T) {
		cfg := replaceOnce(t, example, "disable:", "disabled:")
		out, code := lint(t, bin, cache, cfg)
		want := `json: unknown field "disabled"`
		if code == 0 || code == 1 || !strings.Contains(out, want) {
			t.Errorf("exit code %d, want an error saying %s:\n%s", code, want, out)
		}
	})
}

// buildCustom builds golangci-lint with the plugin and returns the binary. It follows
// golangci-lint's pkg/commands/internal/builder.go step by step: get the source, write
// cmd/golangci-lint/plugins.go, replace the plugin's module by this checkout (as a plugin with
// a path does), go mod tidy, go build.
func buildCustom(t *testing.T) string {
	t.Helper()
	version, module, importPath := readCustomConfig(t)
	src := goOutput(t, "", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+version)
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal(src, &dl); err != nil || dl.Dir == "" {
		t.Fatalf("go mod download golangci-lint %s: %v %s", version, err, dl.Error)
	}
	repo := filepath.Join(t.TempDir(), "golangci-lint")
	if err := os.CopyFS(repo, os.DirFS(dl.Dir)); err != nil { // the module cache is read-only
		t.Fatal(err)
	}
	plugins := fmt.Sprintf("package main\n\nimport (\n\t_ %q\n)\n", importPath)
	if err := os.WriteFile(filepath.Join(repo, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o666); err != nil {
		t.Fatal(err)
	}
	checkout, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	goOutput(t, repo, "mod", "edit", "-replace", module+"="+checkout)
	goOutput(t, repo, "mod", "tidy")
	bin := filepath.Join(t.TempDir(), "custom-gcl")
	goOutput(t, repo, "build", "-ldflags", "-s -w -X main.version="+version+"-custom-gcl",
		"-o", bin, "./cmd/golangci-lint")
	return bin
}

var customLine = regexp.MustCompile(`(?m)^\s*(?:- )?(version|module|import): *"?([^"\s#]+)`)

// readCustomConfig returns the golangci-lint version of the docs' .custom-gcl.yml, and its
// plugin's module and import path.
func readCustomConfig(t *testing.T) (version, module, importPath string) {
	t.Helper()
	fields := map[string]string{}
	for _, m := range customLine.FindAllStringSubmatch(readFile(t, customConfig), -1) {
		if _, seen := fields[m[1]]; !seen { // the first version is golangci-lint's
			fields[m[1]] = m[2]
		}
	}
	if fields["version"] == "" || fields["module"] == "" || fields["import"] == "" {
		t.Fatalf("%s: no version, module or import in %v", customConfig, fields)
	}
	return fields["version"], fields["module"], fields["import"]
}

// goOutput runs the go command in dir and returns its standard output.
func goOutput(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr.Bytes())
	}
	return out
}

// lint runs the custom binary on a copy of testdata/mod with config as its .golangci.yml and
// returns its combined output and exit code.
func lint(t *testing.T, bin, cache, config string) (string, int) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "mod"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o666); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--output.json.path=stdout", "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOLANGCI_LINT_CACHE="+cache)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if exit := (*exec.ExitError)(nil); err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", bin, err)
	}
	return out.String(), cmd.ProcessState.ExitCode()
}

// runLint runs lint, which must find issues, and returns them as "file:line: text".
func runLint(t *testing.T, bin, cache, config string) []string {
	t.Helper()
	out, code := lint(t, bin, cache, config)
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	start := strings.Index(out, "{")
	if code != 1 || start < 0 || json.NewDecoder(strings.NewReader(out[start:])).Decode(&report) != nil {
		t.Fatalf("exit code %d, want 1 and a JSON report of the issues:\n%s", code, out)
	}
	var got []string
	for _, is := range report.Issues {
		if is.FromLinter != Name {
			t.Errorf("issue from %q, want only %q: %s", is.FromLinter, Name, is.Text)
		}
		got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(is.Pos.Filename), is.Pos.Line, is.Text))
	}
	slices.Sort(got)
	return got
}

var findingComment = regexp.MustCompile(`// finding ([a-z-]+): (.*)$`)

// checkFindings checks that got holds exactly the findings testdata/mod's comments announce,
// less those of the disabled checks. golangci-lint prefixes each message with its pass.
func checkFindings(t *testing.T, got []string, disabled ...string) {
	t.Helper()
	var want []*regexp.Regexp
	for i, line := range strings.Split(readFile(t, filepath.Join("testdata", "mod", "bugs.go")), "\n") {
		m := findingComment.FindStringSubmatch(line)
		if m == nil || slices.Contains(disabled, m[1]) {
			continue
		}
		c := checks.Lookup(m[1])
		if c == nil {
			t.Fatalf("bugs.go:%d: no check %q", i+1, m[1])
		}
		want = append(want, regexp.MustCompile(fmt.Sprintf(`^bugs\.go:%d: %s: .*%s`, i+1, c.Pass, m[2])))
	}
	unmatched := slices.Clone(got)
	for _, rx := range want {
		i := slices.IndexFunc(unmatched, rx.MatchString)
		if i < 0 {
			t.Errorf("no issue matches %s", rx)
			continue
		}
		unmatched = slices.Delete(unmatched, i, i+1)
	}
	for _, u := range unmatched {
		t.Errorf("unexpected issue %s", u)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// replaceOnce returns s with its one occurrence of old replaced by new, so that a change to the
// docs' example that breaks a variant fails here rather than tests nothing.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if strings.Count(s, old) != 1 {
		t.Fatalf("%s no longer holds %q exactly once", golangciConfig, old)
	}
	return strings.Replace(s, old, new, 1)
}

// TestDocsShowExamples fails when docs/golangci-lint.md no longer shows the example files that
// TestCustomBinary runs with, as they are.
func TestDocsShowExamples(t *testing.T) {
	t.Parallel()
	doc := readFile(t, filepath.Join("..", "docs", "golangci-lint.md"))
	for _, path := range []string{customConfig, golangciConfig} {
		if !strings.Contains(doc, "```yaml\n"+readFile(t, path)+"```\n") {
			t.Errorf("docs/golangci-lint.md does not show %s as it is", path)
		}
	}
}

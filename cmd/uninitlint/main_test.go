package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// buildTool builds the uninitlint binary into a temporary directory.
func buildTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "uninitlint")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var findingLine = regexp.MustCompile(`^(?:\./)?([^\s:]+\.go):(\d+):\d+: (.*)$`)

// findings returns the "file:line: message" of each finding in out, sorted.
func findings(out []byte) []string {
	var fs []string
	for line := range strings.Lines(string(out)) {
		// go vet prints related positions as findings whose message starts with a tab
		if m := findingLine.FindStringSubmatch(strings.TrimRight(line, "\n")); m != nil && !strings.HasPrefix(m[3], "\t") {
			fs = append(fs, m[1]+":"+m[2]+": "+m[3])
		}
	}
	slices.Sort(fs)
	return slices.Compact(fs)
}

func run(t *testing.T, dir string, name string, args ...string) ([]byte, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "CGO_ENABLED=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", name, err)
	}
	return out.Bytes(), cmd.ProcessState.ExitCode()
}

// TestVettoolMatchesStandalone runs the binary standalone and under go vet -vettool on a module
// whose bugs need facts from another package, and requires the same findings from both.
func TestVettoolMatchesStandalone(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler: the testdata uses cgo")
	}
	t.Parallel()
	bin := buildTool(t)
	dir := filepath.Join("..", "..", "testdata", "vetmod")
	standalone, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("standalone exit code %d, want 3:\n%s", code, standalone)
	}
	vet, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 {
		t.Fatalf("go vet found nothing:\n%s", vet)
	}
	want, got := findings(standalone), findings(vet)
	if len(want) != 5 {
		t.Errorf("standalone: %d findings, want 5 (use after free, across append, double free, "+
			"uninitialized read, out-of-bounds add):\n%s", len(want), standalone)
	}
	if !slices.Equal(want, got) {
		t.Errorf("go vet and standalone differ\nstandalone:\n%s\ngo vet:\n%s",
			strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

// TestTypeErrors requires a clear error and exit code 1 for a package that does not type-check.
func TestTypeErrors(t *testing.T) {
	t.Parallel()
	bin := buildTool(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module bad\n\ngo 1.26\n"), 0o666)
	os.WriteFile(filepath.Join(dir, "bad.go"), []byte("package bad\n\nfunc f() int { return undefined }\n"), 0o666)
	out, code := run(t, dir, bin, "./...")
	if code != 1 || !strings.Contains(string(out), "undefined: undefined") {
		t.Fatalf("exit code %d, output:\n%s\nwant exit 1 naming the type error", code, out)
	}
}

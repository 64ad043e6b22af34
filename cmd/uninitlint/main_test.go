package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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

var findingLine = regexp.MustCompile(`^(?:\./)?([^\s:]+\.go):(\d+):\d+: (?:warning: )?(.*?)(?: \([a-z0-9-]+\))?$`)

// findings returns the "file:line: message" of each finding in out, sorted, without the
// severity and check name that the standalone text adds and go vet does not.
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
	if len(want) != 19 {
		t.Errorf("standalone: %d findings, want 19 (two uses after free, across append, double free, "+
			"four uninitialized reads, an upstream helper's uninitialized read, out-of-bounds add, a helper's out-of-bounds add, "+
			"unused directive, seven leaks of upstream's allocators):\n%s", len(want), standalone)
	}
	if !slices.Equal(want, got) {
		t.Errorf("go vet and standalone differ\nstandalone:\n%s\ngo vet:\n%s",
			strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

// TestCacheMatchesStandalone requires of -cache (go vet underneath, vet.go in internal/driver)
// exactly the standalone driver's output, in every format, on the cross-package module and on
// the shipped examples; a second -cache run, from go vet's cache, prints it too.
func TestCacheMatchesStandalone(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler: the testdata uses cgo")
	}
	t.Parallel()
	bin := buildTool(t)
	for _, dir := range []string{filepath.Join("..", "..", "testdata", "vetmod"), filepath.Join("..", "..", "examples")} {
		for _, format := range []string{"text", "json", "sarif", "github"} {
			want, wantCode := run(t, dir, bin, "-format="+format, "./...")
			for _, round := range []string{"first", "repeat"} {
				got, code := run(t, dir, bin, "-cache", "-format="+format, "./...")
				if code != wantCode || !bytes.Equal(got, want) {
					t.Errorf("%s, -format=%s, %s: -cache exit %d, printed:\n%s\nwant exit %d and the standalone output:\n%s",
						dir, format, round, code, got, wantCode, want)
				}
			}
		}
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

// TestDeterministic requires byte-identical output from two runs of each mode on the same
// input: the model's maps must not leak their iteration order into findings or facts.
func TestDeterministic(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler: the testdata uses cgo")
	}
	t.Parallel()
	bin := buildTool(t)
	dir := filepath.Join("..", "..", "testdata", "vetmod")
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}} {
		first, _ := run(t, dir, bin, args...)
		second, _ := run(t, dir, bin, args...)
		if !bytes.Equal(first, second) {
			t.Errorf("uninitlint %v: two runs differ:\n%s\n---\n%s", args, first, second)
		}
	}
	// go vet caches results under a key that includes the tool's content: a copy with a byte
	// appended per run makes each one analyze afresh.
	var outs [2][]string
	for i := range outs {
		tool := uniqueCopy(t, bin, i)
		out, _ := run(t, dir, "go", "vet", "-vettool="+tool, "./...")
		outs[i] = findings(out)
	}
	if len(outs[0]) != 19 {
		t.Errorf("go vet -vettool: %d findings, want the 19 of the standalone run", len(outs[0]))
	}
	if !slices.Equal(outs[0], outs[1]) {
		t.Errorf("go vet -vettool: two runs differ:\n%s\n---\n%s", strings.Join(outs[0], "\n"), strings.Join(outs[1], "\n"))
	}
}

// uniqueCopy copies the binary with n+1 bytes appended, so that go vet's cache misses.
func uniqueCopy(t *testing.T, bin string, n int) string {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "uninitlint"+strconv.Itoa(n))
	if err := os.WriteFile(dst, append(data, bytes.Repeat([]byte{0}, n+1)...), 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestExplain checks that -explain prints a check's documentation and URL, in both spellings,
// and that an unknown check lists the known ones and exits 2.
func TestExplain(t *testing.T) {
	t.Parallel()
	bin := buildTool(t)
	out, code := run(t, ".", bin, "-explain", "use-after-free")
	if code != 0 || !strings.Contains(string(out), "docs/escape.md#use-after-free") ||
		!strings.Contains(string(out), "C.free") {
		t.Errorf("-explain use-after-free: exit %d, output:\n%s", code, out)
	}
	if eq, code := run(t, ".", bin, "-explain=use-after-free"); code != 0 || !bytes.Equal(eq, out) {
		t.Errorf("-explain=use-after-free: exit %d, output:\n%s\nwant that of -explain use-after-free", code, eq)
	}
	out, code = run(t, ".", bin, "-explain", "no-such-check")
	if code != 2 || !strings.Contains(string(out), "stale-read") {
		t.Errorf("-explain no-such-check: exit %d, output:\n%s", code, out)
	}
}

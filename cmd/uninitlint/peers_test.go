package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var (
	expectMark = regexp.MustCompile(`// expect: ([a-z-]+)`)
	textLine   = regexp.MustCompile(`^([^\s:]+\.go):(\d+):\d+: .*\(([a-z0-9-]+)\)$`)
)

// TestPeerSuites runs the binary on two peer test suites, go vet's unsafeptr testdata and the
// runtime's checkptr test program (testdata/peers), and requires exactly the findings their
// "// expect: CHECK" comments name: every case of both that is wrong on every path is caught,
// and the rest of their lines, correct code among them, stay silent.
func TestPeerSuites(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "peers")
	var want []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(src), "\n") {
			if m := expectMark.FindStringSubmatch(line); m != nil {
				want = append(want, filepath.ToSlash(rel)+":"+strconv.Itoa(i+1)+" "+m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, buildTool(t), "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3:\n%s", code, out)
	}
	var got []string
	for line := range strings.Lines(string(out)) {
		if m := textLine.FindStringSubmatch(strings.TrimRight(line, "\n")); m != nil {
			got = append(got, strings.TrimPrefix(m[1], "./")+":"+m[2]+" "+m[3])
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings on the peer suites:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

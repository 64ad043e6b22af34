package checks

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDocsIndex fails when docs/README.md does not list every page of docs/ exactly once, or
// links to a page that does not exist.
func TestDocsIndex(t *testing.T) {
	t.Parallel()
	index, err := os.ReadFile(filepath.Join("..", "..", "docs", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, m := range regexp.MustCompile(`(?m)^- \[[^]]*\]\(([^)#]+\.md)\)`).FindAllStringSubmatch(string(index), -1) {
		listed = append(listed, m[1])
	}
	for _, page := range pages {
		name := filepath.Base(page)
		if n := strings.Count(strings.Join(listed, "\n")+"\n", name+"\n"); name != "README.md" && n != 1 {
			t.Errorf("docs/README.md lists %s %d times, want once", name, n)
		}
	}
	for _, name := range listed {
		if !slices.Contains(pages, filepath.Join("..", "..", "docs", name)) {
			t.Errorf("docs/README.md lists %s, which does not exist", name)
		}
	}
}

// version matches a version; on a line that names uninitlint, or says "since", it is one of
// uninitlint's.
var version = regexp.MustCompile(`\b(v\d+\.\d+\.\d+)\b`)

// TestVersionCitations fails when the docs, the Action or the table cite a version of
// uninitlint that CHANGELOG.md does not name: a release, or the next one, "Unreleased (vX.Y.Z)".
func TestVersionCitations(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	changelog, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## (?:Unreleased \()?(v\d+\.\d+\.\d+)`).FindAllStringSubmatch(string(changelog), -1) {
		known[m[1]] = true
	}
	if len(known) == 0 {
		t.Fatal("CHANGELOG.md names no version")
	}
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	examples, _ := filepath.Glob(filepath.Join(root, "docs", "examples", "*"))
	files = append(append(files, examples...), filepath.Join(root, "README.md"), filepath.Join(root, "action.yml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.Contains(line, "uninitlint") && !strings.Contains(line, "since v") {
				continue // another project's version (a corpus module, an action)
			}
			for _, m := range version.FindAllStringSubmatch(line, -1) {
				if !known[m[1]] {
					t.Errorf("%s cites %s, which CHANGELOG.md does not name: %s", name, m[1], strings.TrimSpace(line))
				}
			}
		}
	}
	for _, c := range All {
		if !known[c.Since] {
			t.Errorf("check %s: since %s, which CHANGELOG.md does not name", c.Name, c.Since)
		}
	}
}

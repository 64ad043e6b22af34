package checks

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsFresh fails when docs/ does not match the table of checks.
func TestDocsFresh(t *testing.T) {
	t.Parallel()
	for _, pass := range Passes() {
		path := filepath.Join("..", "..", "docs", pass+".md")
		got, err := os.ReadFile(path)
		if err != nil || string(got) != Markdown(pass) {
			t.Errorf("%s is stale: run go generate ./internal/checks", path)
		}
	}
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestTable checks what the table promises: stable names that are Markdown anchors, every
// field filled, and no check without its documentation section.
func TestTable(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, c := range All {
		if !kebab.MatchString(c.Name) || seen[c.Name] {
			t.Errorf("check %q: names must be unique kebab-case (they are Categories and anchors)", c.Name)
		}
		seen[c.Name] = true
		if c.Pass == "" || c.Title == "" || c.Text == "" || c.Bad == "" || c.Good == "" || c.Since == "" ||
			(c.Severity != Error && c.Severity != Warning) {
			t.Errorf("check %q: every field of the table must be filled", c.Name)
		}
		if !strings.Contains(Markdown(c.Pass), "\n## "+c.Name+"\n") {
			t.Errorf("check %q has no section (anchor) in its pass's page", c.Name)
		}
		if Explain(c.Name) == "" {
			t.Errorf("check %q: no -explain text", c.Name)
		}
	}
}

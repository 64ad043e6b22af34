package checks

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestReadmeChecks fails when the README's table of checks does not list every check of the
// table, in its order, with its pass and title.
func TestReadmeChecks(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^\| \[([a-z-]+)\]\(docs/([a-z]+)\.md#([a-z-]+)\) \| ([a-z]+) \| (.*) \|$`)
	rows := row.FindAllStringSubmatch(string(readme), -1)
	if len(rows) != len(All) {
		t.Errorf("README.md lists %d checks, the table has %d", len(rows), len(All))
	}
	for i, c := range All {
		if i >= len(rows) {
			t.Errorf("README.md does not list %s", c.Name)
			continue
		}
		r := rows[i]
		if r[1] != c.Name || r[3] != c.Name || r[2] != c.Pass || r[4] != c.Pass || r[5] != c.Title {
			t.Errorf("README.md row %d is %q, want | [%s](docs/%s.md#%s) | %s | %s |", i+1, r[0], c.Name, c.Pass, c.Name, c.Pass, c.Title)
		}
	}
}

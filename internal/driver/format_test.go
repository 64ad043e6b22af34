package driver_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFormats checks -format with several formats and -o: one run, each format where it was
// asked for, and the usage errors of what cannot be.
func TestFormats(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sarif, jsonFile := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.json")
	stdout, _, code := uninitlint(t, "-format=text,sarif,json:"+jsonFile, "-o", sarif, "./finds")
	if code != 3 || !strings.HasPrefix(stdout, "finds/finds.go:8:2: call of bad") {
		t.Errorf("exit %d, stdout:\n%s\nwant exit 3 and the text", code, stdout)
	}
	for _, name := range []string{sarif, jsonFile} {
		var v map[string]any
		if data, err := os.ReadFile(name); err != nil || json.Unmarshal(data, &v) != nil || len(v) == 0 {
			t.Errorf("%s: not written, or not JSON (%v)", name, err)
		}
	}
	for _, test := range []struct{ args, stderr string }{
		{"-format=text,json", "uninitlint: -format: more than one format to stdout"},
		{"-format=text,json,sarif -o=x", "uninitlint: -o: with several formats, exactly one"},
		{"-format=json:x,sarif:x", "uninitlint: -format writes x twice"},
	} {
		_, stderr, code := uninitlint(t, append(strings.Fields(test.args), "./finds")...)
		if code != 2 || !strings.HasPrefix(stderr, test.stderr) {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 2 and %q", test.args, code, stderr, test.stderr)
		}
	}
}

// TestPackageErrorsInEveryFormat checks that a package that cannot be analyzed is named in the
// JSON tree and as a GitHub annotation, not only on stderr.
func TestPackageErrorsInEveryFormat(t *testing.T) {
	t.Parallel()
	for format, want := range map[string]string{
		"json":   `"uninitlint": {` + "\n\t\t\t" + `"error": "type error: typeerr/typeerr.go:9:2: undefined: undefined"`,
		"github": "::error title=uninitlint::example.com/mod/typeerr: type error: typeerr/typeerr.go:9:2: undefined: undefined\n",
	} {
		stdout, _, code := uninitlint(t, "-format="+format, "./typeerr")
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("-format=%s: exit %d, stdout:\n%s\nwant exit 1 and %q", format, code, stdout, want)
		}
	}
}

// TestSyntaxErrorOnce checks that one syntax error prints one line, as go vet prints it,
// not the parser's recovery errors and the type checker's after it.
func TestSyntaxErrorOnce(t *testing.T) {
	t.Parallel()
	_, stderr, code := uninitlint(t, "./syntaxerr")
	want := "uninitlint: example.com/mod/syntaxerr: syntax error: syntaxerr/syntaxerr.go:7:1: expected operand, found '}'\n"
	if code != 1 || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 2 {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1, %q and the summary", code, stderr, want)
	}
}

// TestList checks that -list prints every check with its pass, severity, state and title,
// and that the state follows the flags.
func TestList(t *testing.T) {
	t.Parallel()
	stdout, _, code := uninitlint(t, "-list")
	if code != 0 || !regexp.MustCompile(`(?m)^CHECK +PASS +SEVERITY +STATE +TITLE\n`).MatchString(stdout) ||
		!regexp.MustCompile(`(?m)^use-after-grow +escape +warning +off +a view of`).MatchString(stdout) {
		t.Errorf("exit %d, -list printed:\n%s", code, stdout)
	}
}

// TestVersion checks -version and the -V=full handshake of go vet, which requires
// "NAME version devel ... buildID=ID" and keys its cache by ID.
func TestVersion(t *testing.T) {
	t.Parallel()
	stdout, _, code := uninitlint(t, "-version")
	if code != 0 || !regexp.MustCompile(`^uninitlint version (v\d\S*|devel\S*( \S+)?) go\S+\n$`).MatchString(stdout) {
		t.Errorf("-version: exit %d, %q", code, stdout)
	}
	stdout, _, code = uninitlint(t, "-V=full")
	if code != 0 || !regexp.MustCompile(`^\S+ version devel uninitlint@\S+( \S+)? buildID=[0-9a-f]{64}\n$`).MatchString(stdout) ||
		strings.Contains(stdout, "comments-go-here") {
		t.Errorf("-V=full: exit %d, %q", code, stdout)
	}
}

// TestLineDirective checks that a //line directive without a column gives no column 0, which
// SARIF forbids and GitHub rejects a whole upload for, nor a GitHub annotation's col=0.
func TestLineDirective(t *testing.T) {
	t.Parallel()
	sarif, _, _ := uninitlint(t, "-format=sarif", "-srcroot=.", "./linedir")
	if strings.Contains(sarif, `Column": 0`) || !strings.Contains(sarif, `"uri": "linedir/grammar.y"`) {
		t.Errorf("SARIF has a column 0, or not grammar.y:\n%s", sarif)
	}
	github, _, _ := uninitlint(t, "-format=github", "-srcroot=.", "./linedir")
	if !strings.HasPrefix(github, "::error file=linedir/grammar.y,line=20,title=") {
		t.Errorf("github printed %s", github)
	}
}

// TestGrouped checks that the uses of one cause print as one finding, at the first, listing the
// others, and count in JSON and SARIF.
func TestGrouped(t *testing.T) {
	t.Parallel()
	text, stderr, code := uninitlint(t, "./grouped")
	want := "grouped/grouped.go:11:2: use after put (use-after-put)\n" +
		"\tgrouped/grouped.go:5:6: put here\n" +
		"\tgrouped/grouped.go:12:2: again here\n" +
		"\tgrouped/grouped.go:13:2: again here\n" +
		"grouped/grouped.go:17:2: use after put (use-after-put)\n" +
		"\tgrouped/grouped.go:5:6: put here\n"
	if code != 3 || text != want || stderr != "uninitlint: 2 findings in 1 of 1 package\n" {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit 3 and\n%s", code, text, stderr, want)
	}
	jsonOut, _, _ := uninitlint(t, "-json", "./grouped")
	if strings.Count(jsonOut, `"count": 3`) != 1 || strings.Count(jsonOut, `"count"`) != 1 {
		t.Errorf("JSON does not count the group once:\n%s", jsonOut)
	}
	sarif, _, _ := uninitlint(t, "-format=sarif", "./grouped")
	if !strings.Contains(sarif, `"text": "use after put; put [here](1), again [here](2), again [here](3)"`) ||
		!strings.Contains(sarif, `"count": 3`) {
		t.Errorf("SARIF does not link or count the group:\n%s", sarif)
	}
}

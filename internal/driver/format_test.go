package driver_test

import (
	"regexp"
	"strings"
	"testing"
)

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

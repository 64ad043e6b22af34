package driver_test

import (
	"regexp"
	"strings"
	"testing"
)

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

package driver

import "testing"

// TestGitHubEscaping checks that what the runner would take for the end of a command, or of
// a property, is escaped, and that '%' is escaped first so an escape cannot be forged.
func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	got := githubCommand("error", []string{"file", "a,b:c%d.go", "title", "x\ny"}, "100% sure: a,b\r\nnext %0A")
	want := "::error file=a%2Cb%3Ac%25d.go,title=x%0Ay::100%25 sure: a,b%0D%0Anext %250A"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

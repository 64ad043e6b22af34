package driver_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCacheMatchesStandalone runs each output of TestOutput, and the error cases, under -cache
// (go vet underneath) and requires what the standalone driver prints: the same findings in
// every format, the same summary, the same exit code.
func TestCacheMatchesStandalone(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"./clean", "./finds", "./gen"},
		{"-json", "./clean", "./finds", "./gen"},
		{"-format=sarif", "-srcroot=.", "./finds", "./nested/..."},
		{"-format=github", "-srcroot=.", "./finds", "./nested/..."},
		{"-c=1", "./finds"},
		{"-test=false", "./finds"},
		{"-badcall=false", "./finds"},
		{"-disable=badcall", "./finds"},
		{"-panicky", "./finds"},
		{"./boom"},
		{"./typeerr"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			wantOut, wantErr, wantCode := uninitlint(t, args...)
			out, errOut, code := uninitlint(t, append([]string{"-cache"}, args...)...)
			if out != wantOut || code != wantCode {
				t.Errorf("-cache: exit %d, stdout:\n%s\nwant exit %d and the standalone driver's:\n%s", code, out, wantCode, wantOut)
			}
			if (errOut == "") != (wantErr == "") || lastLine(errOut) != lastLine(wantErr) {
				t.Errorf("-cache: stderr:\n%s\nstandalone stderr (the same summary at the end):\n%s", errOut, wantErr)
			}
		})
	}
}

// lastLine returns the last line of s, the summary of a run's stderr.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestProgress runs the driver under script(1), which gives it a terminal for stderr: both
// drivers then show "N/M packages" and erase the line before the summary. (Without a terminal they
// print nothing, which TestOutput checks.)
func TestProgress(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script(1) to give the driver a terminal")
	}
	t.Parallel()
	for _, mode := range []string{"", "-cache"} {
		cmd := command(t, script, "-qec", testBinary(t)+" "+mode+" ./finds >/dev/null", "/dev/null")
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), "/") || !strings.Contains(string(out), " packages") ||
			!strings.Contains(string(out), "\r\033[Kuninitlint: ") { // then the summary
			t.Errorf("%q under a terminal printed %q; want a progress line, erased at the end", mode, out)
		}
	}
}

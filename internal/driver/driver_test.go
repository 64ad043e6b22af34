package driver_test

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestOutput checks the output of each format against testdata/*.golden.
func TestOutput(t *testing.T) {
	t.Parallel()
	packages := []string{"./clean", "./finds", "./gen"}
	// The formats for code review tools name files relative to the source root, here the
	// module, and nested/inner has its finding's related position in another file.
	rooted := []string{"-srcroot=.", "./finds", "./nested/..."}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"text", packages, 3},
		{"json", append([]string{"-json"}, packages...), 3},
		{"sarif", append([]string{"-format=sarif"}, rooted...), 3},
		{"github", append([]string{"-format=github"}, rooted...), 3},
		{"context", []string{"-c=1", "./finds"}, 3},
		{"notest", []string{"-test=false", "./finds"}, 3},
		{"disabled", []string{"-badcall=false", "./finds"}, 0},
		{"only", []string{"-panicky", "./finds"}, 0},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := uninitlint(t, test.args...)
			if code != test.code || !summaryLine.MatchString(stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d, only the summary on stderr", code, stderr, test.code)
			}
			// JSON positions are absolute, as in x/tools; SARIF names the root as a URI.
			stdout = strings.ReplaceAll(stdout, (&url.URL{Path: modDir(t)}).EscapedPath(), "$MOD")
			checkGolden(t, test.name, strings.ReplaceAll(stdout, modDir(t), "$MOD"))
		})
	}
}

// summaryLine matches a stderr that holds only the summary of the run.
var summaryLine = regexp.MustCompile(`^uninitlint: (no findings|\d+ findings?) in [^\n]*packages?\n$`)

// TestSummary checks the line that ends a run on stderr.
func TestSummary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"./clean", "./finds", "./gen"}, "uninitlint: 3 findings in 2 of 3 packages\n"},
		{[]string{"-format=json", "./finds"}, "uninitlint: 2 findings in 1 of 1 package\n"},
		{[]string{"./clean"}, "uninitlint: no findings in 1 package\n"},
		{[]string{"./clean", "./typeerr"}, "uninitlint: no findings in 2 packages; 1 package not analyzed (errors above)\n"},
	}
	for _, test := range tests {
		_, stderr, _ := uninitlint(t, test.args...)
		if got := stderr[strings.LastIndex(stderr[:len(stderr)-1], "\n")+1:]; got != test.want {
			t.Errorf("%q: stderr ends with %q, want %q", test.args, got, test.want)
		}
	}
}

// TestJSONSynonym checks that -json, which go vet passes, is -format=json.
func TestJSONSynonym(t *testing.T) {
	t.Parallel()
	json, _, _ := uninitlint(t, "-json", "./finds")
	format, _, _ := uninitlint(t, "-format=json", "./finds")
	if json != format {
		t.Errorf("-json printed\n%s\nbut -format=json printed\n%s", json, format)
	}
}

// TestErrors checks that errors are named on stderr and exit 1, even beside findings.
func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		stderr string // what stderr must hold
		stdout string // what stdout must hold; if empty, stdout must be
	}{
		{"typeerr", []string{"./typeerr"},
			"uninitlint: example.com/mod/typeerr: type error: typeerr/typeerr.go:9:2: undefined: undefined\n", ""},
		{"panic", []string{"./boom"},
			"uninitlint: analyzer panicky on package example.com/mod/boom: panic: kaboom\ngoroutine ",
			"boom/boom.go:8:2: call of bad (declared on line 5) (bad-call)\n"},
		{"jsonpanic", []string{"-json", "./boom"},
			"", `"error": "analyzer panicky on package example.com/mod/boom: panic: kaboom\ngoroutine `},
		{"all", []string{"./..."},
			"uninitlint: analyzer panicky on package example.com/mod/boom: panic: kaboom\n",
			"finds/finds.go:8:2: call of bad (declared on line 5) (bad-call)\n"},
		{"nomatch", []string{"./nonexistent"}, "uninitlint: ./nonexistent: error: ", ""},
		{"githubpanic", []string{"-format=github", "./boom"},
			"", "::error title=uninitlint::analyzer panicky on package example.com/mod/boom: panic: kaboom%0Agoroutine "},
		{"sarifpanic", []string{"-format=sarif", "./boom"},
			"", `"text": "analyzer panicky on package example.com/mod/boom: panic: kaboom\ngoroutine `},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := uninitlint(t, test.args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, test.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", test.stderr, stderr)
			}
			if !strings.Contains(stdout, test.stdout) || test.stdout == "" && stdout != "" {
				t.Errorf("stdout does not contain %q, or is not empty:\n%s", test.stdout, stdout)
			}
		})
	}
}

// TestUsage checks the usage errors: no packages, an unknown format, and -json with
// another format.
func TestUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args   []string
		stderr string // what stderr must start with
	}{
		{nil, "usage: "},
		{[]string{"-format=xml", "./finds"}, `uninitlint: unknown -format "xml"`},
		{[]string{"-json", "-format=sarif", "./finds"}, "uninitlint: -json conflicts with -format=sarif"},
	}
	for _, test := range tests {
		_, stderr, code := uninitlint(t, test.args...)
		if code != 2 || !strings.HasPrefix(stderr, test.stderr) {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit 2 and %q", test.args, code, stderr, test.stderr)
		}
	}
}

// TestBadFlag checks that a wrong flag is one line, naming the nearest flag, and not the whole
// usage, which -h prints.
func TestBadFlag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"-badcal=false", "./finds"}, "uninitlint: flag provided but not defined: -badcal (did you mean -badcall?) (uninitlint -h lists the flags)\n"},
		{[]string{"-disable=nosuch", "./finds"}, `uninitlint: -disable: "nosuch" is neither a check nor a pass of uninitlint`},
		{[]string{"-c=x", "./finds"}, `uninitlint: invalid value "x" for flag -c`},
	}
	for _, test := range tests {
		_, stderr, code := uninitlint(t, test.args...)
		if code != 2 || !strings.HasPrefix(stderr, test.stderr) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit 2 and one line %q", test.args, code, stderr, test.stderr)
		}
	}
	_, stderr, code := uninitlint(t, "-h")
	if code != 0 || !strings.Contains(stderr, "-explain CHECK") || !strings.Contains(stderr, "-disable") {
		t.Errorf("-h: exit %d, stderr:\n%s\nwant exit 0 and the usage, with -explain and -disable", code, stderr)
	}
}

// TestDisable checks that -disable=PASS drops the pass, as -PASS=false does.
func TestDisable(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := uninitlint(t, "-disable=badcall", "./finds")
	if code != 0 || stdout != "" || !strings.HasPrefix(stderr, "uninitlint: no findings") {
		t.Errorf("-disable=badcall: exit %d, stdout %q, stderr %q; want a clean run", code, stdout, stderr)
	}
}

// TestSARIFInvocation checks that a SARIF log says whether the run could look at
// everything: a clean run succeeded, and a failed analyzer or a broken package did not.
func TestSARIFInvocation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pkg           string
		successful    bool
		notifications int
	}{
		{"./clean", true, 0},
		{"./boom", false, 1},
		{"./typeerr", false, 1},
	}
	for _, test := range tests {
		stdout, _, _ := uninitlint(t, "-format=sarif", test.pkg)
		var log struct {
			Runs []struct {
				Invocations []struct {
					ExecutionSuccessful        bool
					ToolExecutionNotifications []any
				}
			}
		}
		if err := json.Unmarshal([]byte(stdout), &log); err != nil {
			t.Fatalf("%s: %v", test.pkg, err)
		}
		inv := log.Runs[0].Invocations[0]
		if inv.ExecutionSuccessful != test.successful || len(inv.ToolExecutionNotifications) != test.notifications {
			t.Errorf("%s: invocation %+v, want executionSuccessful %v and %d notifications",
				test.pkg, inv, test.successful, test.notifications)
		}
	}
}

// TestGenerated checks that generated files get no findings, beside a file that does.
func TestGenerated(t *testing.T) {
	t.Parallel()
	stdout, _, code := uninitlint(t, "./gen")
	if code != 3 || !strings.Contains(stdout, "gen/hand.go:") || strings.Contains(stdout, "gen/gen.go:") {
		t.Errorf("exit %d, stdout:\n%s\nwant exit 3 and findings in gen/hand.go only", code, stdout)
	}
}

// TestDeterministic checks that two runs print the same bytes, although the checker
// analyzes packages in parallel.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"-json=false", "-json=true", "-format=sarif", "-format=github"} {
		args := []string{format, "./clean", "./finds", "./gen", "./typeerr"}
		stdout1, stderr1, _ := uninitlint(t, args...)
		stdout2, stderr2, _ := uninitlint(t, args...)
		if stdout1 != stdout2 || stderr1 != stderr2 {
			t.Errorf("%s: two runs differ:\n%s%s\nand\n%s%s", format, stdout1, stderr1, stdout2, stderr2)
		}
	}
}

// TestVettool runs the driver end to end under go vet -vettool.
func TestVettool(t *testing.T) {
	t.Parallel()
	cmd := command(t, "go", "vet", "-vettool="+testBinary(t), "./finds")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Errorf("go vet succeeded, want findings")
	}
	for _, want := range []string{
		"finds/finds.go:8:2: call of bad (declared on line 5)",
		"finds/finds_test.go:5:2: call of bad (declared on line 5)",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("go vet output does not contain %q:\n%s", want, out)
		}
	}
}

// TestCgoDisabled checks that a run with cgo disabled warns, once, that it leaves out the cgo
// files of a package that mixes them with pure Go files, which would otherwise vanish silently.
func TestCgoDisabled(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"-cache=false", "-cache"} {
		cmd := command(t, testBinary(t), mode, "./cgomixed", "./clean")
		cmd.Env = append(cmd.Env, "CGO_ENABLED=0")
		out, _ := cmd.CombinedOutput()
		want := "uninitlint: warning: cgo is disabled (CGO_ENABLED=0 or no C compiler), so 1 cgo files are not analyzed (example.com/mod/cgomixed: withc.go)"
		if strings.Count(string(out), "warning: cgo is disabled") != 1 || !strings.Contains(string(out), want) {
			t.Errorf("%s, CGO_ENABLED=0: output:\n%s\nwant one warning %q", mode, out, want)
		}
	}
	cmd := command(t, testBinary(t), "./clean")
	cmd.Env = append(cmd.Env, "CGO_ENABLED=0")
	if out, _ := cmd.CombinedOutput(); strings.Contains(string(out), "warning") {
		t.Errorf("CGO_ENABLED=0 on pure Go: output:\n%s\nwant no warning", out)
	}
}

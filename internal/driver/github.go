package driver

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// The github format prints one GitHub Actions workflow command per finding, which the
// runner turns into an annotation on the file and lines of the pull request:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=uninitlint CHECK::message
//
// (endLine and endColumn only for a finding that has an end; the checks report positions.)
// The message continues with one line per related position, "file:line:col: message" (the
// "freed here" witnesses), since an annotation has a single location. Paths are relative
// to the source root, as the runner expects them relative to the checkout. Columns are
// Go's, in bytes (left out when a //line directive leaves them unknown). A warning is a
// ::warning command. Analyzer failures and the errors of packages that could not be analyzed
// become "::error title=uninitlint::error" commands, so that they show beside the findings in
// the run's summary instead of only in its log. GitHub shows at most 10 error and 10 warning
// annotations of each step on the pull request; the others are in the log.
// See https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands.

// Escapes of workflow commands, as the runner's own toolkit (@actions/core) does them: the
// runner unescapes these, and an unescaped newline would end the command. Property values
// also escape the ':' and ',' that delimit them.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// printGitHub writes r to w as workflow commands.
func (r *report) printGitHub(w io.Writer, opts *options) error {
	root, err := sourceRoot(opts.srcroot)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, f := range r.findings {
		fmt.Fprintln(bw, githubFinding(root, f))
	}
	for _, e := range r.broken {
		fmt.Fprintln(bw, githubCommand("error", []string{"title", progname}, e.String()))
	}
	for _, f := range r.failures {
		fmt.Fprintln(bw, githubCommand("error", []string{"title", progname}, f.err.Error()))
	}
	return bw.Flush()
}

// githubFinding returns the workflow command of f, with its paths relative to root.
func githubFinding(root string, f finding) string {
	start := f.posn()
	props := []string{
		"file", githubPath(root, start.Filename),
		"line", fmt.Sprint(start.Line),
	}
	if start.Column > 0 {
		props = append(props, "col", fmt.Sprint(start.Column))
	}
	if end := f.position(f.diag.End); f.diag.End.IsValid() && end.Column > 0 && start.Column > 0 {
		props = append(props, "endLine", fmt.Sprint(end.Line), "endColumn", fmt.Sprint(end.Column))
	}
	props = append(props, "title", progname+" "+f.check())
	msg := f.diag.Message
	for _, rel := range f.related() {
		p := f.position(rel.Pos)
		p.Filename = githubPath(root, p.Filename)
		msg += "\n" + p.String() + ": " + rel.Message
	}
	return githubCommand(string(f.severity()), props, msg)
}

// githubCommand returns a command ("error" or "warning") with the properties, given as name and
// value pairs, and the message.
func githubCommand(command string, props []string, msg string) string {
	var b strings.Builder
	b.WriteString("::" + command + " ")
	for i := 0; i < len(props); i += 2 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(props[i] + "=" + githubProperty.Replace(props[i+1]))
	}
	return b.String() + "::" + githubData.Replace(msg)
}

// githubPath returns name relative to root, with forward slashes, or name if it lies
// outside root (the runner then shows the annotation without a file).
func githubPath(root, name string) string {
	return filepath.ToSlash(relative(root, name))
}

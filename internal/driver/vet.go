package driver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// -cache runs the analyzers under `go vet -vettool=<this binary> -json` instead of loading the
// packages itself. The go command then analyzes one package at a time from export data, as for
// any vet tool, and caches each package's result under a key of the tool binary's content, its
// flags and the package's inputs: a second run on unchanged code replays the results, and a
// change re-analyzes only the packages it reaches. Peak memory is that of the largest package,
// not of the whole program (the standalone driver holds every package's syntax and SSA until
// the end). The JSON tree go vet prints carries everything the report needs (position, end,
// message, category, related positions, fixes, analyzer errors), so every format, -new-from-rev
// and the exit codes work as in the standalone driver. Positions come back as text; they are
// turned into token.Pos values over files read from disk (vetFiles), which the printers use as
// they use the loader's.

// runVet runs the analyzers as opts say under go vet and returns the report.
func runVet(opts *options, all []*analysis.Analyzer) (*report, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	args := append([]string{"vet", "-vettool=" + self, "-json"}, vetFlags(all, opts.analyzers)...)
	cmd := exec.Command("go", append(append(args, "--"), opts.patterns...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cache: go vet: %w", err)
	}
	if os.Getenv("CGO_ENABLED") == "0" { // the cheap test: no go list on an ordinary run
		warnCgoVet(opts.patterns)
	}
	prog := newProgress(opts.patterns)
	counted := make(chan int, 1) // for the summary, beside go vet: a clean package prints {}
	go func() {
		n, _ := listCounts(opts.patterns)
		counted <- n
	}()
	r, files := new(report), newVetFiles()
	decErr := decodeVet(stdout, func(tree jsonTree) {
		r.addVet(tree, files, opts.tests)
		prog.done()
	})
	r.packages = <-counted
	prog.stop()
	waitErr := cmd.Wait()
	if decErr != nil {
		return nil, fmt.Errorf("cache: read go vet's output: %w", decErr)
	}
	var exit *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exit) {
		return nil, fmt.Errorf("cache: go vet: %w", waitErr)
	}
	switch {
	case waitErr != nil:
		// Packages that do not build or type-check: go vet names them on stderr, "# pkg" then
		// the errors, and exits 1.
		if r.broken = vetErrors(stderr.String()); len(r.broken) == 0 {
			r.broken = []packageError{{"go vet", waitErr.Error()}}
		}
	case stderr.Len() > 0:
		os.Stderr.Write(stderr.Bytes()) // the go command's news ("go: downloading ...")
	}
	r.finish()
	return r, nil
}

// warnCgoVet warns, as the standalone driver does, when go vet will leave out the cgo files of
// the packages that patterns name.
func warnCgoVet(patterns []string) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles}, patterns...)
	if err != nil {
		return // go vet will say
	}
	if w := cgoDropped(pkgs); w != "" {
		fmt.Fprintf(os.Stderr, "%s: %s\n", progname, w)
	}
}

// vetFlags returns the flags that tell the vet tool what opts selected: -NAME=false for each
// analyzer not selected, and each analyzer flag that was set (the -disable flags).
func vetFlags(all, selected []*analysis.Analyzer) []string {
	var out []string
	for _, a := range all {
		on := false
		for _, s := range selected {
			on = on || s == a
		}
		if !on {
			out = append(out, "-"+a.Name+"=false")
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if v := f.Value.String(); v != f.DefValue {
				out = append(out, "-"+a.Name+"."+f.Name+"="+v)
			}
		})
	}
	return out
}

// decodeVet calls add for each JSON tree in r: go vet prints one per package it vets ({} when
// the package is clean, or its result was cached clean).
func decodeVet(r io.Reader, add func(jsonTree)) error {
	dec := json.NewDecoder(bufio.NewReader(r))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		out := make(jsonTree)
		for id, byAnalyzer := range tree {
			out[id] = map[string]any{}
			for name, raw := range byAnalyzer {
				var diags []jsonDiagnostic
				if json.Unmarshal(raw, &diags) == nil {
					out[id][name] = diags
					continue
				}
				var e jsonError
				if err := json.Unmarshal(raw, &e); err != nil {
					return err
				}
				out[id][name] = e
			}
		}
		add(out)
	}
}

// addVet adds the findings and failures of one tree. A tree is keyed by package ID, which for
// a test variant is "p [p.test]": the path is what comes before the bracket. Findings in test
// files are dropped when tests are off, as go vet always vets them; those in generated files are
// dropped as the standalone driver drops them.
func (r *report) addVet(tree jsonTree, files *vetFiles, tests bool) {
	for id, byAnalyzer := range tree {
		path, _, _ := strings.Cut(id, " ")
		for name, v := range byAnalyzer {
			switch v := v.(type) {
			case jsonError:
				r.failures = append(r.failures, failure{path, name, errors.New(v.Err)})
			case []jsonDiagnostic:
				for _, jd := range v {
					d := files.diagnostic(jd)
					p := files.fset.Position(d.Pos)
					if !d.Pos.IsValid() || !tests && strings.HasSuffix(p.Filename, "_test.go") ||
						files.isGenerated(p.Filename) {
						continue
					}
					r.findings = append(r.findings, finding{pkgPath: path, analyzer: name, fset: files.fset,
						diag: d, scope: files.enclosingFunc(d.Pos)})
				}
			}
		}
	}
}

// vetErrors returns go vet's errors, one per line, as packageErrors gives the loader's, without
// go vet's "# pkg" headers.
func vetErrors(stderr string) []packageError {
	var out []packageError
	pkg := "go vet"
	for line := range strings.Lines(stderr) {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "# "):
			pkg, _, _ = strings.Cut(strings.TrimPrefix(line, "# "), " ")
		case line != "":
			out = append(out, packageError{pkg, line})
		}
	}
	return out
}

// vetFiles turns go vet's textual positions back into token.Pos values, over one FileSet with
// one token.File per source file named, read from disk once.
type vetFiles struct {
	fset      *token.FileSet
	files     map[string]*token.File // nil: unreadable
	generated map[string]bool
	syntax    map[string]*ast.File // parsed for enclosingFunc; nil: unparsable
}

func newVetFiles() *vetFiles {
	return &vetFiles{fset: token.NewFileSet(), files: map[string]*token.File{}, generated: map[string]bool{},
		syntax: map[string]*ast.File{}}
}

// diagnostic converts jd. An end equal to the start is no end, as for a Diagnostic without one.
func (vf *vetFiles) diagnostic(jd jsonDiagnostic) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: vf.pos(jd.Posn), Message: jd.Message, Category: jd.Category}
	if jd.End != jd.Posn {
		d.End = vf.pos(jd.End)
	}
	if c := checks.Lookup(jd.Category); c != nil {
		d.URL = c.URL() // as checks.Reporter sets it
	}
	for _, rel := range jd.Related {
		ri := analysis.RelatedInformation{Pos: vf.pos(rel.Posn), Message: rel.Message}
		if rel.End != rel.Posn {
			ri.End = vf.pos(rel.End)
		}
		d.Related = append(d.Related, ri)
	}
	for _, fix := range jd.SuggestedFixes {
		sf := analysis.SuggestedFix{Message: fix.Message}
		for _, e := range fix.Edits {
			if tf := vf.file(e.Filename); tf != nil && e.End <= tf.Size() {
				sf.TextEdits = append(sf.TextEdits,
					analysis.TextEdit{Pos: tf.Pos(e.Start), End: tf.Pos(e.End), NewText: []byte(e.New)})
			}
		}
		d.SuggestedFixes = append(d.SuggestedFixes, sf)
	}
	return d
}

// pos converts "file:line:col", or returns token.NoPos.
func (vf *vetFiles) pos(posn string) token.Pos {
	i := strings.LastIndexByte(posn, ':')
	j := strings.LastIndexByte(posn[:max(i, 0)], ':')
	if j < 0 {
		return token.NoPos
	}
	line, err1 := strconv.Atoi(posn[j+1 : i])
	col, err2 := strconv.Atoi(posn[i+1:])
	tf := vf.file(posn[:j])
	if err1 != nil || err2 != nil || tf == nil || line < 1 || line > tf.LineCount() {
		return token.NoPos
	}
	off := int(tf.LineStart(line)-token.Pos(tf.Base())) + col - 1
	return tf.Pos(min(off, tf.Size()))
}

// file returns the token.File of name, or nil if it cannot be read.
func (vf *vetFiles) file(name string) *token.File {
	if tf, ok := vf.files[name]; ok {
		return tf
	}
	data, err := os.ReadFile(name)
	var tf *token.File
	if err == nil {
		tf = vf.fset.AddFile(name, -1, len(data))
		tf.SetLinesForContent(data)
		f, err := parser.ParseFile(token.NewFileSet(), name, data, parser.PackageClauseOnly|parser.ParseComments)
		vf.generated[name] = err == nil && ast.IsGenerated(f)
	}
	vf.files[name] = tf
	return tf
}

func (vf *vetFiles) isGenerated(name string) bool { return vf.generated[name] }

// enclosingFunc returns the position, as text, of the function declaration around pos, or ""
// if pos is in none: what groups the findings of one cause, as the standalone driver's does.
func (vf *vetFiles) enclosingFunc(pos token.Pos) string {
	name := vf.fset.Position(pos).Filename
	f, ok := vf.syntax[name]
	if !ok {
		f, _ = parser.ParseFile(vf.fset, name, nil, parser.SkipObjectResolution)
		vf.syntax[name] = f
	}
	if f == nil {
		return ""
	}
	p := vf.fset.Position(pos)
	for _, decl := range f.Decls {
		s, e := vf.fset.Position(decl.Pos()), vf.fset.Position(decl.End())
		if fn, ok := decl.(*ast.FuncDecl); ok && before(s, p) && before(p, e) && p != e {
			return vf.fset.Position(fn.Pos()).String()
		}
	}
	return ""
}

// before reports whether a is at or before b, in one file.
func before(a, b token.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Column <= b.Column
}

package driver

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// The JSON shape below is the one that unitchecker and multichecker print for -json and
// that go vet parses: package, then analyzer name, then either a list of diagnostics or
// {"error": "..."}. Its types replicate, field for field and tag for tag, JSONTree and
// its element types in golang.org/x/tools/internal/analysis/driverutil/print.go (x/tools
// v0.52.0; cmd/go/internal/vet/vet.go holds the same copy), which is internal and cannot
// be imported. One difference: x/tools keys the tree by package ID, so a package and its
// test variant ("p" and "p [p.test]") both appear, with the same diagnostics twice; this
// driver merges them under the package path. Positions are absolute, as in x/tools. Three
// additions, which go vet's parser ignores: a diagnostic's "severity" (error or warning), its
// "count" when it stands for several uses of one cause (the others are its related positions
// "again here"), and a package that could not be analyzed, whose errors appear as the error
// of an analyzer named "uninitlint", one line each.

// A jsonTree maps package path to analyzer name to []jsonDiagnostic or jsonError.
type jsonTree map[string]map[string]any

// A jsonError is the error of one analyzer on one package.
type jsonError struct {
	Err string `json:"error"`
}

// A jsonDiagnostic is an analysis.Diagnostic.
type jsonDiagnostic struct {
	Category       string                   `json:"category,omitempty"`
	Posn           string                   `json:"posn"` // "file:line:col"
	End            string                   `json:"end"`  // (ditto)
	Message        string                   `json:"message"`
	Severity       string                   `json:"severity,omitempty"`
	Count          int                      `json:"count,omitempty"` // if it stands for more than one
	SuggestedFixes []jsonSuggestedFix       `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInformation `json:"related,omitempty"`
}

// A jsonSuggestedFix is an analysis.SuggestedFix.
type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

// A jsonTextEdit is an analysis.TextEdit, as byte offsets into the original file.
type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// A jsonRelatedInformation is an analysis.RelatedInformation.
type jsonRelatedInformation struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// printJSON writes r to w as a jsonTree. A failure replaces its analyzer's findings on
// that package, as in x/tools, where a failed action has no diagnostics.
func (r *report) printJSON(w io.Writer) error {
	tree := make(jsonTree)
	add := func(pkgPath, analyzer string, v any) {
		if tree[pkgPath] == nil {
			tree[pkgPath] = make(map[string]any)
		}
		tree[pkgPath][analyzer] = v
	}
	for _, f := range r.findings {
		diags, _ := tree[f.pkgPath][f.analyzer].([]jsonDiagnostic)
		add(f.pkgPath, f.analyzer, append(diags, toJSON(&f)))
	}
	for _, f := range r.failures {
		add(f.pkgPath, f.analyzer, jsonError{f.err.Error()})
	}
	for _, e := range r.broken {
		prev, _ := tree[e.pkgPath][progname].(jsonError)
		add(e.pkgPath, progname, jsonError{strings.TrimPrefix(prev.Err+"\n"+e.msg, "\n")})
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// toJSON converts f.
func toJSON(f *finding) jsonDiagnostic {
	d, fset := f.diag, f.fset
	jd := jsonDiagnostic{
		Category: d.Category,
		Posn:     f.position(d.Pos).String(),
		End:      f.position(cmp.Or(d.End, d.Pos)).String(),
		Message:  d.Message,
		Severity: string(f.severity()),
	}
	if f.count() > 1 {
		jd.Count = f.count()
	}
	for _, fix := range d.SuggestedFixes {
		jf := jsonSuggestedFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(e.End)
			edit := jsonTextEdit{start.Filename, start.Offset, end.Offset, string(e.NewText)}
			jf.Edits = append(jf.Edits, edit)
		}
		jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
	}
	for _, rel := range f.related() {
		jd.Related = append(jd.Related, jsonRelatedInformation{
			Posn:    f.position(rel.Pos).String(),
			End:     f.position(cmp.Or(rel.End, rel.Pos)).String(),
			Message: rel.Message,
		})
	}
	return jd
}

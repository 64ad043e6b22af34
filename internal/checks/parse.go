package checks

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// The one parser of uninitlint's directives. Every comment of a file goes through [Parse] once:
// it returns the suppressions, the model directives (model.go) and, as gvisor's checklocks
// does for its annotations, an error at each comment that looks meant for uninitlint but that
// no part of it would read: a misspelled or misplaced directive, one in a block comment, one
// with a space after "//". Silence would let the user believe the directive works.

// A DirectiveError is a comment meant as a directive that does nothing, with the reason.
type DirectiveError struct {
	Pos token.Pos
	Msg string // one lowercase clause, with "did you mean" where a near name exists
}

// FileDirectives are the directives of one file.
type FileDirectives struct {
	Ignores []*Directive      // suppressions, in source order
	Model   []*ModelDirective // free, alloc and len, each where it belongs and well-formed
	Errors  []DirectiveError  // in source order
}

// modelKinds are the words after "//uninitlint:" that declare what the model cannot infer.
var modelKinds = []string{"free", "alloc", "len"}

// Parse returns the directives of f.
func Parse(fset *token.FileSet, f *ast.File) *FileDirectives {
	fd := new(FileDirectives)
	homes := modelHomes(f)
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			fd.comment(fset, f, c, homes[c])
		}
	}
	return fd
}

// comment files c in fd; home is the declaration whose doc comment holds c, or nil.
func (fd *FileDirectives) comment(fset *token.FileSet, f *ast.File, c *ast.Comment, home ast.Node) {
	if d := parseDirective(c.Text); d != nil {
		p := fset.Position(c.Pos())
		d.Pos, d.File, d.Line = c.Pos(), p.Filename, p.Line
		if d.Nolint {
			d.EndLine = nolintEnd(fset, f, p)
		}
		fd.Ignores = append(fd.Ignores, d)
		return
	}
	word, args, ok := cutOurs(c.Text)
	if !ok {
		if msg := nearMiss(c.Text); msg != "" {
			fd.Errors = append(fd.Errors, DirectiveError{c.Pos(), msg})
		}
		return
	}
	switch {
	case word == "":
		fd.Errors = append(fd.Errors, DirectiveError{c.Pos(), "//uninitlint: names no directive: " +
			"write //uninitlint:ignore, free, alloc or len, with no space after the colon"})
	case word == "ignore": // parseDirective took every well-formed one
	case contains(modelKinds, word):
		d, err := parseModel(word, args, home)
		if err != "" {
			fd.Errors = append(fd.Errors, DirectiveError{c.Pos(), err})
			return
		}
		d.Pos = c.Pos()
		fd.Model = append(fd.Model, d)
	default:
		fd.Errors = append(fd.Errors, DirectiveError{c.Pos(), "unknown directive //uninitlint:" + word +
			DidYouMean(word, append([]string{"ignore"}, modelKinds...), "//uninitlint:")})
	}
}

// cutOurs splits "//uninitlint:WORD ARGS // comment" into WORD and the fields of ARGS.
func cutOurs(text string) (word string, args []string, ok bool) {
	rest, ok := strings.CutPrefix(text, "//"+Tool+":")
	if !ok {
		return "", nil, false
	}
	rest, _, _ = strings.Cut(rest, " //") // a comment after the directive is no part of it
	fields := strings.Fields(rest)
	if len(fields) == 0 || !strings.HasPrefix(rest, fields[0]) {
		return "", nil, true // "//uninitlint:" or "//uninitlint: free p"
	}
	return fields[0], fields[1:], true
}

// nearMiss returns why text, which is no directive, looks like one that nothing reads, or "".
func nearMiss(text string) string {
	if body, ok := strings.CutPrefix(text, "/*"); ok {
		body = strings.TrimSpace(strings.TrimSuffix(body, "*/"))
		if isOursText("//" + body) {
			return "directive in a block comment is not read: write it as a // comment, " +
				"//" + firstWord(body)
		}
		return ""
	}
	// Spaces only: a tab starts a code block in a doc comment (a YAML "uninitlint:" key).
	body := strings.TrimLeft(strings.TrimPrefix(text, "//"), " ")
	if body != strings.TrimPrefix(text, "//") && isOursText("//"+body) {
		return "a space after // makes this a comment, not a directive: write //" + firstWord(body)
	}
	return ""
}

// isOursText reports whether text, a // comment, is meant as uninitlint's directive: its
// prefix and a directive's word, or a near one (prose or a YAML key "uninitlint:" is not), or
// a staticcheck suppression that names uninitlint.
func isOursText(text string) bool {
	if rest, ok := strings.CutPrefix(text, "//"+Tool+":"); ok {
		words := append([]string{"ignore"}, modelKinds...)
		w := firstWord(rest)
		return w != "" && (contains(words, w) || DidYouMean(w, words, "") != "")
	}
	return parseDirective(text) != nil && !strings.HasPrefix(text, "//nolint")
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// nolintEnd returns the last line a //nolint at p covers: golangci-lint extends a //nolint to
// every node that starts on the next line in the comment's column (the statement or declaration
// the comment heads), as far as the node's end.
func nolintEnd(fset *token.FileSet, f *ast.File, p token.Position) int {
	end := p.Line
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		s, e := fset.Position(n.Pos()), fset.Position(n.End())
		if s.Line == p.Line+1 && s.Column == p.Column {
			end = max(end, e.Line)
		}
		return e.Line > p.Line // only a node that reaches past the comment holds one below it
	})
	return end
}

// DidYouMean returns ` (did you mean PREFIX+c?)` for the candidate c nearest to word, if one
// is near enough to be a typo of it, and "" otherwise.
func DidYouMean(word string, candidates []string, prefix string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		if d := editDistance(word, c); d <= 2 && d < len(word) && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s%s?)", prefix, best)
}

// editDistance returns the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

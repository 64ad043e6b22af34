package driver

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// -new-from-rev REV reports only the findings that a change since REV may have caused, as
// golangci-lint's --new-from-rev does: those on a line that is new or modified since REV, in
// the work tree as it is now (commits since REV, staged and unstaged edits, untracked files).
// Unlike golangci-lint, a finding also counts as new when one of its witnesses is: a free added
// above an old use makes the old line dangle, and the change to blame is the free.

// A changeSet holds the lines of a git work tree that changed since a revision, by absolute
// file name (symlinks resolved). A nil line set stands for a whole file (an untracked one).
type changeSet struct {
	files map[string]map[int]bool
}

// changedSince returns the lines changed since rev in the git work tree that holds dir.
func changedSince(dir, rev string) (*changeSet, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	// Fixed prefixes and no external diff or renames-as-copies: the output must not depend on
	// the user's git configuration. "--" keeps a rev that is also a file name a rev.
	diff, err := git(root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff",
		"--src-prefix=a/", "--dst-prefix=b/", "--unified=0", rev, "--")
	if err != nil {
		return nil, err
	}
	cs := &changeSet{files: parseDiff(root, diff)}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			cs.files[filepath.Join(root, name)] = nil
		}
	}
	return cs, nil
}

// git runs git with args in dir and returns its output; an error carries git's message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("new-from-rev: git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// hunkRx matches a unified diff hunk header and captures the new side's start and count.
var hunkRx = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// parseDiff returns the new side's added or modified lines of a unified diff with zero lines of
// context, by absolute file name under root. A hunk that only removes lines marks the kept lines
// on either side of the removal: a removed `p = nil` or copy can be the cause of a finding on
// the next line, or of one whose witness is the line before, and no line of its own remains to
// carry the change.
func parseDiff(root string, diff []byte) map[string]map[int]bool {
	files := map[string]map[int]bool{}
	var lines map[int]bool // of the current file; nil after "+++ /dev/null" (a deletion)
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(nil, 1<<26) // a minified file's one line can be long
	for sc.Scan() {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "+++ "); ok {
			lines = nil
			if name = diffName(name); name != "" {
				lines = map[int]bool{}
				files[filepath.Join(root, name)] = lines
			}
			continue
		}
		if m := hunkRx.FindStringSubmatch(line); m != nil && lines != nil {
			start, _ := strconv.Atoi(m[1])
			count := 1
			if m[2] != "" {
				count, _ = strconv.Atoi(m[2])
			}
			for l := start; l < start+count; l++ {
				lines[l] = true
			}
			if count == 0 { // lines removed after line start (0: at the top)
				lines[start+1] = true
				if start > 0 {
					lines[start] = true
				}
			}
		}
	}
	return files
}

// diffName returns the path of a "+++" header's file relative to the work tree, or "" for
// /dev/null. git quotes unusual names C-style and ends names that contain a space with a tab.
func diffName(s string) string {
	s = strings.TrimSuffix(s, "\t")
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	name, ok := strings.CutPrefix(s, "b/")
	if !ok {
		return "" // /dev/null
	}
	return name
}

// newFrom returns the changes since rev in the work tree of the current directory, or nil if
// rev is "" (every finding is new).
func newFrom(rev string) (*changeSet, error) {
	if rev == "" {
		return nil, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return changedSince(dir, rev)
}

// keepNew drops the findings that no change in cs may have caused (see changeSet.isNew), but
// keeps them all in r.all, marked, for SARIF: code scanning closes the alerts that an upload
// leaves out, so the log must stay complete, and says which results are new.
func (r *report) keepNew(cs *changeSet) {
	for i := range r.findings {
		r.findings[i].isNew = cs.isNew(r.findings[i])
	}
	r.all = slices.Clone(r.findings)
	r.findings = slices.DeleteFunc(r.findings, func(f finding) bool { return !f.isNew })
}

// has reports whether line of file (an absolute name) changed.
func (cs *changeSet) has(file string, line int) bool {
	lines, ok := cs.files[canonical(file)]
	return ok && (lines == nil || lines[line])
}

// isNew reports whether f, or one of its witnesses, stands on a changed line.
func (cs *changeSet) isNew(f finding) bool {
	if p := f.posn(); cs.has(p.Filename, p.Line) {
		return true
	}
	for _, rel := range f.related() {
		if p := f.position(rel.Pos); cs.has(p.Filename, p.Line) {
			return true
		}
	}
	return false
}

// canonical returns path with its directory's symlinks resolved, so that the names git and
// the go command give for one file compare equal; a path that cannot be resolved stays as it is.
func canonical(path string) string {
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return path
	}
	return filepath.Join(dir, filepath.Base(path))
}

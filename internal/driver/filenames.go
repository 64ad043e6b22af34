package driver

import (
	"path/filepath"

	"golang.org/x/tools/go/packages"
)

// A fileNames corrects the file names of one package's positions. cgo compiles a copy of each
// file that imports "C", in the build cache, and copies the file's //line directives into it
// verbatim; go/scanner resolves a relative //line name against the directory of the file it
// reads, so a directive "//line parse.y:10" in the user's x.go names $GOCACHE/34/parse.y
// instead of parse.y beside x.go. fix resolves such names against the user's directory.
type fileNames struct {
	cacheDirs map[string]bool // the directories of the package's cgo-generated files
	generated map[string]bool // those files
	dir       string          // the package's source directory
}

// newFileNames returns the corrections of pkg's file names, or nil if it needs none.
func newFileNames(pkg *packages.Package) *fileNames {
	if len(pkg.GoFiles) == 0 {
		return nil
	}
	user := make(map[string]bool)
	for _, f := range pkg.GoFiles {
		user[f] = true
	}
	names := &fileNames{
		cacheDirs: make(map[string]bool),
		generated: make(map[string]bool),
		dir:       filepath.Dir(pkg.GoFiles[0]),
	}
	for _, f := range pkg.CompiledGoFiles {
		if !user[f] {
			names.cacheDirs[filepath.Dir(f)] = true
			names.generated[f] = true
		}
	}
	if len(names.cacheDirs) == 0 {
		return nil
	}
	return names
}

// fix returns the name that a position's file name stands for: a name in a directory of cgo's
// output that is none of the files cgo wrote came from a relative //line directive (cgo's own
// directives name the user's files absolutely), and is resolved against the package's
// directory instead. (A relative name that climbs out, "../parse.y", is left as it is.)
func (n *fileNames) fix(name string) string {
	if n == nil || !n.cacheDirs[filepath.Dir(name)] || n.generated[name] {
		return name
	}
	return filepath.Join(n.dir, filepath.Base(name))
}

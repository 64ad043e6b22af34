package driver

import (
	"fmt"
	"go/parser"
	"go/token"
	"os/exec"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// cgoDropped returns a warning, or "", when the go command left out the cgo files of some of
// pkgs because cgo is disabled (CGO_ENABLED=0, or no C compiler): a package that mixes Go and
// cgo files then loads without error, and its C calls, which most findings are about, vanish
// without a word. Files left out by other build constraints also land in IgnoredFiles, so the
// go command is asked whether cgo is on, and only when some ignored file imports "C".
func cgoDropped(pkgs []*packages.Package) string {
	var dropped []string // "pkg: file.go"
	for _, p := range pkgs {
		for _, name := range p.IgnoredFiles {
			if importsC(name) {
				dropped = append(dropped, p.PkgPath+": "+name[strings.LastIndexByte(name, '/')+1:])
			}
		}
	}
	if len(dropped) == 0 || cgoEnabled() {
		return ""
	}
	return fmt.Sprintf("warning: cgo is disabled (CGO_ENABLED=0 or no C compiler), so %d cgo files "+
		"are not analyzed (%s%s); set CGO_ENABLED=1 and install a C compiler to analyze them",
		len(dropped), dropped[0], map[bool]string{true: ", ...", false: ""}[len(dropped) > 1])
}

// importsC reports whether the Go file name imports "C".
func importsC(name string) bool {
	if !strings.HasSuffix(name, ".go") {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == "C" {
			return true
		}
	}
	return false
}

// cgoEnabled reports whether the go command builds with cgo, as it decides (go env knows of a
// missing C compiler; go/build's default does not).
func cgoEnabled() bool {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	return err != nil || strings.TrimSpace(string(out)) == "1"
}

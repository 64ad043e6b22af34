package driver

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadMode is what checker.Analyze needs: syntax and types of every package, dependencies
// included, since analyzers with facts run on those too. NeedModule fills pass.Module.
const loadMode = packages.LoadAllSyntax | packages.NeedModule

// load loads the packages that patterns match, with their tests if tests is set. Errors
// in the packages themselves are left in them, for packageErrors.
func load(patterns []string, tests bool) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: loadMode, Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("load packages: %w", err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("load packages: no packages match %s", strings.Join(patterns, " "))
	}
	return pkgs, nil
}

// packageErrors describes, one line each and sorted, the errors of pkgs and their
// dependencies: "pkg/path: type error: file:line:col: message". A package and its test
// variant share a path, so an error in both reads the same and is listed once.
func packageErrors(pkgs []*packages.Package) []string {
	dir, _ := os.Getwd() // on error, positions stay absolute
	var lines []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			msg := e.Msg
			if e.Pos != "" {
				msg = relative(dir, e.Pos) + ": " + msg
			}
			lines = append(lines, fmt.Sprintf("%s: %s: %s", cmp.Or(p.PkgPath, p.ID), errorKind(e), msg))
		}
	})
	slices.Sort(lines)
	return slices.Compact(lines)
}

// errorKind names the kind of a package error, for packageErrors.
func errorKind(e packages.Error) string {
	switch e.Kind {
	case packages.ParseError:
		return "syntax error"
	case packages.TypeError:
		return "type error"
	}
	return "error"
}

// wellTyped returns the packages of pkgs that, with all their dependencies, loaded and
// type-checked without error. Analyzing the others would report conclusions drawn from
// missing types, and checker.Analyze would only fail on them.
func wellTyped(pkgs []*packages.Package) []*packages.Package {
	return slices.DeleteFunc(slices.Clone(pkgs), func(p *packages.Package) bool { return p.IllTyped })
}

// relative returns name relative to dir if it lies under dir, and name otherwise. It is
// lexical, so name may be a position "file:line:col".
func relative(dir, name string) string {
	if rel, err := filepath.Rel(dir, name); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return name
}

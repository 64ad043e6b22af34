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

// A packageError is an error of a package that could not be analyzed.
type packageError struct {
	pkgPath string
	msg     string // "type error: file:line:col: message", the file relative to the current directory
}

// String returns the error as the driver prints it: "pkg/path: type error: file:line:col: message".
func (e packageError) String() string { return e.pkgPath + ": " + e.msg }

// packageErrors returns the errors of pkgs and their dependencies, by package path, each
// package's in the loader's order, which is the files' and lines' order. As go vet does, a
// syntax error prints once: the first of its file, without the errors that the parser's
// recovery and the type checker derive from it. A package and its test variant share a path,
// so an error in both reads the same and is listed once.
func packageErrors(pkgs []*packages.Package) []packageError {
	dir, _ := os.Getwd() // on error, positions stay absolute
	var errs []packageError
	seen := make(map[packageError]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		parsed := make(map[string]bool) // the files with a syntax error listed
		hasSyntax := slices.ContainsFunc(p.Errors, func(e packages.Error) bool {
			return e.Kind == packages.ParseError
		})
		for _, e := range p.Errors {
			file := posFile(e.Pos)
			switch {
			case e.Kind == packages.TypeError && hasSyntax:
				continue
			case e.Kind == packages.ParseError && parsed[file]:
				continue
			}
			parsed[file] = parsed[file] || e.Kind == packages.ParseError
			msg := e.Msg
			if e.Pos != "" {
				msg = relative(dir, e.Pos) + ": " + msg
			}
			pe := packageError{cmp.Or(p.PkgPath, p.ID), errorKind(e) + ": " + msg}
			if !seen[pe] {
				seen[pe] = true
				errs = append(errs, pe)
			}
		}
	})
	slices.SortStableFunc(errs, func(x, y packageError) int { return cmp.Compare(x.pkgPath, y.pkgPath) })
	return errs
}

// posFile returns the file of a position "file:line:col" or "file:line".
func posFile(pos string) string {
	for range 2 {
		i := strings.LastIndexByte(pos, ':')
		if i < 0 || strings.Trim(pos[i+1:], "0123456789") != "" {
			break
		}
		pos = pos[:i]
	}
	return pos
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

// countPackages returns how many packages pkgs are: a package, its test variant and its
// external test package count once, and the generated test mains not at all.
func countPackages(pkgs []*packages.Package) int {
	paths := make(map[string]bool)
	for _, p := range pkgs {
		path := cmp.Or(p.PkgPath, p.ID)
		if p.Name == "main" && strings.HasSuffix(path, ".test") {
			continue
		}
		paths[strings.TrimSuffix(path, "_test")] = true
	}
	return len(paths)
}

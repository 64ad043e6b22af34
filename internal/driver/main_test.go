package driver_test

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/internal/driver"
)

// The tests run the driver as a command: the test binary re-executes itself with
// mainEnv set, and TestMain then calls driver.Main with the test analyzers.
const mainEnv = "UNINITLINT_DRIVER_TEST_MAIN"

var update = flag.Bool("update", false, "rewrite the golden files")

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		driver.Main(badcall, panicky, putuse)
	}
	os.Exit(m.Run())
}

// badcall reports each call of a function named bad, with its declaration as related
// information and a fix that calls good instead.
var badcall = &analysis.Analyzer{
	Name: "badcall",
	Doc:  "report calls of functions named bad",
	Run:  runBadcall,
}

func runBadcall(pass *analysis.Pass) (any, error) {
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" && pass.TypesInfo.Uses[id] != nil {
				reportBad(pass, call, id)
			}
			return true
		})
	}
	return nil, nil
}

func reportBad(pass *analysis.Pass, call *ast.CallExpr, id *ast.Ident) {
	decl := pass.TypesInfo.Uses[id].Pos()
	pass.Report(analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: "bad-call",
		Message:  fmt.Sprintf("call of bad (declared on line %d)", pass.Fset.Position(decl).Line),
		Related:  []analysis.RelatedInformation{{Pos: decl, Message: "declared here"}},
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "call good instead",
			TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("good")}},
		}},
	})
}

// putuse reports each call of a function named use as a use-after-put, whose witness is the
// declaration of put: the calls in one function have one cause, for the driver to group.
var putuse = &analysis.Analyzer{
	Name: "putuse",
	Doc:  "report calls of functions named use as uses after a put",
	Run: func(pass *analysis.Pass) (any, error) {
		put := pass.Pkg.Scope().Lookup("put")
		for _, file := range pass.Files {
			ast.Inspect(file, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && put != nil {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "use" {
						pass.Report(analysis.Diagnostic{Pos: call.Pos(), Category: "use-after-put",
							Message: "use after put", Related: []analysis.RelatedInformation{{Pos: put.Pos(), Message: "put here"}}})
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// panicky panics on packages named boom.
var panicky = &analysis.Analyzer{
	Name: "panicky",
	Doc:  "panic on packages named boom",
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Name() == "boom" {
			panic("kaboom")
		}
		return nil, nil
	},
}

// modDir returns the absolute path of the test module, testdata/mod.
func modDir(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// command returns a command that runs name with args in the test module, isolated from
// the environment's go.work, GOFLAGS and toolchain switching.
func command(t *testing.T, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = modDir(t)
	cmd.Env = append(os.Environ(), mainEnv+"=1", "GOFLAGS=", "GOWORK=off", "GOTOOLCHAIN=local")
	return cmd
}

// uninitlint runs the driver with args in the test module and returns what it printed
// and its exit code.
func uninitlint(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := command(t, testBinary(t), args...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	var exit *exec.ExitError
	if err := cmd.Run(); err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// testBinary returns the path of this test binary, which acts as the driver.
func testBinary(t *testing.T) string {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

// checkGolden compares got with testdata/name.golden, or rewrites that file with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

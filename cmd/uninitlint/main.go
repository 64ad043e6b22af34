// Command uninitlint finds unsafe memory bugs in Go: reads of uninitialized memory,
// out-of-bounds pointer arithmetic, and dangling pointers into manually managed memory.
//
// Standalone:
//
//	uninitlint [-format=FORMAT[:FILE],...] [-o FILE] [-test=false] [-c N] [-PASS=false] packages...
//	uninitlint -list
//	uninitlint -version
//
// As a go vet tool:
//
//	go vet -vettool=$(which uninitlint) ./...
//
// Explain a check (its documentation and URL):
//
//	uninitlint -explain use-after-free
//
// The exit code is 0 when clean, 3 with findings, 1 on errors.
package main

import (
	"fmt"
	"os"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/driver"
	"github.com/uninitlint/uninitlint/internal/registry"
)

func main() {
	if len(os.Args) == 3 && (os.Args[1] == "-explain" || os.Args[1] == "--explain") {
		os.Exit(explain(os.Args[2]))
	}
	driver.Main(registry.Analyzers()...)
}

// explain prints a check's documentation and returns the exit code: 2 for an unknown check.
func explain(name string) int {
	text := checks.Explain(name)
	if text == "" {
		fmt.Fprintf(os.Stderr, "uninitlint: unknown check %q; the checks are:\n", name)
		for _, c := range checks.All {
			fmt.Fprintf(os.Stderr, "\t%s\t%s\n", c.Name, c.Title)
		}
		return 2
	}
	fmt.Print(text)
	return 0
}

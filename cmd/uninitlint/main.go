// Command uninitlint finds unsafe memory bugs in Go: reads of uninitialized memory,
// out-of-bounds pointer arithmetic, and dangling pointers into manually managed memory.
//
// Standalone:
//
//	uninitlint [-format=FORMAT[:FILE],...] [-o FILE] [-test=false] [-c N] [-disable=CHECK,...] [-PASS=false] packages...
//	uninitlint -list
//	uninitlint -version
//
// With -cache the same analyzers run under go vet, which caches each package's result: a repeat
// run on unchanged code costs a few percent of the first (docs/drivers.md).
//
// As a go vet tool:
//
//	go vet -vettool=$(which uninitlint) ./...
//
// Explain a check (its documentation and URL):
//
//	uninitlint -explain use-after-free   (or -explain=use-after-free)
//
// The exit code is 0 when clean, 3 with findings, 1 on errors.
package main

import (
	"github.com/uninitlint/uninitlint/internal/driver"
	"github.com/uninitlint/uninitlint/internal/registry"
)

func main() {
	driver.Main(registry.Analyzers()...)
}

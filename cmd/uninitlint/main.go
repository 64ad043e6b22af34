// Command uninitlint finds unsafe memory bugs in Go: reads of uninitialized memory,
// out-of-bounds pointer arithmetic, and dangling pointers into manually managed memory.
//
// Standalone:
//
//	uninitlint [-json] [-test=false] [-c N] [-CHECK=false] packages...
//
// As a go vet tool:
//
//	go vet -vettool=$(which uninitlint) ./...
//
// The exit code is 0 when clean, 3 with findings, 1 on errors.
package main

import (
	"github.com/uninitlint/uninitlint/internal/driver"
)

func main() {
	driver.Main(registry()...)
}

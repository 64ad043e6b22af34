// Package cgo calls bad from a file that uses cgo. Its code reaches the analyzers
// through cgo's generated output, whose //line directives point back here: the finding
// is the user's and must be reported.
package cgo

// static int two(void) { return 2; }
import "C"

func bad() {}

func f() int {
	bad()
	return int(C.two())
}

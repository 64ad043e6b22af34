// Package cgoline calls bad under a relative //line directive in a file that uses cgo: the
// name must resolve beside this file, not beside cgo's copy of it in the build cache.
package cgoline

// static int two(void) { return 2; }
import "C"

func bad() {}

func f() int {
//line parse.y:7:3
	bad()
	return int(C.two())
}

// Package boom makes the test's panicky analyzer panic: the driver names the analyzer
// and the package, exits 1, and still reports the other analyzer's finding here.
package boom

func bad() {}

func f() {
	bad()
}

// Package typeerr does not type-check: the driver names the error, exits 1, and
// reports nothing from the package, not even its call of bad.
package typeerr

func bad() {}

func f() {
	bad()
	undefined()
}

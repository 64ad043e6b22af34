// Package inner lies two directories below the module root, for the paths of the sarif and
// github formats.
package inner

func f() {
	bad()
}

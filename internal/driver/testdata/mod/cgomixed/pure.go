// Package cgomixed mixes a pure Go file with a cgo one: with cgo disabled, the go command
// drops the cgo file without an error, and the driver warns.
package cgomixed

func Pure() int { return 1 }

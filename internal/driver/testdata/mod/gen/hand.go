// Package gen has a generated file and a hand-written one, both calling bad.
package gen

func bad() {}

// written is hand-written, so its call is reported.
func written() {
	bad()
}

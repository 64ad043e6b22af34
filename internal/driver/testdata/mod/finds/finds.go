// Package finds calls bad in its code and in its test: the package and its test variant
// both contain f, whose finding must print once.
package finds

func bad() {}

func f() {
	bad()
}

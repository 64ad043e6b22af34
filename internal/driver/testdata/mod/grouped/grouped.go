// Package grouped uses what it put back three times in f, and once in g: the three uses of f
// have one cause and make one finding; g's is its own.
package grouped

func put() {}

func use() {}

func f() {
	put()
	use()
	use()
	use()
}

func g() {
	use()
}

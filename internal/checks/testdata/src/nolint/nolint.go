// Package nolint: golangci-lint's //nolint:uninitlint suppresses a finding in every driver, with
// golangci-lint's scope. The test analyzer reports use-after-free at every call of bad.
package nolint

func bad() int { return 0 }

func reported() int {
	return bad() // want `call of bad`
}

func sameLine() int {
	return bad() //nolint:uninitlint
}

func withReason() int {
	return bad() //nolint:uninitlint // the reason is golangci-lint's business
}

func list() int {
	return bad() //nolint:errcheck,uninitlint
}

func all() int {
	return bad() //nolint:all
}

func bare() int {
	return bad() //nolint
}

func other() int {
	return bad() //nolint:errcheck // want `call of bad`
}

func lineAbove() int {
	//nolint:uninitlint
	return bad()
}

// statement: a //nolint on a line of its own covers the statement below it, to its end.
func statement() int {
	//nolint:uninitlint
	x := bad() +
		bad()
	return x + bad() // want `call of bad`
}

// declaration: above a function, it covers the whole function.
//
//nolint:uninitlint
func declaration() int {
	x := bad()
	return x + bad()
}

// trailing: at the end of a line, it covers that line only.
func trailing() int {
	x, y := 0, 1         //nolint:uninitlint
	return bad() + x + y // want `call of bad`
}

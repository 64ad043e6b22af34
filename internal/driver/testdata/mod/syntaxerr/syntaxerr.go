// Package syntaxerr has one syntax error, which the parser's recovery turns into several
// errors and the type checker into one more: the driver must print it once.
package syntaxerr

func f() {
	x :=
}

// Package linedir calls bad under a //line directive without a column, as generators such
// as goyacc write them: Go then knows no column, and SARIF must not say column 0.
package linedir

func bad() {}

func f() {
//line grammar.y:20
	bad()
}

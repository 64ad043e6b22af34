// Package ignoredown holds suppression directives: the ignore pass, which reads every pass's
// result, judges them under go vet as standalone.
package ignoredown

import "vetmod/upstream"

// Suppressed suppresses a finding: fine.
func Suppressed() int64 {
	p := upstream.Alloc(8)
	//uninitlint:ignore uninit-read the test checks that directives work under go vet
	return *(*int64)(p)
}

// Unused suppresses nothing.
func Unused() int64 {
	//uninitlint:ignore uninit-read nothing here // want `suppression of "uninit-read" suppresses nothing`
	return 0
}

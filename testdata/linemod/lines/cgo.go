// Package lines has findings under //line directives, as generated parsers have them: in a file
// that uses cgo, a relative name (which must resolve here, not in cgo's copy of the file in the
// build cache), and in a plain file, a directive without a column (SARIF columns start at 1).
// .ci/sarif-validate checks the SARIF of both.
package lines

// #include <stdlib.h>
// #include <string.h>
import "C"

import "unsafe"

func greeting(name string) string {
	cs := C.CString("hello, " + name)
	n := C.strlen(cs)
	C.free(unsafe.Pointer(cs))
//line parse.y:12:2
	return C.GoStringN(cs, C.int(n))
}

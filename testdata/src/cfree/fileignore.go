//lint:file-ignore use-after-free this file frees on purpose; double frees stay reported

package cfree

// #include <stdlib.h>
import "C"

// fileIgnored is suppressed by the file-wide directive.
func fileIgnored() byte {
	p := C.malloc(1)
	C.free(p)
	return *(*byte)(p)
}

// fileDoubleFree is not: the directive names another check.
func fileDoubleFree() {
	p := C.malloc(1)
	C.free(p)
	C.free(p) // want `free of C.malloc'd memory already freed on line 18`
}

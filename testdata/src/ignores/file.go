//lint:file-ignore use-after-free this file frees on purpose

package ignores

// #include <stdlib.h>
import "C"

// suppressed by the file-wide directive.
func fileWide() byte {
	p := C.malloc(1)
	C.free(p)
	return *(*byte)(p)
}

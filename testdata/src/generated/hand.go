package generated

// #include <stdlib.h>
import "C"

func useAfterRelease() byte {
	p := C.malloc(1)
	release(p)
	return *(*byte)(p) // want `read of C.malloc'd memory after it was freed by generated.release on line 8`
}

package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// copyHead copies into the first 16 bytes only, and reads byte 20.
func copyHead(src []byte) byte {
	p := C.malloc(32)
	copy(unsafe.Slice((*byte)(p), 16), src)
	v := *(*byte)(unsafe.Add(p, 20)) // want `read of C.malloc'd memory before any write`
	C.free(p)
	return v
}

// copyWhole is fine: the copy may have written all 32 bytes (src may be shorter: the model
// keeps what may have been written, and stays silent).
func copyWhole(src []byte) byte {
	p := C.malloc(32)
	copy(unsafe.Slice((*byte)(p), 32), src)
	v := *(*byte)(unsafe.Add(p, 20))
	C.free(p)
	return v
}

// copyTail copies into bytes 16 to 32, and reads byte 0.
func copyTail(src []byte) byte {
	p := C.malloc(32)
	copy(unsafe.Slice((*byte)(unsafe.Add(p, 16)), 16), src)
	v := *(*byte)(p) // want `read of C.malloc'd memory before any write`
	C.free(p)
	return v
}

package lines

import "unsafe"

func word() uint64 {
	var b [4]byte
//line grammar.y:30
	return *(*uint64)(unsafe.Pointer(&b))
}

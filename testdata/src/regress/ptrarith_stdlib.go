package regress

import "unsafe"

// The standard library's false positives of ptrarith, reduced. None may be reported.

// funcTable is runtime's moduledata: the offset comes from the table itself, so only the
// bounds check of pclntable[off] bounds it, and the table's format guarantees the record fits.
type funcTable struct {
	pclntable []byte
	ftab      []struct{ funcoff uint32 }
}

type funcRecord struct {
	entryOff uint32
	nameOff  int32
	args     int32
	deferret uint32
}

// opaqueIndex is runtime/symtab.go's funcInfo: an opaque index is the caller's business.
func opaqueIndex(t *funcTable, x int) *funcRecord {
	off := uintptr(t.ftab[x].funcoff)
	return (*funcRecord)(unsafe.Pointer(&t.pclntable[off]))
}

// epollEvent is amd64's packed epoll_event: Data is at offset 4 on purpose.
type epollEvent struct {
	Events uint32
	Data   [8]byte // unaligned uintptr
}

// packedStruct is runtime/netpoll_epoll.go's netpollopen: a pointer stored at offset 4 of a
// struct is the layout of the one architecture the struct describes, not a byte buffer.
func packedStruct(p *uintptr) epollEvent {
	var ev epollEvent
	*(**uintptr)(unsafe.Pointer(&ev.Data)) = p
	return ev
}

type itab struct {
	typ uintptr
	fun [1]uintptr // variable sized
}

// slicedArray is runtime/iface.go's itab.init: a conversion to a huge array only sliced is the
// idiom unsafe.Slice replaced; checkptr too checks only the sliced part.
func slicedArray(m *itab, n int) []unsafe.Pointer {
	return (*[1 << 16]unsafe.Pointer)(unsafe.Pointer(&m.fun[0]))[:n:n]
}

// scaledIndex is crypto/internal/entropy's touchMemory: idx/4*4 is bounded through the bounds
// check of memory[idx], though it is a multiple of the atom idx/4.
func scaledIndex(memory *[1 << 25]byte, idx uint32) uint32 {
	idx = idx / 4 * 4
	return *(*uint32)(unsafe.Pointer(&memory[idx]))
}

// generic bodies have no sizes until instantiated: the model leaves them alone (it used to
// panic in go/types' Sizeof).
func generic[T any](s []T, i int) *T {
	return (*T)(unsafe.Add(unsafe.Pointer(&s[0]), uintptr(i)*unsafe.Sizeof(s[0])))
}

var unknownIndex = 257

// narrowedIndex is $GOROOT/test/fixedbugs/issue48536.go: uint8 of an unknown value ranges over
// all of uint8 by its type only, which is no witness that it reaches past the array.
func narrowedIndex() bool {
	var buf [10]byte
	p0 := unsafe.Pointer(&buf[0])
	p1 := unsafe.Pointer(&buf[1])
	return unsafe.Add(p0, uint8(unknownIndex)) == p1
}

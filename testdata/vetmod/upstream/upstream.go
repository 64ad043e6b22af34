// Package upstream owns C memory; its summaries travel to the downstream packages as facts,
// in analysistest (module mode), standalone and under go vet -vettool alike.
package upstream

// #include <stdlib.h>
// #include <string.h>
import "C"

import "unsafe"

// Buf is a byte buffer in C memory.
type Buf struct {
	data unsafe.Pointer // *[cap]byte
	n    int
	cap  int
}

// New returns a Buf with room for n bytes.
func New(n int) *Buf {
	return &Buf{data: C.calloc(C.size_t(n), 1), cap: n}
}

// Free releases the memory.
func (b *Buf) Free() {
	if b.data != nil {
		C.free(b.data)
	}
}

// Append adds x, growing the memory through C.realloc when full.
func (b *Buf) Append(x byte) {
	if b.n == b.cap {
		b.cap = max(2*b.cap, 8)
		b.data = C.realloc(b.data, C.size_t(b.cap))
	}
	*(*byte)(unsafe.Add(b.data, b.n)) = x
	b.n++
}

// Bytes is a view of the buffer's bytes, valid until the next Append or Free.
func (b *Buf) Bytes() []byte {
	return unsafe.Slice((*byte)(b.data), b.n)
}

// Release frees memory obtained from C.
func Release(p unsafe.Pointer) {
	C.free(p)
}

// Alloc returns n bytes of uninitialized C memory.
func Alloc(n int) unsafe.Pointer {
	return C.malloc(C.size_t(n))
}

// AllocBytes returns n bytes of uninitialized C memory, as a slice.
func AllocBytes(n int) []byte {
	p := C.malloc(C.size_t(n))
	return unsafe.Slice((*byte)(p), n)
}

// Zalloc returns n zeroed bytes of C memory.
func Zalloc(n int) []byte {
	p := C.malloc(C.size_t(n))
	C.memset(p, 0, C.size_t(n))
	return unsafe.Slice((*byte)(p), n)
}

// Word returns the i-th 8-byte word at p; p must hold at least 8*(i+1) bytes.
func Word(p unsafe.Pointer, i int) uint64 {
	return *(*uint64)(unsafe.Add(p, 8*i))
}

// A Pair lives in C memory; NewPair sets its key only.
type Pair struct{ Key, Val int64 }

// NewPair returns a Pair whose Val the caller must set.
func NewPair(k int64) *Pair {
	p := (*Pair)(C.malloc(C.size_t(unsafe.Sizeof(Pair{}))))
	p.Key = k
	return p
}

// ValOf reads p's Val, and nothing else of p.
func ValOf(p *Pair) int64 { return p.Val }

// KeyOf reads p's Key.
func KeyOf(p *Pair) int64 { return p.Key }

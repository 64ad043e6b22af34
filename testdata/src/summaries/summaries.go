// Package summaries: the Facts the model infers, asserted one function at a time.
package summaries

// #include <stdlib.h>
import "C"

import (
	"sync"
	"unsafe"
)

func release(p unsafe.Pointer) { // want release:`frees\(p0\)`
	C.free(p)
}

// releaseIfSet frees p on every path where there is something to free.
func releaseIfSet(p unsafe.Pointer) { // want releaseIfSet:`frees\(p0\)`
	if p == nil {
		return
	}
	C.free(p)
}

// maybeRelease frees on one path only: callers learn that it may free.
func maybeRelease(p unsafe.Pointer, ok bool) { // want maybeRelease:`may frees\(p0\)`
	if ok {
		C.free(p)
	}
}

func alloc(n int) unsafe.Pointer { // want alloc:`r0=alloc\(uninit\) size\(r0\)=p0`
	return C.malloc(C.size_t(n))
}

func zalloc(n int) []byte { // want zalloc:`r0=alloc`
	p := C.calloc(C.size_t(n), 1)
	return unsafe.Slice((*byte)(p), n)
}

// allocWords allocates n words and the header before them.
func allocWords(n int) unsafe.Pointer { // want allocWords:`r0=alloc\(uninit\) size\(r0\)=8\*p0\+16`
	return C.malloc(C.size_t(n)*8 + 16)
}

// allocNode allocates a fixed size.
func allocNode() unsafe.Pointer { // want allocNode:`r0=alloc\(uninit\) size\(r0\)=24`
	return C.malloc(24)
}

// Buf owns C memory; Push's pattern says n is the length of data.
type Buf struct { // want Buf:`len\(data\)=n`
	data unsafe.Pointer
	n    int
	cap  int
}

func (b *Buf) Free() { // want Free:`frees\(p0.data\) uses\(p0\{\[0,8\)\}\)`
	if b.data != nil {
		C.free(b.data)
	}
}

func (b *Buf) Reset() { // want Reset:`frees\(p0.data\) writes\(p0.data\) fills\(p0\{\[0,8\)\}\) uses\(p0\{\[0,8\)\}\)`
	if b.data != nil {
		C.free(b.data)
		b.data = nil
	}
}

func (b *Buf) Push(x byte) { // want Push:`may reallocs\(p0.data\) writes\(p0.data\) writes\(p0.n\) writes\(p0.cap\) fills\(p0\{\[0,8\) \[8,16\) \[16,24\)\}\) uses\(p0\{\[0,8\) \[8,16\) \[16,24\)\}\)`
	if b.n == b.cap {
		b.cap = max(2*b.cap, 8)
		b.data = C.realloc(b.data, C.size_t(b.cap))
	}
	*(*byte)(unsafe.Add(b.data, b.n)) = x
	b.n++
}

func (b *Buf) Bytes() []byte { // want Bytes:`uses\(p0\{\[0,8\) \[8,16\)\}\) uses\(p0.data\) r0=view\(p0.data\)`
	return unsafe.Slice((*byte)(b.data), b.n)
}

var pool sync.Pool

func recycle(b *[]byte) { // want recycle:`puts\(p0\)`
	pool.Put(b)
}

// Directives declare what cannot be inferred.
//
//uninitlint:free p
func asmFree(p unsafe.Pointer) // want asmFree:`frees\(p0\)`

// SetTag writes the first byte of what p points to, and nothing else of it.
func SetTag(p unsafe.Pointer) { *(*byte)(p) = 1 } // want SetTag:`fills\(p0\{\[0,1\)\}\)`

// SetTags writes bytes 2 and 4 through SetTag: its extent, shifted.
func SetTags(p unsafe.Pointer) { // want SetTags:`fills\(p0\{\[2,3\) \[4,5\)\}\)`
	SetTag(unsafe.Add(p, 2))
	SetTag(unsafe.Add(p, 4))
}

// SetAt writes at an offset its caller chooses: anywhere.
func SetAt(p unsafe.Pointer, i int) { *(*byte)(unsafe.Add(p, i)) = 1 } // want SetAt:`^fills\(p0\) `

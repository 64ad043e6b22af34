// Package doublefree: memory released twice, directly, through a helper and through a method.
package doublefree

// #include <stdlib.h>
import "C"

import (
	"sync"
	"unsafe"
)

func twice() {
	p := C.malloc(8)
	C.free(p)
	C.free(p) // want `free of C.malloc'd memory already freed on line 14`
}

// once is fine: the second free is of a new allocation.
func once() {
	p := C.malloc(8)
	C.free(p)
	p = C.malloc(8)
	C.free(p)
}

// release frees its argument; its summary says so.
func release(p unsafe.Pointer) {
	C.free(p)
}

func twiceThroughHelper() {
	p := C.malloc(8)
	release(p)
	C.free(p) // want `free of C.malloc'd memory already freed on line 33`
}

// Buf owns C memory.
type Buf struct {
	data unsafe.Pointer
	n    int
}

// Free releases the memory; it tolerates an empty Buf.
func (b *Buf) Free() {
	if b.data != nil {
		C.free(b.data)
	}
}

// Reset frees and clears, so a second Free is harmless.
func (b *Buf) Reset() {
	if b.data != nil {
		C.free(b.data)
		b.data = nil
	}
}

func freeMethodTwice(b *Buf) {
	b.Free()
	b.Free() // want `free of the memory b.data points to already freed on line 59`
}

// resetTwice is fine: Reset clears the field, so the second call frees nothing.
func resetTwice(b *Buf) {
	b.Reset()
	b.Reset()
}

var pool sync.Pool

func putTwice() {
	b := pool.Get().(*[]byte)
	pool.Put(b)
	pool.Put(b) // want `sync.Pool.Put of the sync.Pool object already put back on line 73`
}

// releaseIfLast frees at the last reference only.
func (b *Buf) releaseIfLast(last bool) {
	if last {
		C.free(b.data)
	}
}

func useAfterRelease(b *Buf) byte {
	b.releaseIfLast(true)
	return *(*byte)(b.data) // want `read of the memory b.data points to after it may have been freed by doublefree.Buf.releaseIfLast on line 85`
}

// releaseTwice is not reported: neither call is known to free, so neither proves a double free.
func releaseTwice(b *Buf, first, second bool) {
	b.releaseIfLast(first)
	b.releaseIfLast(second)
}

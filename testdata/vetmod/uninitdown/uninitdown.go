// Package uninitdown reads memory from upstream's allocators, whose summaries say uninitialized.
package uninitdown

import (
	"unsafe"

	"vetmod/arena"
	"vetmod/upstream"
)

// UninitRead reads memory from upstream's allocator before writing it.
func UninitRead() int64 {
	p := upstream.Alloc(8)
	return *(*int64)(p) // want `read of memory allocated by upstream.Alloc before any write \(allocated on line 13\)`
}

func header() uint32 {
	b := upstream.AllocBytes(64)
	return uint32(b[0]) | uint32(b[1])<<8 // want `read of memory allocated by upstream.AllocBytes before any write`
}

// zeroed is fine: Zalloc's summary does not say uninitialized.
func zeroed() byte {
	b := upstream.Zalloc(64)
	return b[0]
}

func fromArena() int64 {
	p := arena.ArenaAlloc(8)
	return *(*int64)(p) // want `read of memory allocated by arena.ArenaAlloc before any write`
}

// written is fine: the first word is written before it is read.
func written() int64 {
	p := arena.ArenaAlloc(8)
	*(*int64)(p) = 1
	return *(*int64)(unsafe.Pointer(p))
}

// PairVal reads the field upstream.NewPair leaves unwritten.
func PairVal() int64 {
	p := upstream.NewPair(1)
	return p.Key + p.Val // want `read of memory allocated by upstream.NewPair before any write`
}

// PairKey is fine: NewPair writes Key.
func PairKey() int64 {
	p := upstream.NewPair(1)
	return p.Key
}

// PairValOf has upstream read the field NewPair leaves unwritten: the fact says which bytes.
func PairValOf() int64 {
	p := upstream.NewPair(1)
	return upstream.ValOf(p) // want `call to upstream.ValOf reads memory allocated by upstream.NewPair before any write`
}

// PairKeyOf is fine: KeyOf reads the field NewPair writes.
func PairKeyOf() int64 {
	p := upstream.NewPair(1)
	return upstream.KeyOf(p)
}

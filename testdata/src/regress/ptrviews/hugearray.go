// Package hugearray: mmap'd memory viewed through a *[maxMapSize]byte, the
// bbolt idiom (db.go:1132). The array length is a fiction; the real extent
// is the mapping, which is page-granular.
package ptrviews

import "unsafe"

const maxMapSize = 0xFFFFFFFFFFFF

type page struct {
	id       uint64
	flags    uint16
	count    uint16
	overflow uint32
}

type DB struct {
	data     *[maxMapSize]byte
	pageSize int
}

func (db *DB) Page(id uint64) *page {
	pos := id * uint64(db.pageSize)
	return (*page)(unsafe.Pointer(&db.data[pos]))
}

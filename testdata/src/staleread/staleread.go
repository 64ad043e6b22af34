// Package staleread: buffers emptied for reuse and resliced, read before they are written.
package staleread

import (
	"bytes"
	"io"
	"sync"
)

var pool = sync.Pool{New: func() any { return make([]byte, 0, 4096) }}

func leak(n int) []byte {
	buf := pool.Get().([]byte)[:0]
	buf = buf[:n]
	out := bytes.Clone(buf) // want `call to bytes.Clone reads a reused buffer's stale contents before any write`
	pool.Put(buf[:0])
	return out
}

// readFirst is fine: io.ReadFull fills the buffer before it is read.
func readFirst(r io.Reader, n int) []byte {
	buf := pool.Get().([]byte)[:0]
	buf = buf[:n]
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil
	}
	out := bytes.Clone(buf)
	pool.Put(buf[:0])
	return out
}

func header(b []byte) byte {
	b = b[:0]
	b = b[:8]
	return b[0] // want `read of a reused buffer's stale contents before any write`
}

// headerWritten is fine: the byte read was written first.
func headerWritten(b []byte) byte {
	b = b[:0]
	b = b[:8]
	b[0] = 1
	return b[0]
}

// fresh is fine: make() zeroes.
func fresh() byte {
	b := make([]byte, 0, 8)
	b = b[:0]
	b = b[:8]
	return b[0]
}

var sink []byte

// filledThroughAlias is fine: the runtime's Hexdump pattern, a fresh buffer filled through
// another alias before it is resliced.
func filledThroughAlias(fill func()) string {
	buf := make([]byte, 0, 64)
	sink = buf
	fill()
	n := len(sink)
	sink = nil
	return string(buf[:n])
}

// filledThenGrown is fine: a call between emptying and growing may have filled the buffer.
func filledThenGrown(b []byte, fill func([]byte)) byte {
	b = b[:0]
	fill(b)
	b = b[:8]
	return b[0]
}

var cells = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// pooledCell reads bytes a pooled cell's previous user left.
func pooledCell(n int) byte {
	p := cells.Get().(*[]byte)
	defer cells.Put(p)
	b := (*p)[:n]
	return b[0] // want `read of a reused buffer's stale contents before any write \(resliced past its length on line 81\)`
}

// pooledCellFilled is fine: the reader fills the bytes before they are read.
func pooledCellFilled(r io.Reader, n int) byte {
	p := cells.Get().(*[]byte)
	defer cells.Put(p)
	b := (*p)[:n]
	io.ReadFull(r, b)
	return b[0]
}

type frame struct {
	buf []byte
}

var frames = sync.Pool{New: func() any { return new(frame) }}

// pooledField reads a pooled object's buffer past what this user wrote.
func pooledField(n int) byte {
	f := frames.Get().(*frame)
	defer frames.Put(f)
	b := f.buf[:n]
	return b[n-1] // want `read of a reused buffer's stale contents`
}

// pooledFieldAppended is fine: emptied, then appended to.
func pooledFieldAppended(x byte) byte {
	f := frames.Get().(*frame)
	b := append(f.buf[:0], x)
	f.buf = b
	v := b[0]
	frames.Put(f)
	return v
}

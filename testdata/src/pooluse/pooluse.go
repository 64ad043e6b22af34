// Package pooluse: buffers used after sync.Pool.Put.
package pooluse

import (
	"bytes"
	"sync"
	"unsafe"
)

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func useAfterPut() []byte {
	buf := bufs.Get().(*bytes.Buffer)
	buf.WriteString("x")
	bufs.Put(buf)
	return buf.Bytes() // want `call to bytes.Buffer.Bytes reads the sync.Pool object after it was put back into its sync.Pool`
}

// copyBeforePut is fine: the bytes are cloned before the buffer goes back.
func copyBeforePut() []byte {
	buf := bufs.Get().(*bytes.Buffer)
	buf.WriteString("x")
	out := bytes.Clone(buf.Bytes())
	bufs.Put(buf)
	return out
}

var raw sync.Pool

func stringAfterPut(b []byte) string {
	s := unsafe.String(&b[0], len(b))
	raw.Put(&b)
	return s[:1] // silent: Put received &b, a new cell, not b's memory
}

func putParam(b *[]byte) byte {
	raw.Put(b)
	return (*b)[0] // want `read of the memory b points to after it was put back into its sync.Pool`
}

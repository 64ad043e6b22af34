// Package setnilcallee: a field is overwritten by a slice the caller stores,
// and a callee clears the field (sets it to nil) before putting the old
// slice back into its pool. Nothing outlives the call pointing at pooled
// memory, yet the linter reports dangling-escape at the store.
package setnilcallee

import (
	"io"
	"sync"
)

var bufPool = sync.Pool{New: func() any { return make([]byte, 0, 1024) }}

type D struct {
	r   io.Reader
	buf []byte
	err error
}

func (d *D) setErr(err error) {
	d.err = err
	mem := d.buf[:0]
	d.buf = nil
	bufPool.Put(mem)
}

func (d *D) readMore() bool {
	if cap(d.buf) == 0 {
		d.buf = bufPool.Get().([]byte)
	}
	l := len(d.buf)
	n, err := d.r.Read(d.buf[l:cap(d.buf)])
	d.buf = d.buf[:l+n]
	if err != nil {
		d.setErr(err)
		return false
	}
	return true
}

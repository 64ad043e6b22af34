// Package killedstore: d.buf is re-sliced and stored back into *d, then the
// field is overwritten with nil BEFORE the backing array is put back into
// the pool. At the Put nothing that outlives the call refers to the pooled
// array, but the linter reports dangling-escape at the first store: the
// later store of nil to the same field does not kill the earlier escape.
package killedstore

import "sync"

var bufPool sync.Pool

type D struct{ buf []byte }

func (d *D) f(n int) {
	d.buf = d.buf[:n]
	mem := d.buf[:0]
	d.buf = nil // the field no longer refers to the array
	bufPool.Put(mem)
}

// Package ifacetypeput: close() puts the value held in an interface field
// back into a pool only when its dynamic type is *pooled. The caller has
// already asserted the field holds a *other (a different type, never pooled,
// heap-allocated by new), so the put can't be of that memory; reading it
// after close() is fine. The linter reports use-after-put.
package ifacetypeput

import (
	"io"
	"sync"
)

type pooled struct{ r io.Reader }

func (*pooled) Read([]byte) (int, error) { return 0, io.EOF }

var pool sync.Pool

type other struct{ done chan struct{} }

func (*other) Read([]byte) (int, error) { return 0, io.EOF }

type R struct{ body io.Reader }

func (r *R) close() {
	if p, ok := r.body.(*pooled); ok {
		pool.Put(p)
	}
	r.body = nil
}

func f() chan struct{} {
	r := &R{body: &other{done: make(chan struct{})}}
	o := r.body.(*other)
	r.close()
	return o.done
}

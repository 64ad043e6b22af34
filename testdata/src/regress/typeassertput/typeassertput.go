// Package typeassertput: Close puts the body back into a pool only when it is a
// *stream; the caller has already asserted it is a *wrapper, which is never
// pooled (fasthttp http_test.go:3661,3668).
package typeassertput

import (
	"io"
	"sync"
)

type stream struct{ n int }

func (*stream) Read(p []byte) (int, error) { return 0, io.EOF }

var pool = sync.Pool{New: func() any { return new(stream) }}

func release(s *stream) {
	s.n = 0
	pool.Put(s)
}

type wrapper struct{ done chan struct{} }

func (*wrapper) Read(p []byte) (int, error) { return 0, io.EOF }

type Resp struct{ body io.Reader }

func closeReader(b io.Reader) {
	if s, ok := b.(*stream); ok {
		release(s)
	}
}

func (r *Resp) Close() {
	closeReader(r.body)
	r.body = nil
}

func Wait(r *Resp) {
	w := r.body.(*wrapper)
	r.Close()
	<-w.done
}

package pooluse

import "sync"

// An iterator's next stores a view of its buffer in a field; release puts the buffer back. The
// caller's read of the view after release reads memory the pool owns.

var iterPool sync.Pool

type Iter struct {
	buf []byte
	cur []byte
}

func (it *Iter) Next() { it.cur = it.buf[:4] }

func (it *Iter) Release() { iterPool.Put(it.buf) }

func curAfterRelease(it *Iter) byte {
	it.Next()
	it.Release()
	return it.cur[0] // want `after it was put back`
}

// curBeforeRelease is fine: the view is read before the buffer goes back.
func curBeforeRelease(it *Iter) byte {
	it.Next()
	c := it.cur[0]
	it.Release()
	return c
}

type Iter2 struct {
	buf []byte
	cur []byte
}

func (it *Iter2) Next() { it.cur = it.buf[:4] }

// Release puts the buffer back and forgets it; the view in cur still points into it.
func (it *Iter2) Release() {
	iterPool.Put(it.buf)
	it.buf = nil
}

func curAfterReleaseNil(it *Iter2) byte {
	it.Next()
	it.Release()
	return it.cur[0] // want `after it was put back`
}

// bufAfterReleaseNil is fine: Release set buf to nil, so the load of it.buf is not the buffer
// it put back (it is nil: indexing it panics, a bug of another kind).
func bufAfterReleaseNil(it *Iter2) int {
	it.Next()
	it.Release()
	return len(it.buf)
}

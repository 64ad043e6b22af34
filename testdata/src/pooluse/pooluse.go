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

// stringAfterPut views b's array, then pools a cell holding b: the next user of the cell
// appends to (*p)[:0], over b's array, under s.
func stringAfterPut(b []byte) string {
	s := unsafe.String(&b[0], len(b))
	raw.Put(&b)
	return s[:1] // want `pointer into the memory b points to returned, but it is put back on line 34`
}

func putParam(b *[]byte) byte {
	raw.Put(b)
	return (*b)[0] // want `read of the memory b points to after it was put back into its sync.Pool`
}

// viewBeforePut takes the buffer's bytes before it goes back: the next user of the buffer
// overwrites them.
func viewBeforePut() []byte {
	buf := bufs.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString("x")
	out := buf.Bytes()
	bufs.Put(buf)
	return out // want `pointer into memory whose address is stored in the sync.Pool object returned, but it is put back on line 50`
}

// viewDeferredPut returns the bytes of a buffer a deferred Put gives back.
func viewDeferredPut() []byte {
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	buf.WriteString("x")
	return buf.Bytes() // want `returned, but it is put back by the deferred call on line 57 when the function returns`
}

// stringDeferredPut is fine: String copies.
func stringDeferredPut() string {
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	buf.WriteString("x")
	return buf.String()
}

// cloneDeferredPut is fine: the bytes are copied before the Put runs.
func cloneDeferredPut() []byte {
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	buf.WriteString("x")
	return append([]byte(nil), buf.Bytes()...)
}

var slices = sync.Pool{New: func() any { s := make([]byte, 0, 64); return &s }}

// storedSlice stores the grown slice back into the pooled cell, then returns it.
func storedSlice() []byte {
	p := slices.Get().(*[]byte)
	b := append((*p)[:0], "hello"...)
	*p = b
	slices.Put(p)
	return b // want `returned, but it is put back on line 88`
}

type request struct {
	config *config
	body   []byte
}

type config struct{ name string }

var defaults = &config{name: "default"}

var requests = sync.Pool{New: func() any { return new(request) }}

// configAfterPut is fine: the request pointed to a global config, which does not go to the
// pool with it (the next user replaces the pointer, and does not write through it).
func configAfterPut() string {
	r := requests.Get().(*request)
	r.config = defaults
	requests.Put(r)
	return defaults.name
}

type scanner struct {
	err   error
	stack []int
}

var scanners = sync.Pool{New: func() any { return new(scanner) }}

// errorDeferredPut is fine: an error kept in a pooled object is replaced by the next user, not
// written through (std's encoding/json returns scan.err under defer freeScanner(scan)).
func errorDeferredPut(step func(*scanner)) error {
	scan := scanners.Get().(*scanner)
	defer scanners.Put(scan)
	step(scan)
	return scan.err
}

// stackDeferredPut returns a slice of the pooled scanner, which its next user truncates and
// refills.
func stackDeferredPut(step func(*scanner)) []int {
	scan := scanners.Get().(*scanner)
	defer scanners.Put(scan)
	step(scan)
	return scan.stack // want `returned, but it is put back by the deferred call on line 132 when the function returns`
}

// Acquire/Release helpers in the style of fasthttp's: the helpers' summaries say that one
// hands out a pooled object and the other puts it back.

type args struct{ buf []byte }

var argsPool = sync.Pool{New: func() any { return new(args) }}

func acquireArgs() *args { return argsPool.Get().(*args) }

func releaseArgs(a *args) {
	a.buf = a.buf[:0]
	argsPool.Put(a)
}

func argsAfterRelease(x byte) byte {
	a := acquireArgs()
	a.buf = append(a.buf, x)
	releaseArgs(a)
	return a.buf[0] // want `read of the sync.Pool object after it was put back into its sync.Pool by pooluse.releaseArgs`
}

// argsBeforeRelease is fine: the value is read out before the release.
func argsBeforeRelease(x byte) byte {
	a := acquireArgs()
	a.buf = append(a.buf, x)
	v := a.buf[0]
	releaseArgs(a)
	return v
}

type frame struct{ buf []byte }

var frames = sync.Pool{New: func() any { return &frame{buf: make([]byte, 64)} }}

// staleAfterPut: the resliced buffer goes back to the pool with its frame.
func staleAfterPut(n int) byte {
	f := frames.Get().(*frame)
	b := f.buf[:n]
	copy(b, "header")
	frames.Put(f)
	return b[0] // want `read of a reused buffer's stale contents after it was put back into its sync.Pool`
}

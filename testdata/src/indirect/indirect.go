// Package indirect holds calls that reach their callee through an interface, a method value
// or a helper that takes an interface: the call site resolves what the function itself made.
package indirect

// #include <stdlib.h>
import "C"

import (
	"io"
	"unsafe"
)

type res struct {
	p unsafe.Pointer
}

func newRes() *res { return &res{p: C.malloc(64)} }

func (r *res) Close() error {
	C.free(r.p)
	return nil
}

// closer is a type that closes nothing it holds.
type closer struct{ p unsafe.Pointer }

func (c *closer) Close() error { return nil }

// viaInterface closes through io.Closer, then reads.
func viaInterface() byte {
	r := newRes()
	var c io.Closer = r
	c.Close()
	return *(*byte)(r.p) // want `read of the memory r.p points to after it was freed by indirect.res.Close`
}

// viaInterfaceTwin reads before it closes.
func viaInterfaceTwin() byte {
	r := newRes()
	var c io.Closer = r
	v := *(*byte)(r.p)
	c.Close()
	return v
}

// viaMethodValue closes through a method value.
func viaMethodValue() byte {
	r := newRes()
	closeFn := r.Close
	closeFn()
	return *(*byte)(r.p) // want `read of the memory r.p points to after it was freed by indirect.res.Close`
}

// closeIt closes whatever it is given.
func closeIt(c io.Closer) { c.Close() }

// closeMaybe closes on one path only.
func closeMaybe(c io.Closer, done bool) {
	if done {
		c.Close()
	}
}

// closeLater passes its interface on: the invoke is its own too.
func closeLater(c io.Closer) { closeIt(c) }

// closeDeferred closes in a defer.
func closeDeferred(c io.Closer) {
	defer c.Close()
}

// viaHelper hands the resource to a helper that closes it.
func viaHelper() byte {
	r := newRes()
	closeIt(r)
	return *(*byte)(r.p) // want `read of the memory r.p points to after it was freed by indirect.closeIt`
}

// viaChain goes two helpers down, the last with a defer.
func viaChain() byte {
	r := newRes()
	closeLater(r)
	s := newRes()
	closeDeferred(s)
	return *(*byte)(r.p) + *(*byte)(s.p) // want `freed by indirect.closeLater` `freed by indirect.closeDeferred`
}

// viaHelperTwin reads first.
func viaHelperTwin() byte {
	r := newRes()
	v := *(*byte)(r.p)
	closeIt(r)
	return v
}

// viaMaybe makes the helper take its closing path: the free may have happened, as for a
// direct call of a method that frees on one branch.
func viaMaybe() byte {
	r := newRes()
	closeMaybe(r, true)
	return *(*byte)(r.p) // want `read of the memory r.p points to after it may have been freed by indirect.closeMaybe`
}

// otherType closes a closer that frees nothing: the resource is still live.
func otherType() byte {
	r := newRes()
	c := &closer{p: r.p}
	closeIt(c)
	v := *(*byte)(r.p)
	r.Close()
	return v
}

// unknown is an interface from outside: opaque, and silent.
func unknown(c io.Closer, r *res) byte {
	c.Close()
	return *(*byte)(r.p)
}

package mallocread

// #include <stdlib.h>
import "C"

import "unsafe"

// A constructor over manual memory that writes some fields: its summary says which bytes it
// wrote, and a caller's read of the others reads memory nothing wrote.

type conn struct {
	fd    int64
	flags int64
	seq   int64
}

// newConn leaves seq for later.
func newConn(fd int64) *conn {
	c := (*conn)(C.malloc(C.size_t(unsafe.Sizeof(conn{}))))
	c.fd = fd
	c.flags = 0
	return c
}

func nextSeq() int64 {
	c := newConn(3)
	defer C.free(unsafe.Pointer(c))
	c.seq++ // want `read of memory allocated by mallocread.newConn before any write`
	return c.fd
}

// nextSeqTwin is fine: fd and flags are the constructor's; seq is set before it is read.
func nextSeqTwin() int64 {
	c := newConn(3)
	defer C.free(unsafe.Pointer(c))
	c.seq = 0
	c.seq++
	return c.fd + c.flags
}

// newConnMaybe sets seq on one path only: the other path's bytes may have been written, so a
// read of them is silent (the written set is a may-set).
func newConnMaybe(fd int64, reuse bool) *conn {
	c := (*conn)(C.malloc(C.size_t(unsafe.Sizeof(conn{}))))
	c.fd = fd
	if reuse {
		c.seq = 1
		return c
	}
	c.flags = 0
	return c
}

// maybeSeqTwin is silent: newConnMaybe writes seq on one of its returns.
func maybeSeqTwin() int64 {
	c := newConnMaybe(3, true)
	defer C.free(unsafe.Pointer(c))
	return c.seq
}

// maybeUnsetFlags is silent too: flags is written on newConnMaybe's other return.
func maybeUnsetFlags() int64 {
	c := newConnMaybe(3, false)
	defer C.free(unsafe.Pointer(c))
	return c.flags
}

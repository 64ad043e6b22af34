package staleread

import (
	"io"
	"sync"
	"unsafe"
)

// Pools behind helpers, as most code has them: the helper's summary says it hands out a pooled
// object, so the caller's reslice is as stale as one of the Get's own result.

var slabs = sync.Pool{New: func() any { b := make([]byte, 4096); return &b }}

func getSlab() *[]byte  { return slabs.Get().(*[]byte) }
func putSlab(b *[]byte) { slabs.Put(b) }

// slabHeader reads a header the previous user left behind.
func slabHeader(n int) byte {
	bp := getSlab()
	defer putSlab(bp)
	b := (*bp)[:n]
	return b[0] // want `read of a reused buffer's stale contents before any write \(resliced past its length on line 21\)`
}

// slabHeaderRead is fine: the header is read in first.
func slabHeaderRead(r io.Reader, n int) (byte, error) {
	bp := getSlab()
	defer putSlab(bp)
	b := (*bp)[:n]
	if _, err := io.ReadFull(r, b); err != nil {
		return 0, err
	}
	return b[0], nil
}

// slabChecked: a check between the Get and the reslice writes nothing.
func slabChecked(n int) byte {
	bp := slabs.Get().(*[]byte)
	defer slabs.Put(bp)
	if n > len(*bp) {
		return 0
	}
	b := (*bp)[:n]
	return b[n-1] // want `read of a reused buffer's stale contents`
}

// slabFilledThrough is fine: fill gets the pooled object and writes the array it holds.
func slabFilledThrough(r io.Reader, n int) byte {
	bp := getSlab()
	defer putSlab(bp)
	fill(r, bp)
	b := (*bp)[:n]
	return b[0]
}

func fill(r io.Reader, bp *[]byte) { io.ReadFull(r, *bp) }

// slabGrown is fine on the grown path only; on the other, the previous user's bytes are read.
//
// Deliberate silence (a known limit): the slot holds the pooled array on one path and a fresh
// one on the other, and the model joins what the slot points to into "unknown".
func slabGrown(n int) byte {
	bp := getSlab()
	defer putSlab(bp)
	if cap(*bp) < n {
		*bp = make([]byte, n)
	}
	b := (*bp)[:n]
	return b[0]
}

// slabReplaced is fine: the slot holds a fresh array when it is resliced.
func slabReplaced(n int) byte {
	bp := getSlab()
	defer putSlab(bp)
	*bp = make([]byte, n)
	b := (*bp)[:n]
	return b[0]
}

type conn struct {
	rbuf []byte
	n    int
}

var conns = sync.Pool{New: func() any { return &conn{rbuf: make([]byte, 512)} }}

func acquireConn() *conn { return conns.Get().(*conn) }

// connPeek reads the pooled connection's buffer before this user read anything into it.
func connPeek(n int) byte {
	c := acquireConn()
	defer conns.Put(c)
	peek := c.rbuf[:n]
	return peek[0] // want `read of a reused buffer's stale contents`
}

// connPeekRead is fine: Read fills the buffer through the connection first.
func connPeekRead(c0 io.Reader, n int) byte {
	c := acquireConn()
	defer conns.Put(c)
	c.n, _ = c0.Read(c.rbuf)
	peek := c.rbuf[:n]
	return peek[0]
}

// connLoop is fine: each iteration reads into the buffer before looking at it.
func connLoop(r io.Reader, n int) (sum int) {
	c := acquireConn()
	defer conns.Put(c)
	for i := 0; i < 3; i++ {
		b := c.rbuf[:n]
		io.ReadFull(r, b)
		sum += int(b[0])
	}
	return sum
}

// recvPooled is fine: recv fills rb through a pointer that is &rb[0] or &zero, as the syscall
// package's generated wrappers do (syscall.NetlinkRIB reads a pooled page that way).
func recvPooled(fd int) byte {
	bp := getSlab()
	defer putSlab(bp)
	rb := *bp
	nr := recv(fd, rb)
	rb = rb[:nr]
	return rb[0]
}

var zero uintptr

// kernel stands for the raw system call: the model cannot see into it.
var kernel func(trap, a1, a2 uintptr) uintptr

func recv(fd int, p []byte) int {
	var p0 unsafe.Pointer
	if len(p) > 0 {
		p0 = unsafe.Pointer(&p[0])
	} else {
		p0 = unsafe.Pointer(&zero)
	}
	return int(rawRecv(uintptr(fd), uintptr(p0)))
}

func rawRecv(fd, p uintptr) uintptr { return kernel(45, fd, p) }

var pages = sync.Pool{New: func() any { return new([4096]byte) }}

// pageString copies out a prefix of a pooled page nobody wrote this time.
func pageString(n int) string {
	pg := pages.Get().(*[4096]byte)
	defer pages.Put(pg)
	return string(pg[:n]) // want `conversion of a reused buffer's stale contents before any write`
}

// pageStringCopied is fine: the page is filled first.
func pageStringCopied(n int, src []byte) string {
	pg := pages.Get().(*[4096]byte)
	defer pages.Put(pg)
	copy(pg[:], src)
	return string(pg[:n])
}

type decoder struct{ buf []byte }

var decoders = sync.Pool{New: func() any { return &decoder{buf: make([]byte, 64)} }}

// decodeField keeps the resliced buffer in its field, as decoders do, and reads it back.
func decodeField(n int) byte {
	d := decoders.Get().(*decoder)
	defer decoders.Put(d)
	d.buf = d.buf[:n]
	return d.buf[0] // want `read of a reused buffer's stale contents`
}

// decodeFieldFilled is fine: fill gets the decoder and reads into its buffer.
func decodeFieldFilled(r io.Reader, n int) byte {
	d := decoders.Get().(*decoder)
	defer decoders.Put(d)
	d.buf = d.buf[:n]
	d.fill(r)
	return d.buf[0]
}

func (d *decoder) fill(r io.Reader) { io.ReadFull(r, d.buf) }

package pooluse

import "sync"

// Regressions from modules outside the corpus, where effects outlived what they were about.

var fxPool sync.Pool

type node struct {
	buf  []byte
	next *node
}

type list struct{ head *node }

// reset puts back every node's buffer, then empties the list: what l.head.buf is after the call
// is not what it put back (panjf2000/gnet pkg/buffer/linkedlist).
func (l *list) reset() {
	for n := l.head; n != nil; n = n.next {
		fxPool.Put(n.buf)
	}
	l.head = nil
}

func (l *list) push(b []byte) { l.head = &node{buf: b, next: l.head} }

func (l *list) first() byte { return l.head.buf[0] }

// resetThenReuse is fine: reset cleared head, and push set a new one.
func resetThenReuse(l *list, b []byte) byte {
	l.reset()
	l.push(b)
	return l.first()
}

type packet struct {
	data  []byte
	owned bool
}

// send puts the packet back when it owns it: the callee decides by the object's state.
func send(p *packet) {
	if p.owned {
		fxPool.Put(p)
	}
}

func (p *packet) release() { _ = p.data[:0] }

// sendThenRelease is fine: send may or may not have put p back, by p's state, which a later
// use does not contradict (quic-go connection_test.go).
func sendThenRelease(p *packet) {
	defer p.release()
	send(p)
}

type segment struct {
	values [4]int
	next   *segment
}

// putField gives one field back to the pool; the segment's other fields stay the caller's
// (puzpuzpuz/xsync UMPSCQueue.Dequeue).
func putField(s *segment) *segment {
	fxPool.Put(&s.values)
	return s.next
}

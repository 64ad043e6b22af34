// Package freelist holds allocators written in Go: a free list recycles what Free receives,
// and a use after Free is a use of memory the next Alloc hands to someone else.
package freelist

type node struct {
	next *node
	val  int
}

// pool keeps freed nodes in a slice.
type pool struct {
	free []*node
}

func (p *pool) alloc() *node {
	if n := len(p.free); n > 0 {
		x := p.free[n-1]
		p.free = p.free[:n-1]
		return x
	}
	return new(node)
}

func (p *pool) release(x *node) {
	x.val = 0
	p.free = append(p.free, x)
}

func useAfterRelease(p *pool) int {
	a := p.alloc()
	a.val = 1
	p.release(a)
	return a.val // want `read of memory from freelist.pool.alloc's free list after it was freed by freelist.pool.release`
}

func useAfterReleaseTwin(p *pool) int {
	a := p.alloc()
	a.val = 1
	v := a.val
	p.release(a)
	return v
}

// list keeps freed nodes linked through next.
type list struct{ head *node }

func (l *list) get() *node {
	if n := l.head; n != nil {
		l.head = n.next
		return n
	}
	return &node{}
}

func (l *list) put(n *node) {
	n.next = l.head
	l.head = n
}

func putTwice(l *list) {
	n := l.get()
	l.put(n)
	l.put(n) // want `free of memory from freelist.list.get's free list already freed`
}

func putOnceTwin(l *list) {
	n := l.get()
	m := l.get()
	l.put(n)
	l.put(m)
}

// memo returns what it keeps, and keeps it: a cache, not a free list. Silent.
type memo struct{ last *node }

func (m *memo) set(n *node) { m.last = n }

func (m *memo) get() *node {
	if m.last != nil {
		return m.last
	}
	return new(node)
}

func useAfterSet(m *memo) int {
	n := &node{val: 2}
	m.set(n)
	return n.val
}

// stack is a container: pop returns nil when empty, not a fresh node. Silent.
type stack struct{ items []*node }

func (s *stack) push(n *node) { s.items = append(s.items, n) }

func (s *stack) pop() *node {
	if len(s.items) == 0 {
		return nil
	}
	n := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return n
}

func useAfterPush(s *stack) int {
	n := &node{val: 3}
	s.push(n)
	return n.val
}

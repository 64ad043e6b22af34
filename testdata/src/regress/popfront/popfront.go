// Package popfront: PopFront reads buf[0] after n--; the slot was below the
// old length exactly as PopBack's buf[n] is (pebble internal/manifest/btree.go:346).
package popfront

type Deque struct {
	buf [8]int
	n   int
}

func (d *Deque) Push(x int) {
	d.buf[d.n] = x
	d.n++
}

func (d *Deque) PopBack() int {
	d.n--
	return d.buf[d.n]
}

func (d *Deque) PopFront() int {
	d.n--
	out := d.buf[0]
	copy(d.buf[:d.n], d.buf[1:d.n+1])
	return out
}

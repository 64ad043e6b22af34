package slots

// Deque checks its index against the length, but with the wrong comparison: i == n passes.
type Deque struct {
	buf [16]int
	n   int
}

func (d *Deque) Push(v int) {
	if d.n < len(d.buf) {
		d.buf[d.n] = v
		d.n++
	}
}

// Remove panics for i > n, and so reads the slot at n.
func (d *Deque) Remove(i int) int {
	if i < 0 || i > d.n {
		panic("deque: index out of range")
	}
	return d.buf[i] // want `read of Deque.buf at an index not known to be below Deque.n`
}

// RemoveChecked is fine: i >= n panics.
func (d *Deque) RemoveChecked(i int) int {
	if i < 0 || i >= d.n {
		panic("deque: index out of range")
	}
	return d.buf[i]
}

// At admits i == n.
func (d *Deque) At(i int) int {
	if i <= d.n {
		return d.buf[i] // want `read of Deque.buf at an index not known to be below Deque.n`
	}
	return 0
}

package slots

// Queue builds its views through an unexported helper that returns the whole buffer, as
// vectors do: the finding is where the whole buffer leaves the package, not in the helper.
type Queue struct {
	buf [16]int
	n   int
}

func (q *Queue) Push(v int) {
	if q.n < len(q.buf) {
		q.buf[q.n] = v
		q.n++
	}
}

// all is the whole backing array: fine in itself, its callers cut it.
func (q *Queue) all() []int { return q.buf[:] }

// Items is fine: the helper's view is cut to the length.
func (q *Queue) Items() []int { return q.all()[:q.n] }

// Raw hands out the helper's view whole.
func (q *Queue) Raw() []int {
	return q.all() // want `returned view of Queue.buf reaches past Queue.n`
}

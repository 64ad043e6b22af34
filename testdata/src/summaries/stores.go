package summaries

// Stores with their contents: which slot holds a view of which input's memory on return.

type Cursor struct {
	buf []byte
	cur []byte
	n   int
}

func (c *Cursor) Next() { c.cur = c.buf[:4] } // want Next:`stores\(p0.cur=view\(p0.buf\)\)`

// Reset stores a view on one path only: no store in its summary.
func (c *Cursor) Reset(all bool) { // want Reset:`writes\(p0.cur\)`
	if all {
		c.cur = c.buf
	}
}

// Rewind stores a view of its parameter.
func (c *Cursor) Rewind(b []byte) { c.cur = b } // want Rewind:`stores\(p0.cur=view\(p1\)\)`

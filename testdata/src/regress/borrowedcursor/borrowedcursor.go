// Package borrowedcursor: a writer over a caller's bitmap keeps a byte cursor;
// the constructor reads the byte at the cursor to keep its preceding bits
// (arrow parquet/internal/utils/bitmap_writer.go:85,96).
package borrowedcursor

type Writer struct {
	buf  []byte
	off  int
	cur  byte
	mask byte
}

func New(buf []byte, start int) *Writer {
	w := &Writer{buf: buf, off: start / 8, mask: 1 << (start % 8)}
	w.cur = w.buf[w.off] & (w.mask - 1)
	return w
}

func (w *Writer) Next() {
	w.mask <<= 1
	if w.mask == 0 {
		w.mask = 1
		w.buf[w.off] = w.cur
		w.off++
		w.cur = 0
	}
}

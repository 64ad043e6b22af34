package summaries

import "io"

// Invokes: methods called on an interface input whose dynamic type only the caller knows.

func CloseIt(c io.Closer) { c.Close() } // want CloseIt:`invokes\(p0.Close\)`

// CloseMaybe closes on one path only.
func CloseMaybe(c io.Closer, done bool) { // want CloseMaybe:`may invokes\(p0.Close\)`
	if done {
		c.Close()
	}
}

// CloseLater passes its interface on: the invoke is its own too.
func CloseLater(c io.Closer) { CloseIt(c) } // want CloseLater:`invokes\(p0.Close\)`

// CloseDeferred closes in a defer, on every path.
func CloseDeferred(c io.Closer) { // want CloseDeferred:`invokes\(p0.Close\)`
	defer c.Close()
}

// CloseMine closes what it made itself: that is its own business, not an invoke of an input.
func CloseMine(r io.Reader) {
	var c io.Closer = nopCloser{}
	c.Close()
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }

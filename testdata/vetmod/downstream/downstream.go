// Package downstream misuses upstream's memory; it does not import C or unsafe itself.
package downstream

import "vetmod/upstream"

// AfterFree reads a view of freed memory.
func AfterFree() byte {
	b := upstream.New(4)
	b.Append(1)
	v := b.Bytes()
	b.Free()
	return v[0]
}

// AcrossAppend keeps a view across a growth.
func AcrossAppend(b *upstream.Buf) byte {
	v := b.Bytes()
	b.Append(2)
	return v[0]
}

// FreeTwice frees twice through a method.
func FreeTwice(b *upstream.Buf) {
	b.Free()
	b.Free()
}

// Fine takes the view after the growth, and frees once.
func Fine(b *upstream.Buf) byte {
	b.Append(3)
	v := b.Bytes()
	x := v[0]
	b.Free()
	return x
}

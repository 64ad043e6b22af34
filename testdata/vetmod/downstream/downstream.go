// Package downstream misuses upstream's memory; it does not import C or unsafe itself.
package downstream

import "vetmod/upstream"

// AfterFree reads a view of freed memory.
func AfterFree() byte {
	b := upstream.New(4)
	b.Append(1)
	v := b.Bytes()
	b.Free()
	return v[0] // want `read of the memory b.data points to after it was freed by upstream.Buf.Free on line 11`
}

// AcrossAppend keeps a view across a growth.
func AcrossAppend(b *upstream.Buf) byte {
	v := b.Bytes()
	b.Append(2)
	return v[0] // want `read of the memory b.data points to after it was possibly reallocated by upstream.Buf.Append on line 18`
}

// FreeTwice frees twice through a method.
func FreeTwice(b *upstream.Buf) {
	b.Free()
	b.Free() // want `free of the memory b.data points to already freed on line 24`
}

// Fine takes the view after the growth, and frees once.
func Fine(b *upstream.Buf) byte {
	b.Append(3)
	v := b.Bytes()
	x := v[0]
	b.Free()
	return x
}

// AfterDone reads a view of memory a helper freed through io.Closer.
func AfterDone() byte {
	b := upstream.New(4)
	b.Append(1)
	v := b.Bytes()
	upstream.Done(b)
	return v[0] // want `read of the memory b.data points to after it was freed by upstream.Done on line 42`
}

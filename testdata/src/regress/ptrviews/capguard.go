// Package capguard: a word written into a slice's spare capacity, proven in
// bounds by cap(buf)-len(buf) >= n (go-json jsonstring/quote.go:414-423).
package ptrviews

import "unsafe"

func AppendWord(buf []byte, v uint64) []byte {
	l := len(buf)
	if cap(buf)-l >= 10 {
		dst := unsafe.Add(unsafe.Pointer(unsafe.SliceData(buf)), l+1)
		*(*uint64)(dst) = v
		return buf[:l+10]
	}
	return buf
}

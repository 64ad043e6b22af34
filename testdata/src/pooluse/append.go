package pooluse

import (
	"io"
	"sync"
)

var msgs = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// appendedAfterPut: within its capacity, append writes the pooled array, so b goes back to the
// pool with bp (pquerna/ffjson#204).
func appendedAfterPut(w io.Writer, msg []byte) {
	bp := msgs.Get().(*[]byte)
	b := append((*bp)[:0], msg...)
	msgs.Put(bp)
	w.Write(b) // want `call to \(io.Writer\).Write reads memory whose address is stored in the sync.Pool object after it was put back into its sync.Pool`
}

// appendedBeforePut is fine: written out, then the grown buffer goes back with its cell.
func appendedBeforePut(w io.Writer, msg []byte) {
	bp := msgs.Get().(*[]byte)
	b := append((*bp)[:0], msg...)
	w.Write(b)
	*bp = b[:0]
	msgs.Put(bp)
}

package upstream

// #include <stdlib.h>
import "C"

import "io"

// Close frees the memory, for io.Closer.
func (b *Buf) Close() error {
	C.free(b.data)
	return nil
}

// Done closes whatever it is given: which memory that frees is the caller's to know.
func Done(c io.Closer) { c.Close() }

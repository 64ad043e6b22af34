package ignores

import (
	"bytes"
	"sync"
)

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// viewPastDeferredPut: a view returned under a deferred Put is a use-after-put finding, so the
// directive naming that check suppresses it (and is used).
func viewPastDeferredPut() []byte {
	b := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(b)
	b.WriteString("x")
	//uninitlint:ignore use-after-put the caller copies before the next Get, in this test
	return b.Bytes()
}

// viewNamedWrongly: dangling-escape is not the check that finding is filed under.
func viewNamedWrongly() []byte {
	b := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(b)
	b.WriteString("x")
	//uninitlint:ignore dangling-escape wrong check // want `suppresses nothing`
	return b.Bytes() // reported by the escape pass, as use-after-put
}

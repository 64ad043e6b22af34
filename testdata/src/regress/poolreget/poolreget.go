// Package poolreget: an object is put back into a pool, then a Get returns a
// pointer that is compared with the old one; only when they are equal (the
// pool gave the same object back, now owned again by the caller) is the old
// pointer used. The linter reports use-after-put: it does not learn from
// `again == s` that s is the live object returned by Get.
package poolreget

import "sync"

type S struct{ buf []byte }

var pool = sync.Pool{New: func() any { return new(S) }}

func f() int {
	s := pool.Get().(*S)
	pool.Put(s)
	again := pool.Get().(*S)
	defer pool.Put(again)
	if again != s {
		return -1
	}
	return len(s.buf) // s == again: owned, not in the pool
}

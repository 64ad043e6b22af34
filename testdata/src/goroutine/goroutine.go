// Package goroutine: memory handed to a goroutine and freed before anything waits for it, each
// beside its corrected twin.
package goroutine

// #include <stdlib.h>
import "C"

import (
	"sync"
	"unsafe"
)

func consume(p unsafe.Pointer) byte { return *(*byte)(p) }

func freedUnderWorker() {
	p := C.malloc(64)
	*(*byte)(p) = 1
	go consume(p) // want `goroutine started on line 18 uses C.malloc'd memory, which is freed on line 19 with nothing waiting for the goroutine first`
	C.free(p)
}

func freedUnderClosure() {
	p := C.malloc(64)
	*(*byte)(p) = 1
	go func() {
		_ = *(*byte)(p) // want `use of C.malloc'd memory in the goroutine started on line 25, which is freed by the deferred call on line 28 when the function returns`
	}()
	defer C.free(p)
}

// waitedFine is fine: the WaitGroup's Wait comes between the go statement and the free.
func waitedFine() {
	p := C.malloc(64)
	*(*byte)(p) = 1
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = consume(p)
	}()
	wg.Wait()
	C.free(p)
}

// receivedFine is fine: the receive waits for the goroutine's send.
func receivedFine() byte {
	p := C.malloc(64)
	*(*byte)(p) = 1
	done := make(chan byte)
	go func() { done <- consume(p) }()
	b := <-done
	C.free(p)
	return b
}

// waitInHelperFine is fine: join waits, and its summary says it blocks.
func waitInHelperFine() {
	p := C.malloc(64)
	*(*byte)(p) = 1
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = consume(p)
	}()
	join(&wg)
	C.free(p)
}

func join(wg *sync.WaitGroup) { wg.Wait() }

// otherMemoryFine is fine: the goroutine uses q, and p is freed.
func otherMemoryFine() {
	p, q := C.malloc(64), C.malloc(64)
	*(*byte)(q) = 1
	go consume(q)
	C.free(p)
}

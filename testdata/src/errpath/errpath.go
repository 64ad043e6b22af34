// Package errpath: memory freed on one branch and used, or freed again, where every path from
// the free leads (the error path that frees and falls through), each beside its corrected twin.
package errpath

// #include <stdlib.h>
import "C"

import (
	"errors"
	"log"
	"os"
	"testing"
	"unsafe"
)

var errShort = errors.New("short")

func fallThrough(fail bool) (byte, error) {
	p := (*byte)(C.calloc(1, 1))
	var err error
	if fail {
		C.free(unsafe.Pointer(p))
		err = errShort
	}
	v := *p // want `read of C.calloc'd memory after it was freed by C.free on line 22 \(when line 22 runs: every path from it leads here\)`
	if err != nil {
		return 0, err
	}
	C.free(unsafe.Pointer(p))
	return v, nil
}

// fallThroughFine returns on the error path.
func fallThroughFine(fail bool) (byte, error) {
	p := (*byte)(C.calloc(1, 1))
	if fail {
		C.free(unsafe.Pointer(p))
		return 0, errShort
	}
	v := *p
	C.free(unsafe.Pointer(p))
	return v, nil
}

func freeAgain(fail bool) {
	p := C.malloc(8)
	if fail {
		C.free(p)
	}
	C.free(p) // want `free of C.malloc'd memory already freed on line 48 \(when line 48 runs: every path from it leads here\)`
}

// freeAgainFine frees on the other branch only.
func freeAgainFine(fail bool) {
	p := C.malloc(8)
	if fail {
		C.free(p)
	} else {
		C.free(p)
	}
}

// correlated is silent: the use is reached only when the free was not, which the model cannot
// tell from the branches, and need not: the use does not follow the free on every path.
func correlated(c bool) byte {
	p := (*byte)(C.calloc(1, 1))
	if c {
		C.free(unsafe.Pointer(p))
	}
	if !c {
		v := *p
		C.free(unsafe.Pointer(p))
		return v
	}
	return 0
}

// exits is silent: every path from the free ends the process or the test first.
func exits(c bool, t *testing.T) byte {
	p := (*byte)(C.calloc(1, 1))
	if c {
		C.free(unsafe.Pointer(p))
		os.Exit(1)
	}
	if !c {
		C.free(unsafe.Pointer(p))
		log.Fatalf("no")
	}
	if t != nil {
		C.free(unsafe.Pointer(p))
		t.Fatal("no")
	}
	return *p
}

// fail never returns.
func fail(msg string) { panic(msg) }

// helperExits is silent: fail, of this package, has no return.
func helperExits(c bool) byte {
	p := (*byte)(C.calloc(1, 1))
	if c {
		C.free(unsafe.Pointer(p))
		fail("no")
	}
	return *p // want `return loses C.calloc'd memory allocated on line 101`
}

// reassigned is silent: the freed pointer is replaced on the path that frees it.
func reassigned(c bool) byte {
	p := (*byte)(C.calloc(1, 1))
	if c {
		C.free(unsafe.Pointer(p))
		p = (*byte)(C.calloc(1, 1))
	}
	v := *p
	C.free(unsafe.Pointer(p))
	return v
}

func nextIteration(ch chan int) {
	p := (*byte)(C.calloc(1, 1))
	for {
		*p = byte(<-ch) // want `write to C.calloc'd memory after it was freed by C.free on line 126 \(when line 126 runs: every path from it leads here\)`
		if *p == 0 { // want `read of C.calloc'd memory after it was freed by C.free on line 126`
			C.free(unsafe.Pointer(p)) // want `free of C.calloc'd memory already freed on line 126`
		}
	}
}

// lastIteration is silent: the loop may end after the free.
func lastIteration(n int) {
	p := (*byte)(C.calloc(1, 1))
	for i := 0; i < n; i++ {
		*p = byte(i)
		if i == n-1 {
			C.free(unsafe.Pointer(p))
		}
	}
} // want `return loses C.calloc'd memory allocated on line 133`

// exitsThroughTB is silent: tb.Fatal, an interface call, never returns either.
func exitsThroughTB(c bool, tb testing.TB) byte {
	p := (*byte)(C.calloc(1, 1))
	if c {
		C.free(unsafe.Pointer(p))
		tb.Fatal("no")
	}
	return *p // want `return loses C.calloc'd memory allocated on line 144`
}

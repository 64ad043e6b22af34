package indirect

// #include <stdlib.h>
import "C"

// run calls the callback it is given, on every path.
func run(f func()) { f() }

// runIf calls it on one path only.
func runIf(ok bool, f func()) {
	if ok {
		f()
	}
}

// runVia passes the callback on to run: it calls it too.
func runVia(f func()) { run(f) }

// closureFrees frees through a closure a helper runs.
func closureFrees() byte {
	p := C.malloc(8)
	run(func() { C.free(p) })
	return *(*byte)(p) // want `read of C.malloc'd memory after it was freed by indirect.run on line 22`
}

// closureFreesTwin reads first.
func closureFreesTwin() byte {
	p := C.malloc(8)
	*(*byte)(p) = 1
	b := *(*byte)(p)
	run(func() { C.free(p) })
	return b
}

// methodValue hands a method value to a helper that passes it on.
func methodValue() byte {
	r := newRes()
	runVia(func() { r.Close() })
	return *(*byte)(r.p) // want `read of the memory r.p points to after it was freed by indirect.runVia on line 38`
}

// boundMethod passes the method value itself.
func boundMethod() byte {
	r := newRes()
	run(func() { r.Close() })
	f := r.Close
	runVia(func() { f() })
	return 0
}

// maybeFrees: the helper calls the callback on one path, so the read after it may follow a
// free, as after a direct call that frees on one path.
func maybeFrees(ok bool) byte {
	p := C.malloc(8)
	*(*byte)(p) = 1
	runIf(ok, func() { C.free(p) })
	return *(*byte)(p) // want `read of C.malloc'd memory after it may have been freed by indirect.runIf`
}

// writes through a closure: the memory is initialized after the helper ran it.
func closureWrites() byte {
	p := C.malloc(8)
	defer C.free(p)
	run(func() { *(*byte)(p) = 7 })
	return *(*byte)(p)
}

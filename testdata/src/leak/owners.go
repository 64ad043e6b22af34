package leak

// #include <stdlib.h>
import "C"

import (
	"errors"
	"unsafe"
)

var errEmpty = errors.New("empty")

// firstByte only reads through p: it borrows p, so its caller still owns p after the call.
func firstByte(p *C.char) byte { return byte(*p) }

// checkName borrows the name through a helper, and the error return skips the free.
func checkName(name string) error {
	p := C.CString(name)
	if firstByte(p) == 0 {
		return errEmpty // want `return loses C.CString's memory allocated on line 18`
	}
	C.free(unsafe.Pointer(p))
	return nil
}

// checkNameTwin frees before the early return.
func checkNameTwin(name string) error {
	p := C.CString(name)
	if firstByte(p) == 0 {
		C.free(unsafe.Pointer(p))
		return errEmpty
	}
	C.free(unsafe.Pointer(p))
	return nil
}

// cstr hands what it allocates to its caller alone: its caller must free it, as C.CString's.
func cstr(s string) *C.char { return C.CString(s) }

// newBlock is an allocator the same way, through conversions.
func newBlock(n int) unsafe.Pointer {
	p := C.malloc(C.size_t(n))
	return unsafe.Pointer(p)
}

func wrapped(s string, bad bool) error {
	p := cstr(s)
	if bad {
		return errEmpty // want `return loses memory allocated by leak.cstr on line 47`
	}
	C.free(unsafe.Pointer(p))
	return nil
}

func wrappedTwin(s string, bad bool) error {
	p := cstr(s)
	defer C.free(unsafe.Pointer(p))
	if bad {
		return errEmpty
	}
	return nil
}

// sized views the block as a slice, and len of the view hands nothing on.
func sized(n int) error {
	p := newBlock(n)
	b := unsafe.Slice((*byte)(p), n)
	if len(b) > 64 {
		return errEmpty // want `return loses memory allocated by leak.newBlock on line 66`
	}
	C.free(p)
	return nil
}

// live is a registry of blocks: whoever empties it frees them.
var live = map[unsafe.Pointer]bool{}

// register keeps p: a caller that passes p to it has handed p on.
func register(p unsafe.Pointer) { live[p] = true }

func registered(n int, bad bool) error {
	p := C.malloc(C.size_t(n))
	register(p)
	if bad {
		return errEmpty
	}
	C.free(p)
	return nil
}

// trackedBlock keeps what it allocates in the registry as well as returning it: not an
// allocator whose caller alone must free the block.
func trackedBlock(n int) unsafe.Pointer {
	p := C.malloc(C.size_t(n))
	live[p] = true
	return p
}

func tracked(n int, bad bool) error {
	p := trackedBlock(n)
	if bad {
		return errEmpty
	}
	C.free(p)
	return nil
}

// queue takes ownership of what it is given when it succeeds; its caller frees only on failure.
type queue struct{ items []unsafe.Pointer }

func (q *queue) push(p unsafe.Pointer) error {
	if len(q.items) == 8 {
		return errors.New("full")
	}
	q.items = append(q.items, p)
	return nil
}

func enqueue(q *queue, n int) error {
	p := C.malloc(C.size_t(n))
	if err := q.push(p); err != nil {
		C.free(p)
		return err
	}
	return nil
}

// viaHelper passes the block on to a helper that passes it on to one that borrows it: still a
// borrow.
func lookAt(p unsafe.Pointer) byte { return firstByte((*C.char)(p)) }
func viaHelper(n int, bad bool) error {
	p := C.malloc(C.size_t(n))
	if lookAt(p) == 0 && bad {
		return errEmpty // want `return loses C.malloc'd memory allocated on line 132`
	}
	C.free(p)
	return nil
}

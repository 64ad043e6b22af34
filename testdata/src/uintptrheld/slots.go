package uintptrheld

// #include <stdlib.h>
import "C"

import (
	"sync/atomic"
	"unsafe"
)

// item is a node of a list linked by integers: next holds the address of the next item.
type item struct {
	next uintptr
	v    int
}

type intList struct{ head uintptr }

// push stores the only reference to x as an integer: nothing keeps x alive.
func (l *intList) push(v int) {
	x := &item{v: v}
	x.next = l.head
	l.head = uintptr(unsafe.Pointer(x))
}

// top reads the address back in another function.
func (l *intList) top() *item {
	return (*item)(unsafe.Pointer(l.head)) // want `address of Go memory read back from the integer intList.head, stored there on line 23, is converted to a pointer`
}

// literal keeps the address in a field of a struct value built as a composite literal.
func literal(v int) int {
	x := new(int)
	*x = v
	n := item{next: uintptr(unsafe.Pointer(x))}
	return *(*int)(unsafe.Pointer(n.next)) // want `address held in a uintptr since line 35 is converted back`
}

// current is a package variable set through sync/atomic.
var current atomic.Uintptr

func publish(v int) {
	x := &item{v: v}
	current.Store(uintptr(unsafe.Pointer(x)))
}

func latest() int {
	return (*item)(unsafe.Pointer(current.Load())).v // want `read back from the integer current`
}

// byKey keeps addresses in the entries of a package map.
var byKey = map[string]uintptr{}

func remember(k string, v int) {
	x := &item{v: v}
	byKey[k] = uintptr(unsafe.Pointer(x))
}

func recall(k string) *item {
	if u, ok := byKey[k]; ok {
		return (*item)(unsafe.Pointer(u)) // want `read back from the integer entry of byKey`
	}
	return nil
}

// cList links C memory by integers: it never moves, and needs nothing to keep it alive.
type cList struct{ head uintptr }

func (l *cList) push() {
	p := C.malloc(16)
	l.head = uintptr(p)
}

func (l *cList) top() unsafe.Pointer { return unsafe.Pointer(l.head) }

// keptList keeps each item by a pointer beside its integer address: the integer is a cache.
type keptList struct {
	items []*item
	last  uintptr
}

func (l *keptList) add(v int) {
	x := &item{v: v}
	l.items = append(l.items, x)
	l.last = uintptr(unsafe.Pointer(x))
}

func (l *keptList) lastItem() *item { return (*item)(unsafe.Pointer(l.last)) }

// mixed holds an address in one place and a count in another: nothing is known of what a load
// reads.
type mixed struct{ word uintptr }

func (m *mixed) setAddr(v int) {
	x := &item{v: v}
	m.word = uintptr(unsafe.Pointer(x))
}

func (m *mixed) setCount(n int) { m.word = uintptr(n) }

func (m *mixed) get() unsafe.Pointer { return unsafe.Pointer(m.word) }

// cleared slots hold no address, and do not make the slot unknown.
type cache struct{ p uintptr }

func (c *cache) set(v int) {
	x := &item{v: v}
	c.p = uintptr(unsafe.Pointer(x))
}

func (c *cache) reset() { c.p = 0 }

func (c *cache) get() *item {
	return (*item)(unsafe.Pointer(c.p)) // want `read back from the integer cache.p`
}

// image records where a header its caller found lives (runtime's vDSO setup): a pointer
// parameter may point into memory the collector does not manage, so its address in an integer
// field says nothing.
type header struct{ off uintptr }

type image struct{ base uintptr }

func (im *image) load(h *header) unsafe.Pointer {
	im.base = uintptr(unsafe.Pointer(h))
	return unsafe.Pointer(im.base + h.off)
}

// A struct value whose integer field holds an address, kept in a map and read back whole.
type pendingReq struct {
	addr uintptr
	size int
}

type pendingReads struct {
	next    uint64
	pending map[uint64]pendingReq
}

func (r *pendingReads) submit(size int) uint64 {
	buf := make([]byte, size)
	r.next++
	r.pending[r.next] = pendingReq{addr: uintptr(unsafe.Pointer(&buf[0])), size: size}
	return r.next
}

func (r *pendingReads) complete(token uint64) []byte {
	req, ok := r.pending[token]
	if !ok {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(req.addr)), req.size) // want `address of Go memory read back from the integer pendingReq.addr, stored there on line 143, is converted to a pointer`
}

// A struct value whose integer field holds a C address is fine: C memory stays put.
type cReq struct {
	addr uintptr
	size int
}

func submitC(m map[int]cReq, size int) {
	m[0] = cReq{addr: uintptr(C.malloc(C.size_t(size))), size: size}
}

func completeC(m map[int]cReq) []byte {
	req := m[0]
	return unsafe.Slice((*byte)(unsafe.Pointer(req.addr)), req.size)
}

package uintptrheld

import (
	"reflect"
	"runtime"
	"syscall"
	"unsafe"
)

// sumLoop keeps an address in a uintptr advanced through a loop phi: every conversion back is
// outside the expression that took it.
func sumLoop(a *[8]int32) (s int32) {
	u := uintptr(unsafe.Pointer(a))
	for i := 0; i < 8; i++ {
		s += *(*int32)(unsafe.Pointer(u)) // want `address held in a uintptr since line 13 is converted back`
		u += 4
	}
	return s
}

// sumLoopTwin is fine: unsafe.Add keeps the pointer a pointer.
func sumLoopTwin(a *[8]int32) (s int32) {
	p := unsafe.Pointer(a)
	for i := 0; i < 8; i++ {
		s += *(*int32)(p)
		p = unsafe.Add(p, 4)
	}
	return s
}

type cursor struct {
	base uintptr
	n    int
}

// fieldHeld keeps an address in a field of a local struct value.
func fieldHeld() byte {
	b := make([]byte, 16)
	c := cursor{n: len(b)}
	c.base = uintptr(unsafe.Pointer(&b[0]))
	return *(*byte)(unsafe.Pointer(c.base + 1)) // want `address held in a uintptr since line 40 is converted back`
}

// fieldHeldTwin is fine: the field holds a pointer, which keeps b alive.
func fieldHeldTwin() byte {
	b := make([]byte, 16)
	type pcursor struct{ base unsafe.Pointer }
	c := pcursor{base: unsafe.Pointer(&b[0])}
	return *(*byte)(unsafe.Add(c.base, 1))
}

// headerCopy copies a real header's Data into a header built as a value: rule 6.
func headerCopy(a []byte) []byte {
	src := (*reflect.SliceHeader)(unsafe.Pointer(&a))
	var h reflect.SliceHeader
	h.Data = src.Data // want `reflect.SliceHeader built as a value`
	h.Len, h.Cap = src.Len, src.Cap
	return *(*[]byte)(unsafe.Pointer(&h))
}

// headerCopyTwin is fine: the destination header views a real slice.
func headerCopyTwin(a []byte) []byte {
	var s []byte
	src := (*reflect.SliceHeader)(unsafe.Pointer(&a))
	dst := (*reflect.SliceHeader)(unsafe.Pointer(&s))
	dst.Data, dst.Len, dst.Cap = src.Data, src.Len, src.Cap
	return s
}

// valueData converts the Data of a header built as a value: nothing it points to is alive.
func valueData() unsafe.Pointer {
	var h reflect.StringHeader
	return unsafe.Pointer(h.Data) // want `Data of a reflect.StringHeader built as a value is converted`
}

// valueDataTwin is fine: the header views a real string (rule 6).
func valueDataTwin(s string) unsafe.Pointer {
	h := (*reflect.StringHeader)(unsafe.Pointer(&s))
	return unsafe.Pointer(h.Data)
}

type attr struct {
	key   uint64
	value uint64
	flags uint32
}

// attrSyscall hands the kernel a struct whose integer field holds the address of key: the
// integer keeps nothing alive, and nothing uses key after the call.
func attrSyscall(fd uintptr) error {
	key := new(uint32)
	*key = 7
	var a attr
	a.key = uint64(uintptr(unsafe.Pointer(key)))
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, 0, uintptr(unsafe.Pointer(&a))) // want `the address stored in a.key on line 94 is an integer, which does not keep its object alive`
	if e != 0 {
		return e
	}
	return nil
}

// attrSyscallTwin is fine: runtime.KeepAlive uses key after the call.
func attrSyscallTwin(fd uintptr) error {
	key := new(uint32)
	*key = 7
	var a attr
	a.key = uint64(uintptr(unsafe.Pointer(key)))
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, 0, uintptr(unsafe.Pointer(&a)))
	runtime.KeepAlive(key)
	if e != 0 {
		return e
	}
	return nil
}

// mapHeld keeps an address in a map's entry, which the collector does not see as a pointer.
func mapHeld() byte {
	b := make([]byte, 16)
	m := map[string]uintptr{}
	m["buf"] = uintptr(unsafe.Pointer(&b[0]))
	return *(*byte)(unsafe.Pointer(m["buf"])) // want `address held in a uintptr since line 120 is converted back`
}

// mapHeldTwin is fine: the map holds pointers, which keep b alive.
func mapHeldTwin() byte {
	b := make([]byte, 16)
	m := map[string]unsafe.Pointer{}
	m["buf"] = unsafe.Pointer(&b[0])
	return *(*byte)(m["buf"])
}

// mapMixed is silent: an entry that holds no address may be the one read.
func mapMixed(k string) unsafe.Pointer {
	b := make([]byte, 16)
	m := map[string]uintptr{"zero": 0}
	m["buf"] = uintptr(unsafe.Pointer(&b[0]))
	return unsafe.Pointer(m[k])
}

package leak

// #include <stdlib.h>
import "C"

import (
	"os"
	"syscall"
	"unsafe"
)

// Shapes that real modules taught the leak check: each returns on a path the code rules out.

// mapFile is a mapping wrapper (ristretto's z.Mmap): its result's size is its size argument.
func mapFile(f *os.File, size int64) ([]byte, error) {
	return syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
}

// openMapped returns early only where size is 0, where no mapping was made: mmap of 0 bytes
// fails (ristretto z.OpenMmapFileUsing).
func openMapped(f *os.File, size int64, sync func() error) ([]byte, error) {
	buf, err := mapFile(f, size)
	if err != nil {
		return nil, err
	}
	if size == 0 {
		if err := sync(); err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// openMappedLeak returns early where the mapping exists.
func openMappedLeak(f *os.File, size int64, check func() error) ([]byte, error) {
	buf, err := mapFile(f, size)
	if err != nil {
		return nil, err
	}
	if err := check(); err != nil {
		return nil, err // want `return loses memory allocated by leak.mapFile on line 36`
	}
	return buf, nil
}

type node struct{ kids []node }

type cnode struct{ kids **C.void }

func allocPtrs(n int) []*C.void {
	return unsafe.Slice((**C.void)(C.calloc(C.size_t(n), C.size_t(unsafe.Sizeof(uintptr(0))))), n)
}

// export hands the array on inside a range loop that runs at least once: the check before the
// allocation rules out the loop's zero-trip path (arrow's cdata schema export).
func (n *node) export(out *cnode, keep func(p **C.void)) {
	if len(n.kids) > 0 {
		ptrs := allocPtrs(len(n.kids))
		for i := range n.kids {
			keep(&ptrs[i])
		}
	}
}

// exportEmpty checks the wrong slice: the loop may not run, and the array is lost.
func (n *node) exportEmpty(other []node, keep func(p **C.void)) {
	if len(other) > 0 {
		ptrs := allocPtrs(len(n.kids))
		for i := range n.kids {
			keep(&ptrs[i])
		}
	}
	return // want `return loses memory allocated by leak.allocPtrs on line 68`
}

type fields struct{ fs []int }

func (f *fields) NumField() int { return len(f.fs) }

// exportCounted returns when the count is 0, then loops up to the count: the loop runs.
func exportCounted(f *fields, keep func(p **C.void)) {
	if f.NumField() == 0 {
		return
	}
	ptrs := allocPtrs(f.NumField())
	for i := 0; i < f.NumField(); i++ {
		keep(&ptrs[i])
	}
}

// exportSized hands the array on only where it is not empty: an empty one holds no memory
// anyone would call lost (arrow's buffer sizes).
func exportSized(n int, out *cnode) {
	sizes := allocPtrs(n)
	if len(sizes) > 0 {
		out.kids = (**C.void)(unsafe.Pointer(&sizes[0]))
	}
}

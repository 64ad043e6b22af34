package regress

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// munmapPartial is x/sys's TestMremapPtr, reduced: only the second page of a two-page mapping
// is unmapped, so the first page is still mapped when it is written.
func munmapPartial() {
	ps := unix.Getpagesize()
	p1, err := unix.MmapPtr(-1, 0, nil, uintptr(2*ps), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		return
	}
	p2 := unsafe.Add(p1, ps)
	if err := unix.MunmapPtr(p2, uintptr(ps)); err != nil {
		return
	}
	*(*byte)(p1) = 42
	unix.MunmapPtr(p1, uintptr(ps))
}

// mremapFixed: MremapPtr with MREMAP_FIXED maps a page at p2 again, so reading p2 and
// unmapping it once are fine.
func mremapFixed() byte {
	ps := unix.Getpagesize()
	p1, err := unix.MmapPtr(-1, 0, nil, uintptr(2*ps), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		return 0
	}
	p2 := unsafe.Add(p1, ps)
	if err := unix.MunmapPtr(p2, uintptr(ps)); err != nil {
		return 0
	}
	if _, err := unix.MremapPtr(p1, uintptr(ps), p2, uintptr(ps), unix.MREMAP_FIXED|unix.MREMAP_MAYMOVE); err != nil {
		return 0
	}
	b := *(*byte)(p2)
	unix.MunmapPtr(p2, uintptr(ps))
	return b
}

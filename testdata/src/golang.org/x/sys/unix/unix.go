// Package unix is a stand-in for golang.org/x/sys/unix in analysistest's GOPATH: the functions
// the model's table names, with their real signatures and no bodies worth reading.
package unix

import (
	"syscall"
	"unsafe"
)

const (
	PROT_READ      = 0x1
	PROT_WRITE     = 0x2
	MAP_PRIVATE    = 0x2
	MAP_ANON       = 0x20
	MREMAP_MAYMOVE = 0x1
	MREMAP_FIXED   = 0x2
)

func Getpagesize() int { return syscall.Getpagesize() }

func Mmap(fd int, offset int64, length int, prot int, flags int) ([]byte, error) {
	return syscall.Mmap(fd, offset, length, prot, flags)
}

func Munmap(b []byte) error { return syscall.Munmap(b) }

func MmapPtr(fd int, offset int64, addr unsafe.Pointer, length uintptr, prot int, flags int) (unsafe.Pointer, error) {
	return nil, nil
}

func MunmapPtr(addr unsafe.Pointer, length uintptr) error { return nil }

func Mremap(oldData []byte, newLength int, flags int) ([]byte, error) { return nil, nil }

func MremapPtr(oldAddr unsafe.Pointer, oldSize uintptr, newAddr unsafe.Pointer, newSize uintptr, flags int) (unsafe.Pointer, error) {
	return nil, nil
}

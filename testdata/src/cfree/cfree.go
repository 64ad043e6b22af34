// Package cfree: use after C.free and Munmap, each beside its corrected twin.
package cfree

// #include <stdlib.h>
// #include <string.h>
// #include <stdio.h>
import "C"

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

func readAfterFree() byte {
	p := C.malloc(16)
	C.memset(p, 0, 16)
	C.free(p)
	return *(*byte)(p) // want `read of C.malloc'd memory after it was freed by C.free on line 19`
}

// readBeforeFree is fine: the free is deferred until the read is done.
func readBeforeFree() byte {
	p := C.malloc(16)
	defer C.free(p)
	C.memset(p, 0, 16)
	return *(*byte)(p)
}

func writeAfterFree() {
	p := (*[4]int32)(C.calloc(4, 4))
	C.free(unsafe.Pointer(p))
	p[2] = 1 // want `write to C.calloc'd memory after it was freed`
}

func passToCAfterFree() {
	s := C.CString("hello")
	C.free(unsafe.Pointer(s))
	C.puts(s) // want `call to C.puts reads C.CString.s memory after it was freed`
}

// freeOnErrorPath is fine: the free is on a path that returns.
func freeOnErrorPath(fail bool) byte {
	p := C.malloc(8)
	if fail {
		C.free(p)
		return 0
	}
	C.memset(p, 1, 8)
	b := *(*byte)(p)
	C.free(p)
	return b
}

// conditionalFree frees on one branch only, but every path from the free leads to the read:
// whenever owned is true, the read is after the free (see testdata/src/errpath).
func conditionalFree(owned bool) byte {
	p := C.calloc(1, 8)
	if owned {
		C.free(p)
	}
	return *(*byte)(p) // want `read of C.calloc'd memory after it was freed by C.free on line 61 \(when line 61 runs` `return loses C.calloc'd memory allocated on line 59`
}

func sliceAfterFree(n int) []byte {
	p := C.malloc(C.size_t(n))
	b := unsafe.Slice((*byte)(p), n)
	C.free(p)
	copy(b, "x") // want `copy of C.malloc'd memory after it was freed`
	return nil
}

func unmapped(fd int) byte {
	b, err := syscall.Mmap(fd, 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return 0
	}
	syscall.Munmap(b)
	return b[0] // want `read of the mmap'd region after it was unmapped by syscall.Munmap`
}

// unmappedLast is fine: the mapping is read, then unmapped.
func unmappedLast(fd int) byte {
	b, err := syscall.Mmap(fd, 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return 0
	}
	defer syscall.Munmap(b)
	return b[0]
}

// reassigned is fine: p names fresh memory after the free.
func reassigned() byte {
	p := C.malloc(4)
	C.free(p)
	p = C.calloc(1, 4)
	defer C.free(p)
	return *(*byte)(p)
}

func remapped(fd int) byte {
	b, err := unix.Mmap(fd, 0, 4096, unix.PROT_READ, unix.MAP_PRIVATE)
	if err != nil {
		return 0
	}
	nb, err := unix.Mremap(b, 8192, unix.MREMAP_MAYMOVE)
	if err != nil {
		return 0
	}
	defer unix.Munmap(nb)
	return b[0] // want `read of the mmap'd region after it was possibly reallocated by unix.Mremap`
}

// ignored is suppressed, with a reason, on the line above.
func ignored() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore use-after-free the test checks the crash this causes
	return *(*byte)(p)
}

// ignoredNoReason is not suppressed: a directive must say why.
func ignoredNoReason() byte {
	p := C.calloc(1, 1)
	C.free(p)
	//uninitlint:ignore use-after-free
	return *(*byte)(p) // want `read of C.calloc'd memory after it was freed`
}

// ignoredOtherCheck is not suppressed: the directive names another check.
func ignoredOtherCheck() byte {
	p := C.calloc(1, 1)
	C.free(p)
	//uninitlint:ignore double-free not this one
	return *(*byte)(p) // want `read of C.calloc'd memory after it was freed`
}

// ignoredStaticcheck is suppressed by staticcheck's spelling, which names uninitlint among others.
func ignoredStaticcheck() byte {
	p := C.malloc(1)
	C.free(p)
	//lint:ignore SA4006,uninitlint the test checks the crash this causes
	return *(*byte)(p)
}

// ignoredStaticcheckOnly is not suppressed: the directive is staticcheck's alone.
func ignoredStaticcheckOnly() byte {
	p := C.calloc(1, 1)
	C.free(p)
	//lint:ignore SA4006 staticcheck's business
	return *(*byte)(p) // want `read of C.calloc'd memory after it was freed`
}

// Package ignores: suppression directives, judged by the ignore pass. Each finding the passes
// would report is suppressed below; the ignore pass reports the directives that suppress nothing
// or cannot.
package ignores

// #include <stdlib.h>
import "C"

import "unsafe"

// used suppresses a real finding, with a reason: fine.
func used() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore use-after-free the test checks the crash this causes
	return *(*byte)(p)
}

// usedSameLine suppresses on its own line: fine.
func usedSameLine() byte {
	p := C.malloc(1)
	C.free(p)
	return *(*byte)(p) //uninitlint:ignore use-after-free same line
}

// usedByPass names the pass instead of the check: fine.
func usedByPass() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore escape the whole pass, here
	return *(*byte)(p)
}

// staticcheckSpelling uses staticcheck's directive, listing a check of staticcheck too: fine;
// SA4006 is staticcheck's to judge.
func staticcheckSpelling() byte {
	p := C.malloc(1)
	C.free(p)
	//lint:ignore SA4006,uninitlint both tools are told why
	return *(*byte)(p)
}

func noReason() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore use-after-free // want `suppression directive without a reason suppresses nothing`
	return *(*byte)(p)
}

func unknownCheck() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore use-after-fre a typo // want `suppression directive names unknown check "use-after-fre": it suppresses nothing \(did you mean use-after-free\?\)`
	return *(*byte)(p)
}

func noCheck() {
	//uninitlint:ignore // want `suppression directive names no check`
}

func unused() int {
	b := make([]byte, 4)
	//uninitlint:ignore double-free nothing is freed here // want `suppression of "double-free" suppresses nothing: no such finding on this line or the next`
	return len(b)
}

// partlyUsed suppresses the use after free, but names a check that finds nothing here.
func partlyUsed() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore use-after-free,oob-add one of two // want `suppression of "oob-add" suppresses nothing`
	return *(*byte)(p)
}

// wrongLine stands two lines above its finding.
func wrongLine() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore use-after-free too far away // want `suppression of "use-after-free" suppresses nothing`

	return *(*byte)(p)
}

// misalignedButDisabled is not judged when the check is disabled (see the test).
func misalignedButDisabled() uint64 {
	var buf [16]byte
	//uninitlint:ignore misaligned disabled in the test, so not judged
	return *(*uint64)(unsafe.Pointer(&buf[1]))
}

// unusedStaticcheck names uninitlint where nothing is found.
func unusedStaticcheck() int {
	//lint:ignore uninitlint nothing to hide // want `suppression of "uninitlint" suppresses nothing`
	return 1
}

// foreign is staticcheck's alone: not ours to judge.
func foreign() int {
	//lint:ignore SA4006 staticcheck's business
	x := 1
	return x
}

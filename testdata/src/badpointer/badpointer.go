// Package badpointer: integers converted to pointers that cannot be addresses by their form
// (checkptr's "pointer arithmetic computed bad pointer value", go vet's unsafeptr cases).
package badpointer

// #include <stdlib.h>
import "C"

import "unsafe"

var sink unsafe.Pointer

func small() {
	sink = unsafe.Pointer(uintptr(1)) // want `conversion to unsafe.Pointer of a small constant`
}

// smallTwin is fine: 0 is nil, and a large constant may be a fixed address (a device).
func smallTwin() {
	sink = unsafe.Pointer(uintptr(0))
	var one uintptr = 1
	sink = unsafe.Pointer(one << 32)
}

func sum(x unsafe.Pointer) {
	sink = unsafe.Pointer(uintptr(x) + uintptr(x)) // want `conversion to unsafe.Pointer of the sum of two addresses`
}

func minus(x unsafe.Pointer) {
	sink = unsafe.Pointer(1 - uintptr(x)) // want `conversion to unsafe.Pointer of an integer minus an address`
}

func maskedBy(x unsafe.Pointer) {
	sink = unsafe.Pointer(1 &^ uintptr(x)) // want `conversion to unsafe.Pointer of an integer masked by an address`
}

// arithTwin is fine: rule 3's forms, the integer on either side of +.
func arithTwin(x unsafe.Pointer) {
	sink = unsafe.Pointer(uintptr(x) + 1)
	sink = unsafe.Pointer(1 + uintptr(x))
	sink = unsafe.Pointer(uintptr(x) - 1)
	sink = unsafe.Pointer(uintptr(x) &^ 3)
}

func maskGo() {
	var x [2]int64
	p := unsafe.Pointer(&x[1])
	var one uintptr = 1
	sink = unsafe.Pointer(uintptr(p) & ^one) // want `conversion to unsafe.Pointer of an address masked with &`
}

// maskGoTwin is fine: rounding with &^ is rule 3's.
func maskGoTwin() {
	var x [2]int64
	p := unsafe.Pointer(&x[1])
	sink = unsafe.Pointer(uintptr(p) &^ 1)
}

// maskCTwin is fine: C memory is not the collector's, and checkptr does not check it.
func maskCTwin() {
	p := C.malloc(64)
	sink = unsafe.Pointer(uintptr(p) & ^uintptr(15))
}

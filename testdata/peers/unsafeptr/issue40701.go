// Copyright 2020 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package unsafeptr

import (
	"reflect"
	"unsafe"
)

// Explicitly allocating a variable of type reflect.SliceHeader.
func _(p *byte, n int) []byte {
	var sh reflect.SliceHeader
	sh.Data = uintptr(unsafe.Pointer(p)) // expect: reflect-header
	sh.Len = n
	sh.Cap = n
	return *(*[]byte)(unsafe.Pointer(&sh)) // vet reports the header here; uninitlint where Data is stored
}

// Implicitly allocating a variable of type reflect.SliceHeader.
func _(p *byte, n int) []byte {
	return *(*[]byte)(unsafe.Pointer(&reflect.SliceHeader{ // vet reports the header here; uninitlint where Data is stored
		Data: uintptr(unsafe.Pointer(p)), // expect: reflect-header
		Len:  n,
		Cap:  n,
	}))
}

// Use reflect.StringHeader as a composite literal value.
func _(p *byte, n int) []byte {
	var res []byte
	*(*reflect.StringHeader)(unsafe.Pointer(&res)) = reflect.StringHeader{ // vet reports the header here; uninitlint where Data is stored
		Data: uintptr(unsafe.Pointer(p)), // expect: reflect-header
		Len:  n,
	}
	return res
}

func _() {
	// don't crash when obj.Pkg() == nil
	var err error
	_ = &err
}

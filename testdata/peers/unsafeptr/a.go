// Go vet's unsafeptr testdata (x/tools v0.52.0), with its want comments replaced by what
// uninitlint reports: "expect: CHECK", or why a line vet reports is not wrong on every path.

// Copyright 2014 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package unsafeptr

import (
	"reflect"
	"unsafe"
)

func f() {
	var x unsafe.Pointer
	var y uintptr
	x = unsafe.Pointer(y) // vet reports it; not a bug on every path: y is 0: the pointer is nil
	y = uintptr(x)

	// only allowed pointer arithmetic is ptr +/-/&^ num.
	// num+ptr is technically okay but still flagged: write ptr+num instead.
	x = unsafe.Pointer(uintptr(x) + 1)
	x = unsafe.Pointer(((uintptr((x))) + 1))
	x = unsafe.Pointer(1 + uintptr(x)) // vet reports it; not a bug on every path: the same address as uintptr(x) + 1, as vet's own comment says
	x = unsafe.Pointer(uintptr(x) + uintptr(x)) // expect: bad-pointer
	x = unsafe.Pointer(uintptr(x) - 1)
	x = unsafe.Pointer(1 - uintptr(x)) // expect: bad-pointer
	x = unsafe.Pointer(uintptr(x) &^ 3)
	x = unsafe.Pointer(1 &^ uintptr(x)) // expect: bad-pointer

	// certain uses of reflect are okay
	var v reflect.Value
	x = unsafe.Pointer(v.Pointer())
	x = unsafe.Pointer(v.Pointer() + 1) // vet reports it; not a bug on every path: v keeps the object alive; the arithmetic is rule 3's
	x = unsafe.Pointer(v.UnsafeAddr())
	x = unsafe.Pointer((v.UnsafeAddr()))
	var s1 *reflect.StringHeader
	x = unsafe.Pointer(s1.Data)
	x = unsafe.Pointer(s1.Data + 1) // vet reports it; not a bug on every path: s1 views a real string (rule 6)
	var s2 *reflect.SliceHeader
	x = unsafe.Pointer(s2.Data)
	var s3 reflect.StringHeader
	x = unsafe.Pointer(s3.Data) // expect: reflect-header
	var s4 reflect.SliceHeader
	x = unsafe.Pointer(s4.Data) // expect: reflect-header

	// but only in reflect
	var vv V
	x = unsafe.Pointer(vv.Pointer()) // vet reports it; not a bug on every path: a uintptr a call returns: x/sys does this with mmap's result (unix/syscall_unix.go:117)
	x = unsafe.Pointer(vv.UnsafeAddr()) // vet reports it; not a bug on every path: a uintptr a call returns, as above
	var ss1 *StringHeader
	x = unsafe.Pointer(ss1.Data) // vet reports it; not a bug on every path: a uintptr field of unknown origin: silent
	var ss2 *SliceHeader
	x = unsafe.Pointer(ss2.Data) // vet reports it; not a bug on every path: a uintptr field of unknown origin: silent

}

type V interface {
	Pointer() uintptr
	UnsafeAddr() uintptr
}

type StringHeader struct {
	Data uintptr
}

type SliceHeader struct {
	Data uintptr
}

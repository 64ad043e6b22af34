// Package bugs is what the golangci-lint test lints. A line that golangci-lint must report ends
// with a comment "finding CHECK: REGEXP" (the check, and a regexp of the message); every other
// line must stay silent.
package bugs

import (
	"bytes"
	"sync"
	"unsafe"
)

var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func useAfterPut() []byte {
	buf := bufs.Get().(*bytes.Buffer)
	bufs.Put(buf)
	return buf.Bytes() // finding use-after-put: reads the sync.Pool object after it was put back
}

func before() byte {
	var buf [32]byte
	return *(*byte)(unsafe.Add(unsafe.Pointer(&buf), -1)) // finding oob-add: reaches byte -1 of a 32-byte allocation
}

func wordAtOne() uint64 {
	var buf [16]byte
	return *(*uint64)(unsafe.Pointer(&buf[1])) // finding misaligned: conversion to \*uint64 at byte 1
}

// nolinted is silent: golangci-lint's own directive drops the finding.
func nolinted() []byte {
	buf := bufs.Get().(*bytes.Buffer)
	bufs.Put(buf)
	return buf.Bytes() //nolint:uninitlint // the test's suppressed twin of useAfterPut
}

// ignored is silent: uninitlint's directive drops the finding, and the ignore pass sees it used.
func ignored() byte {
	var buf [32]byte
	//uninitlint:ignore oob-add the test's suppressed twin of before
	return *(*byte)(unsafe.Add(unsafe.Pointer(&buf), -1))
}

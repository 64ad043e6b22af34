// Package baddirectives: comments meant as uninitlint directives that nothing would read. Each
// is reported as bad-directive, beside its well-formed twin, which is not.
package baddirectives

// #include <stdlib.h>
import "C"

import "unsafe"

func use(p unsafe.Pointer) byte { return *(*byte)(p) }

// spaced: "// uninitlint:" is an ordinary comment by Go's convention; the twin below is read.
func spaced() byte {
	p := C.malloc(1)
	C.free(p)
	// uninitlint:ignore use-after-free spaced // want `a space after // makes this a comment, not a directive: write //uninitlint:ignore`
	return use(p)
}

func spacedTwin() byte {
	p := C.malloc(1)
	C.free(p)
	//uninitlint:ignore use-after-free the twin, read
	return *(*byte)(p)
}

// block: a directive in a block comment is not read.
func block() byte {
	p := C.malloc(1)
	C.free(p)
	/* uninitlint:ignore use-after-free in a block */ // want `directive in a block comment is not read: write it as a // comment, //uninitlint:ignore`
	return use(p)
}

// staticcheckSpaced: staticcheck's spelling naming us, with a space, is not read either.
func staticcheckSpaced() byte {
	p := C.malloc(1)
	C.free(p)
	// lint:ignore uninitlint spaced // want `a space after // makes this a comment, not a directive: write //lint:ignore`
	return use(p)
}

// prose mentioning the directive in a sentence is not one: "see //uninitlint:ignore" is not
// at the start of its comment, nor is
// uninitlint: the linter's name, as prose,
// nor a YAML key in a code block:
//
//	custom:
//	  uninitlint:
//	    type: module
func prose() {}

//uninitlint:frees p // want `unknown directive //uninitlint:frees \(did you mean //uninitlint:free\?\)`
func release(p unsafe.Pointer) { C.free(p) }

//uninitlint:free p
func releaseTwin(p unsafe.Pointer) { C.free(p) }

//uninitlint:free q // want `//uninitlint:free names q, which is not a parameter of releaseQ \(parameters: p\)`
func releaseQ(p unsafe.Pointer) { C.free(p) }

//uninitlint:free buff // want `//uninitlint:free names buff, which is not a parameter of releaseBuf \(parameters: buf\) \(did you mean buf\?\)`
func releaseBuf(buf unsafe.Pointer) { C.free(buf) }

//uninitlint:free // want `//uninitlint:free takes one parameter name, not 0 words \(parameters of releaseNone: p\)`
func releaseNone(p unsafe.Pointer) { C.free(p) }

type pool struct{ mem unsafe.Pointer }

// The receiver counts as a parameter, as in SSA: this declares that Close frees what r points to.
//
//uninitlint:free r
func (r *pool) Close() {}

//uninitlint:alloc uninitialized // want `//uninitlint:alloc takes nothing or uninit, not "uninitialized"`
func newBlock(n int) unsafe.Pointer { return C.malloc(C.size_t(n)) }

//uninitlint:alloc uninti // want `//uninitlint:alloc takes nothing or uninit, not "uninti" \(did you mean uninit\?\)`
func newBlock2(n int) unsafe.Pointer { return C.malloc(C.size_t(n)) }

//uninitlint:alloc uninit
func newBlockTwin(n int) unsafe.Pointer { return C.malloc(C.size_t(n)) }

//uninitlint:alloc // want `//uninitlint:alloc on noResult, which returns nothing`
func noResult() {}

// vec is a container whose length field is declared.
//
//uninitlint:len n items
type vec struct {
	items [8]int
	n     int
}

//uninitlint:len count items // want `//uninitlint:len names count, which is not a field of vec2 \(fields: items, n\)`
type vec2 struct {
	items [8]int
	n     int
}

//uninitlint:len n // want `//uninitlint:len takes two field names, the length and the buffer, not 1 words`
type vec3 struct {
	items [8]int
	n     int
}

//uninitlint:len n items // want `//uninitlint:len is read only in a struct type's doc comment`
type notStruct []int

func misplaced() {
	//uninitlint:free p // want `//uninitlint:free is read only in a function's doc comment`
	_ = 0
}

//uninitlint:ignored use-after-free typo of the word // want `unknown directive //uninitlint:ignored \(did you mean //uninitlint:ignore\?\)`
var x = 1

// uninitlint: free p // want `a space after // makes this a comment, not a directive: write //uninitlint:`
var y = 2

// The space after the colon survives gofmt only in a var's trailing comment.
var z = 3 //uninitlint: free p // want `//uninitlint: names no directive: write //uninitlint:ignore, free, alloc or len, with no space after the colon`

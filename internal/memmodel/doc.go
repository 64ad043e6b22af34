// Package memmodel is uninitlint's shared memory model: a service analyzer that reports
// nothing and computes, once per package, what every pass asks about memory.
//
// For each SSA value of pointer, unsafe.Pointer, uintptr, slice, string or interface type the
// model knows the Object it points into (its provenance): an allocation (C.malloc, mmap, new, a
// sync.Pool object, an allocator's Fact), a parameter's memory, or the memory a slot (a field, a
// variable) owns. A forward dataflow over each function's blocks tracks, at each program point,
// which of those objects have been killed (freed, unmapped, reallocated, put back into a pool)
// and by what. Facts (Summary) carry the same knowledge across calls and packages, inferred
// bottom-up from bodies, declared by directives, or read from the table of the outside world.
//
// The passes (escape, uninitread, ptrarith) Require Analyzer and read its *Model.
//
// # Directives
//
// For what cannot be inferred (an allocator written in assembly or behind a C library):
//
//	//uninitlint:free p        the function frees what parameter p points to
//	//uninitlint:alloc         the function returns a new manual allocation
//	//uninitlint:alloc uninit  ... whose contents are not initialized
//	//uninitlint:len n buf     (on a struct type) field n is the length of field buf
//
// Directives go in the function's or the type's doc comment.
package memmodel

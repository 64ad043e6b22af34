// Package uninitread defines an Analyzer that reports reads of memory no write has defined.
//
// # Analyzer uninitread
//
// uninitread: report reads of uninitialized manual memory
//
// Go zeroes what it allocates, so Go programmers forget that memory from C.malloc, from a
// custom allocator, or from a buffer used before, is not zero. Reading it yields garbage, or
// another request's data. The analyzer reads uninitlint's shared memory model and reports:
//
//   - uninit-read: a read of memory from C.malloc, or from a function whose summary says it
//     returns uninitialized memory (inferred, or declared with //uninitlint:alloc uninit),
//     before any write to the bytes it reads.
//
// For example:
//
//	p := (*header)(C.malloc(C.size_t(unsafe.Sizeof(header{}))))
//	n := p.len // read of C.malloc'd memory before any write
//
// is reported, and
//
//	p := (*header)(C.calloc(1, C.size_t(unsafe.Sizeof(header{}))))
//	n := p.len
//
// is not. A write at an offset the model cannot compute, or a call that receives a pointer into
// the memory (it may fill it), silences the reads that follow.
package uninitread

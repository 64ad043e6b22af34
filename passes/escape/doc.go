// Package escape defines an Analyzer that reports dangling pointers into manually managed
// memory.
//
// # Analyzer escape
//
// escape: report dangling pointers: use after free, double free, views past a free
//
// The analyzer reads uninitlint's shared memory model and reports:
//
//   - use-after-free: memory freed (C.free, Munmap, a Free method) and then read or written;
//   - double-free: memory freed twice, directly or through methods;
//   - use-after-grow: a view of a vector's memory used after a call that may reallocate it;
//   - use-after-put: a buffer used after sync.Pool.Put;
//   - dangling-escape: a view returned or stored while the function frees its memory;
//   - go-pointer-in-c-memory: a Go pointer stored in C or mmap'd memory;
//   - uintptr-held: an address kept in a uintptr and converted back later;
//   - reflect-header: a reflect.SliceHeader or StringHeader built as a value.
//
// For example:
//
//	p := C.malloc(16)
//	C.free(p)
//	return *(*byte)(p) // use of C.malloc'd memory after it was freed on line 10
//
// is reported, and its corrected twin
//
//	p := C.malloc(16)
//	defer C.free(p)
//	return *(*byte)(p)
//
// is not. Each finding names the allocation and the free (or grow, or Put) as related
// positions. The analyzer reports only what holds on every path to the operation; a call it
// cannot see into ends what it knows, and it stays silent.
package escape

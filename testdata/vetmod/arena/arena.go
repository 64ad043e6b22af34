// Package arena declares an allocator written in assembly: only its directive tells the model
// what it returns.
package arena

import "unsafe"

// ArenaAlloc hands out memory from an allocator written in assembly.
//
//uninitlint:alloc uninit
func ArenaAlloc(n int) unsafe.Pointer

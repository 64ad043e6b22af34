// Package notarray instantiates Heapless with second type arguments that are not an array of
// the first: TestHeaplessRefusesNonArrays builds it and expects the compiler to refuse each.
package notarray

import "github.com/uninitlint/uninitlint/runtime/vec"

var (
	_ vec.Heapless[int, [4]int32]           // wrong element type
	_ vec.Heapless[int, struct{ a, b int }] // the size of [2]int, but not an array
	_ vec.Heapless[int, []int]              // not an array
	_ vec.Heapless[int, [100]int]           // a length Array does not list
)

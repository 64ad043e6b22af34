// Package ptrarith defines an Analyzer that reports out-of-bounds and misaligned pointer
// arithmetic and conversions.
//
// # Analyzer ptrarith
//
// ptrarith: report pointer arithmetic and conversions outside their allocation
//
// The unsafe.Pointer rules make a pointer computed outside its original allocation invalid,
// even if it is never dereferenced: "it is not valid to advance a pointer just beyond the end
// of its original allocation". The analyzer reads the sizes and offset ranges of uninitlint's
// shared memory model and reports:
//
//   - oob-add: unsafe.Add(p, off) or unsafe.Pointer(uintptr(p)+off) outside [0, size), such
//     as a loop bounded by i <= n over C.malloc(n), a negative offset, or a pointer one past
//     the end;
//   - oob-slice: unsafe.Slice(p, n) or unsafe.String(p, n) longer than what remains of p's
//     allocation;
//   - oob-convert: a conversion to *U where fewer than sizeof(U) bytes remain, such as
//     (*[8]byte)(unsafe.Pointer(&x32)) or *(*uint64)(unsafe.Pointer(&b[i])) with i only known
//     to be below len(b);
//   - misaligned: a conversion to *U at an offset that is not a multiple of U's alignment, in
//     an allocation whose own alignment is known.
//
// For example:
//
//	p := C.malloc(C.size_t(n))
//	for i := 0; i <= n; i++ {
//		*(*byte)(unsafe.Add(p, i)) = 0 // unsafe.Add may reach byte n of an n-byte allocation
//	}
//
// is reported, and its corrected twin
//
//	p := C.malloc(C.size_t(n))
//	for i := 0; i < n; i++ {
//		*(*byte)(unsafe.Add(p, i)) = 0
//	}
//
// is not. Each finding gives the offset and the size it computed, and the allocation as a
// related position. The analyzer reports only what it can show on a path it knows; an offset
// or a size it cannot bound keeps it silent.
package ptrarith

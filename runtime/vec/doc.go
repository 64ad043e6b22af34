// Package vec provides two vectors that are safe APIs over unsafe code:
// [Heapless], a fixed-capacity vector stored inline that never allocates, and
// [Raw], a growable vector whose elements live in memory from an allocator
// (C malloc under cgo) instead of the Go heap.
//
// They are the reference the uninitlint linter is proven on: it must stay
// silent on this package, and it must catch broken copies of it. Read them as
// the pattern to follow when a container has to be written with unsafe.
//
// # Contract
//
// Every index is checked. Misuse panics with a message that names the method,
// the offending index or length, and the vector's length, for example
//
//	vec: Raw.Get: index 5 out of range [0:3)
//
// No method reads a slot at or past Len, and no method reads memory after it
// was freed.
//
// The zero value of each vector is an empty vector ready to use. A zero
// Heapless has its full capacity; a zero Raw allocates on its first Push or
// Reserve.
//
// Copying: a Heapless is a value; copying it copies its elements, and the copy
// is independent. A Raw owns memory that the copy would alias: once a Raw holds
// memory it must not be copied (store and pass *Raw instead). Otherwise the
// two copies could free the memory twice, or one could use it after the other
// freed it, or after the cleanup freed it because the original became
// unreachable. Like [strings.Builder], a Raw detects this: every method but
// Len and Cap panics when called on a copy of a Raw that holds memory.
//
// Views: Slice returns the initialized prefix only, as a slice whose length
// and capacity are both Len, so appending to it never writes into the vector.
// A view of a Heapless is Go memory inside the vector and stays valid, but it
// does not follow later changes of length: slots that Pop, Remove, Truncate
// and the like vacate read as zero through it, and writes to them are not part
// of the vector (vecdebug builds report them). A view of a Raw is invalidated
// by growth (Push past Cap, Reserve), by Free, and by the Raw becoming
// unreachable, since its cleanup then frees the memory; keep the Raw reachable
// (for example with [runtime.KeepAlive]) while a view is in use.
//
// Neither vector is safe for concurrent use without synchronization.
//
// # Debugging
//
// Built with the vecdebug tag (go test -tags vecdebug), the package checks
// itself at run time. Raw fills memory that holds no element with 0xa5
// (allocated, not yet written) and memory it frees with 0x5a, always moves on
// growth so that a stale view reads freed memory, and panics when a slot past
// the length was written (through a stale view) or a vacated Heapless slot is
// no longer zero. The checks cost time, not correctness: a build without the
// tag behaves the same on every correct program.
//
// # Performance
//
// Heapless costs what a hand-written array and length cost: its methods
// inline and compile to the same instructions, less the bounds checks of Push
// and Pop, which compare the length unsigned. The price is the capacity: a
// zero Heapless is ready to use and needs no run-time check only because the
// compiler proves that A is an array of T, which Go can express for a fixed
// list of lengths only (see [Array]). Raw's Get and Set inline, at the cost
// of a slice kept in a struct: its header is loaded from memory on each call,
// with one compare more, the copy check. Raw's Push inlines as well: the
// checks for room and for a copy and the store, with growth out of line; it
// loads and stores the length through r on every push, as append onto a
// slice in a struct does, and loads r's owner for the copy check. To append
// many elements, Extend(n) appends n zero elements in one call and returns
// them as a view to fill: the loop that fills it keeps the length in a
// register and runs as fast as append onto a local slice. The trade-off is a
// clear of the n elements first, and a view that growth, Free and r becoming
// unreachable invalidate, as Slice's does. docs/performance-vec.md has the
// measurements.
package vec

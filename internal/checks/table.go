package checks

// All is the table of checks. Order is the documentation's order.
var All = []Check{
	{
		Name:  "use-after-free",
		Pass:  "escape",
		Title: "memory used after it was freed or unmapped",
		Text: `A pointer, slice or string into memory released by C.free, syscall.Munmap, unix.Munmap, or a
function whose summary says it frees its argument (a user Free method that calls C.free) is
dereferenced, indexed, copied, viewed with unsafe.Slice or unsafe.String, or passed to a function
that reads it, itself or through a field (h.At(i) reads what h.data points to, which h.Free()
freed), or by a deferred call, which reads at the return what the body freed before it. The memory may already belong to another allocation: the read returns another
object's data and a write corrupts it.

The check reports when the memory is freed on every path that reaches the use, or when it is
freed on one branch and every path from the free leads to the use (an error path that frees and
falls through), or when a free runs on every iteration of a loop and the use is in the loop (the
next iteration uses, and frees again, what the last one freed); a use on a branch that may be
correlated with the free's, or a free on some iterations only, is not reported. A path
ends at a return, a panic, or a call that never returns (os.Exit, log.Fatal, t.Fatal). A call the
model cannot see into, which may reinitialize what it receives, ends what it knows.`,
		Bad: `p := C.malloc(16)
C.free(p)
return *(*byte)(p) // use after free`,
		Good: `p := C.malloc(16)
defer C.free(p)
return *(*byte)(p)`,
		Since:    "v0.1.0",
		Severity: Error,
		ByCause:  true,
	},
	{
		Name:  "double-free",
		Pass:  "escape",
		Title: "memory freed twice",
		Text: `The same block is released twice, directly or through functions whose summaries free it
(a Free method called twice, C.free after a Munmap, sync.Pool.Put of an object already put), or
released explicitly while a defer will release it again when the function returns (defer
C.free(p), then C.free(p) on an error path; defer r.Close(), then return r.Close()). A deferred
closure that reads the variable when it runs (defer func() { if p != nil { C.free(p) } }()) is
judged by what the variable holds then, which the model does not follow: it is not reported.
Allocators corrupt their free lists on a double free; a pool hands the same buffer to two users.`,
		Bad: `b := manual.New(n)
manual.Free(b)
manual.Free(b) // double free`,
		Good: `b := manual.New(n)
manual.Free(b)
b = nil`,
		Since:    "v0.1.0",
		Severity: Error,
		ByCause:  true,
	},
	{
		Name:  "use-after-grow",
		Pass:  "escape",
		Title: "a view of a vector's memory used after the vector may have grown",
		Text: `A pointer or slice into memory that a call may reallocate (C.realloc, a Push or Reserve of
runtime/vec.Raw, any method whose summary says it may reallocate what its receiver owns) is used
after that call. When the vector grows, its elements move and the old view dangles. The check
reports even when the growth happens only on some paths: holding the view across the call is the
bug.`,
		Bad: `s := r.Slice()
r.Push(x)
_ = s[0] // s may point into freed memory`,
		Good: `r.Push(x)
s := r.Slice()
_ = s[0]`,
		Since:    "v0.1.0",
		Severity: Warning,
		ByCause:  true,
	},
	{
		Name:  "use-after-put",
		Pass:  "escape",
		Title: "a buffer used after it was returned to a sync.Pool",
		Text: `After sync.Pool.Put the object belongs to the pool, which may hand it to another goroutine at
once. Reading it, or a slice or string aliasing it (unsafe.String over a pooled []byte), reads
another request's data; writing it corrupts that request. The object goes back with its
buffers: a slice taken from it before the Put (a bytes.Buffer's Bytes()), or stored into it, is
truncated and refilled by the next user, so it is reported when used or returned after the Put,
or returned from a function whose deferred Put gives the object back. An append to such a slice
(append((*bp)[:0], msg...)) writes the same array within its capacity and goes back with it; a
Write([]byte) through an interface (io.Writer) reads what it is given. Copies (String(),
append([]byte(nil), ...)) are not.`,
		Bad: `buf := pool.Get().(*bytes.Buffer)
pool.Put(buf)
return buf.Bytes() // the buffer is someone else's now`,
		Good: `buf := pool.Get().(*bytes.Buffer)
out := bytes.Clone(buf.Bytes())
pool.Put(buf)
return out`,
		Since:    "v0.1.0",
		Severity: Error,
		ByCause:  true,
	},
	{
		Name:  "async-use-after-free",
		Pass:  "escape",
		Title: "memory freed while a goroutine it was handed to may still use it",
		Text: `A goroutine started with go f(p), or a go func() { ... }() that captures p, uses p's memory
whenever the scheduler runs it: possibly after the spawning function has gone on to free it
(C.free, Munmap, sync.Pool.Put, a deferred free at the return). The free must wait for the
goroutine: a sync.WaitGroup, a channel receive, a select. The check is silent when anything
that may wait comes between the go statement and the free: a receive, a select, a call to
sync.WaitGroup.Wait or a Mutex's Lock, or any call the model cannot see into.`,
		Bad: `p := C.malloc(n)
go worker(p)
C.free(p) // worker may still be reading p`,
		Good: `p := C.malloc(n)
var wg sync.WaitGroup
wg.Add(1)
go func() { defer wg.Done(); worker(p) }()
wg.Wait()
C.free(p)`,
		Since:    "v0.1.0",
		Severity: Warning,
		ByCause:  true,
	},
	{
		Name:  "dangling-escape",
		Pass:  "escape",
		Title: "a view of memory the function frees is returned or stored",
		Text: `A pointer, slice or string into memory that the same function frees (typically with
defer C.free(p)) is returned, stored in a global or in memory reachable from a parameter, or sent
on a channel. The deferred free runs as the function returns, so the caller receives a dangling
view.`,
		Bad: `p := C.CString(s)
defer C.free(unsafe.Pointer(p))
return unsafe.Slice((*byte)(unsafe.Pointer(p)), len(s)) // freed on return`,
		Good: `p := C.CString(s)
defer C.free(unsafe.Pointer(p))
return C.GoBytes(unsafe.Pointer(p), C.int(len(s))) // a Go copy`,
		Since:    "v0.1.0",
		Severity: Error,
		ByCause:  true,
	},
	{
		Name:  "go-pointer-in-c-memory",
		Pass:  "escape",
		Title: "a Go pointer stored in memory the garbage collector does not scan",
		Text: `A pointer to Go memory (or a string, slice or interface holding one) is stored into C-allocated
or mmap'd memory. The garbage collector does not scan that memory, so it may free the referent
while the C memory still points to it; the cgo pointer rules forbid it.`,
		Bad: `n := (*node)(C.malloc(C.size_t(unsafe.Sizeof(node{}))))
n.name = &goString // the GC cannot see this pointer`,
		Good: `n := (*node)(C.malloc(C.size_t(unsafe.Sizeof(node{}))))
n.id = id // only pointer-free data in C memory`,
		Since:    "v0.1.0",
		Severity: Error,
	},
	{
		Name:  "uintptr-held",
		Pass:  "escape",
		Title: "an address kept in a uintptr and converted back to a pointer",
		Text: `unsafe.Pointer rule 3 allows uintptr(p) arithmetic only within one expression:
unsafe.Pointer(uintptr(p) + off). An address kept in a uintptr variable is an integer to the
garbage collector, which neither keeps the object alive nor updates the address when it moves a
stack. Converting it back later yields a pointer to memory that may be gone. The address is followed
through variables, phis, fields of local struct values, and memory the package shares: an
integer field, a package variable, a map entry or an atomic.Uintptr that every store of the
package fills with the address of Go memory nothing else keeps as a pointer. A Go address
passed as a uintptr to a function of the package that converts it back, or passes it on to
syscall.Syscall, is reported at the call: only a direct call to a system call (or to a function
marked //go:uintptrescapes) keeps the object alive and in place, and only for a conversion
written in that call's own arguments: a Go address converted before the call, with another
call between that may grow the stack, is reported at the system call (rule 4). Addresses of C
or mmap'd memory, which never moves, are not reported.`,
		Bad: `u := uintptr(unsafe.Pointer(&x))
runtime.GC()
p := (*int)(unsafe.Pointer(u)) // x may have moved or been freed`,
		Good:     `p := (*int)(unsafe.Pointer(uintptr(unsafe.Pointer(&x)) + 0))`,
		Since:    "v0.1.0",
		Severity: Warning,
	},
	{
		Name:  "reflect-header",
		Pass:  "escape",
		Title: "a reflect.SliceHeader or StringHeader built as a value",
		Text: `unsafe.Pointer rule 6: a reflect.SliceHeader or StringHeader is valid only as a view of an
actual slice or string, (*reflect.SliceHeader)(unsafe.Pointer(&s)). A header declared as a value
holds its Data as a plain uintptr, which does not keep the object alive. Use unsafe.Slice or
unsafe.String instead.`,
		Bad: `h := reflect.SliceHeader{Data: uintptr(unsafe.Pointer(&a[0])), Len: n, Cap: n}
s := *(*[]byte)(unsafe.Pointer(&h))`,
		Good:     `s := unsafe.Slice(&a[0], n)`,
		Since:    "v0.1.0",
		Severity: Warning,
	},
	{
		Name:  "leak",
		Pass:  "escape",
		Title: "manual memory lost at a return without being freed",
		Text: `Memory from C.malloc and its kin (C.calloc, C.realloc, C.CString, C.CBytes) or mmap is never
collected: a return that a path from the allocation reaches without freeing it loses it
for good. The classic shape is an early return on an error path that skips the free. The check
follows the memory through reads, writes, pointer arithmetic, len and cap, and local variables;
anything else (a call that may take ownership, a store anywhere, a closure that captures it, a
return of it) hands it on, and from there the check is silent. A Go function whose summary says
it only borrows the argument (it keeps, frees and returns none of it) does not take it; that is
known of functions in packages that cannot touch manual memory too (a checksum, a parser), of
assembly functions marked //go:noescape, and of calls through a package's func variable when
every function stored there borrows. A C function the memory is passed to borrows it when the
function frees the memory itself on some path after that call: an error return between the C
call and the free loses it. When the only frees after the C call are a failure's cleanup (a
free that leads to a return of a non-nil error), the C function takes ownership on success. A Go function
that allocates such memory and hands it to its caller alone (cstr(s) returning C.CString(s)) is
an allocator too. The edge where the pointer is nil, where the allocating call's error is
non-nil, or where the size is 0 (mmap of 0 bytes fails; an empty calloc holds nothing) loses
nothing. Allocators known only by their directives (//uninitlint:alloc) are not judged: an arena
or a pool may release their memory as a whole.`,
		Bad: `cs := C.CString(s)
if len(s) > max {
	return errTooLong // cs leaks
}
defer C.free(unsafe.Pointer(cs))`,
		Good: `if len(s) > max {
	return errTooLong
}
cs := C.CString(s)
defer C.free(unsafe.Pointer(cs))`,
		Severity: Warning,
		Since:    "v0.1.0",
	},
	{
		Name:  "uninit-read",
		Pass:  "uninitread",
		Title: "manual memory read before anything was written to it",
		Text: `Memory from C.malloc, or from a function whose summary says it returns uninitialized memory
(an allocator wrapping malloc, or one declared with //uninitlint:alloc uninit), holds whatever was
there before: garbage, or another request's data. A read of bytes that no path to the read has
written is reported. A write at an index is bounded by what the program states of the index:
a fill loop that stops at n-1 leaves slot n-1 unwritten, and one that starts at 1 leaves slot 0.
A call reads what its callee's summary says it reads: a helper that reads bytes [8, 16) of its
argument, passed memory whose bytes there nothing wrote, is reported at the call, and so is a
method that reads the memory a field of its receiver views; fmt's and log's formatting functions
read their slice and string operands. C's memset, memcpy, memmove and bzero write the bytes their
size argument says, and clear(s) writes len(s) elements. A write the model cannot bound, a copy
into the memory, or any other call that receives a pointer into it (it may fill it: a decoder)
silences the reads it may reach; so does a write on one branch only.`,
		Bad: `h := (*header)(C.malloc(C.size_t(unsafe.Sizeof(header{}))))
h.magic = 0xfeed
return h.len // never written`,
		Good: `h := (*header)(C.calloc(1, C.size_t(unsafe.Sizeof(header{}))))
h.magic = 0xfeed
return h.len // zero`,
		Since:    "v0.1.0",
		Severity: Error,
		ByCause:  true,
	},
	{
		Name:  "uninit-pointer-store",
		Pass:  "uninitread",
		Title: "a pointer stored into manual memory nothing initialized",
		Text: `Storing a pointer (nil included) into memory runs the garbage collector's write barrier
while a collection is marking, and the barrier reads the value being replaced and treats it as
a pointer. In C.malloc'd memory nothing wrote, that value is whatever the C heap left there: if
it happens to fall inside the Go heap, the collector may mark a dead object or abort with
"found bad pointer in Go heap". The check reports a store of a pointer-typed value (a pointer,
slice, string, map, channel, function or interface) into a slot of uninitialized manual memory
that no write reached, whatever the stored value is: the old value is the one the barrier reads,
so storing C pointers (C.CString's) is no safer than storing Go ones. This is golang/go#19928,
found filling a C.malloc'd array of *C.char by append, and arrow-adbc#729. Zeroed memory
(C.calloc) and slots written first, even as integers, are fine.`,
		Bad: `n := (*C.struct_node)(C.malloc(C.sizeof_struct_node))
n.next = nil // the barrier reads the old, uninitialized next`,
		Good: `n := (*C.struct_node)(C.calloc(1, C.sizeof_struct_node))
n.next = nil`,
		Severity: Warning,
		Since:    "v0.1.0",
	},
	{
		Name:  "uninit-slot",
		Pass:  "uninitread",
		Title: "a container slot read at or past the container's length",
		Text: `A type that keeps values in a buffer field and their count in a length field (the heapless-
vector pattern: buf [N]T plus n int, or runtime/vec's Raw) holds meaningful values only in
buf[0:n]; the slots past n are logically uninitialized even when their bytes happen to be zero.
The model learns which field is the length of which from the push pattern (buf[n] = x; n++) and
reports a read of buf[i] where i < n is not known: no dominating condition (if i < n, a loop over
0..n, an early return or panic when i >= n), no bounds-checking helper (checkIndex(i, n)), and
not the slot a decrement of n just vacated (Pop). A bound that admits i == n (if i > n { panic },
if i <= n) is the off-by-one this check exists for, and is reported. A type filled where the model cannot see can
declare its length field: //uninitlint:len n buf in the type's doc comment.`,
		Bad: `func (s *Stack) Get(i int) int {
	if i >= len(s.buf) { // bounded by the capacity, not the length
		panic("out of range")
	}
	return s.buf[i]
}`,
		Good: `func (s *Stack) Get(i int) int {
	if i >= s.n {
		panic("out of range")
	}
	return s.buf[i]
}`,
		Since:    "v0.1.0",
		Severity: Warning,
	},
	{
		Name:  "uninit-expose",
		Pass:  "uninitread",
		Title: "a view of a container's buffer that reaches past its length",
		Text: `A method returns a slice of a container's buffer that extends past its length field
(buf[:], buf[:cap(buf)], unsafe.Slice over the buffer with the capacity): the caller can read the
logically uninitialized slots, and write slots the container will later treat as free.`,
		Bad:      `func (s *Stack) Slice() []int { return s.buf[:] }`,
		Good:     `func (s *Stack) Slice() []int { return s.buf[:s.n] }`,
		Since:    "v0.1.0",
		Severity: Error,
	},
	{
		Name:  "stale-read",
		Pass:  "uninitread",
		Title: "a reused buffer's old contents read back before they are overwritten",
		Text: `A buffer emptied for reuse (b = b[:0]) and then resliced to a length (b = b[:n]) gets back the
elements it held before: another request's data when it came from a sync.Pool, the caller, or an
earlier iteration of a loop. A slice loaded from what a sync.Pool handed out and resliced to a
length ((*p)[:n] of p := pool.Get().(*[]byte), or f.buf[:n] of a pooled f) holds its previous
user's bytes the same way, also when a helper does the Get (getBuf, acquireConn), when the pool
holds arrays (pg[:n] of pg := pool.Get().(*[4096]byte)), or when the resliced buffer is stored
back in its field (d.buf = d.buf[:n]), unless something since the Get may have written the array. Reading them before writing them leaks that data. A write the model
cannot place (a loop over the elements, a copy, a call that receives the buffer, such as
io.ReadFull) silences the reads after it; a buffer made by make() right there is zero and is not
reported.`,
		Bad: `buf := pool.Get().([]byte)[:0]
buf = buf[:n]
return bytes.Clone(buf) // another request's bytes`,
		Good: `buf := pool.Get().([]byte)[:0]
buf = buf[:n]
if _, err := io.ReadFull(r, buf); err != nil {
	return nil
}
return bytes.Clone(buf)`,
		Since:    "v0.1.0",
		Severity: Error,
		ByCause:  true,
	},
	{
		Name:  "oob-add",
		Pass:  "ptrarith",
		Title: "pointer arithmetic outside its allocation",
		Text: `unsafe.Add(p, off), or unsafe.Pointer(uintptr(p) + off), computes an address outside the
object p points into: a negative offset, an offset past the end, or a pointer just past the end.
unsafe.Pointer rule 3 makes such a pointer invalid even if it is never dereferenced ("unlike in
C, it is not valid to advance a pointer just beyond the end of its original allocation"); the
garbage collector may keep the wrong object alive through it, and a read through it reads a
neighbour.

The check knows the sizes of new, make, composite literals, globals, C.malloc, C.calloc,
C.realloc, C.CString, mmap lengths and allocators with a size fact, and bounds offsets by
constants, loop conditions and the branch conditions that dominate the operation, symbolically
when the bound is the allocation's own size (i < n against C.malloc(n)). An offset or a size it
cannot bound keeps it silent.`,
		Bad: `p := C.malloc(C.size_t(n))
for i := 0; i <= n; i++ {
	*(*byte)(unsafe.Add(p, i)) = 0 // i == n is one past the end
}`,
		Good: `p := C.malloc(C.size_t(n))
for i := 0; i < n; i++ {
	*(*byte)(unsafe.Add(p, i)) = 0
}`,
		Since:    "v0.1.0",
		Severity: Error,
	},
	{
		Name:  "oob-slice",
		Pass:  "ptrarith",
		Title: "unsafe.Slice or unsafe.String longer than its allocation",
		Text: `unsafe.Slice(p, n) and unsafe.String(p, n) make a view of n elements starting at p. If fewer
than n elements remain in the allocation p points into, the view covers memory of other objects:
reads return their data, writes corrupt them, and nothing checks the bounds afterwards. The
check compares the view's extent with the allocation's size, numerically or symbolically
(unsafe.Slice over C.malloc(n*8) with n elements of 8 bytes fits exactly).`,
		Bad: `p := C.malloc(C.size_t(n))
s := unsafe.Slice((*byte)(p), n+1) // one byte too many`,
		Good: `p := C.malloc(C.size_t(n))
s := unsafe.Slice((*byte)(p), n)`,
		Since:    "v0.1.0",
		Severity: Error,
	},
	{
		Name:  "oob-convert",
		Pass:  "ptrarith",
		Title: "a pointer conversion to a type larger than what remains",
		Text: `A conversion of an unsafe.Pointer to *U lets the program read and write sizeof(U) bytes. When
fewer remain in the object at that offset, the access reads past its end:
(*[8]byte)(unsafe.Pointer(&x)) with x an int32, or *(*uint64)(unsafe.Pointer(&b[i])) where the
bounds check of b[i] proves only that one byte remains. checkptr misses the second when the
allocation happens to be larger. When the allocation is unknown, the check measures against the
slice the pointer was taken from; a guard such as i+8 <= len(b) proves the read in bounds.`,
		Bad: `for i := 0; i < len(b); i += 8 {
	sum += *(*uint64)(unsafe.Pointer(&b[i])) // the last word may be short
}`,
		Good: `for i := 0; i+8 <= len(b); i += 8 {
	sum += *(*uint64)(unsafe.Pointer(&b[i]))
}`,
		Since:    "v0.1.0",
		Severity: Error,
	},
	{
		Name:  "misaligned",
		Pass:  "ptrarith",
		Title: "a pointer conversion at an offset not aligned for its type",
		Text: `A conversion to *U at an offset that is not a multiple of U's alignment yields a misaligned
pointer when the object itself is aligned: C.malloc and mmap memory, Go allocations of 8 bytes
or more, which the runtime places at multiples of 8, and every Go variable at its own type's
alignment (an *uint64 at byte 4 of a [2]uint64). Misaligned loads work on amd64 and arm64, fault
on some other architectures, and fail checkptr (go test -race) everywhere. The check reports
only offsets it knows exactly, and is silent on objects whose layout depends on a type
parameter.`,
		Bad: `var buf [16]byte
v := *(*uint64)(unsafe.Pointer(&buf[1]))`,
		Good: `var buf [16]byte
v := binary.LittleEndian.Uint64(buf[1:])`,
		Since:    "v0.1.0",
		Severity: Warning,
	},
	{
		Name:  "bad-pointer",
		Pass:  "ptrarith",
		Title: "an integer converted to a pointer that cannot be an address",
		Text: `Some integers are not addresses whatever the values are, and converting one to
unsafe.Pointer makes a pointer into nothing: a small nonzero constant (no memory lives below
4096; checkptr aborts with "pointer arithmetic computed bad pointer value"), the sum of two
addresses, an integer minus an address (the difference of two addresses is a distance, not an
address), and an integer masked by an address. unsafe.Pointer rule 3 allows an address plus or
minus an offset and rounding with &^; masking a Go pointer with & is outside the rule, and
checkptr reports the result as pointing into no allocation. An address plus an integer written
the other way round (1 + uintptr(p)) is the same address, and is not reported; neither is a
pointer of C or mmap'd memory masked with &, which the collector never sees.`,
		Bad: `p := unsafe.Pointer(uintptr(1))
q := unsafe.Pointer(uintptr(unsafe.Pointer(&x)) & ^uintptr(7))`,
		Good: `var p unsafe.Pointer // nil
q := unsafe.Pointer(uintptr(unsafe.Pointer(&x)) &^ 7)`,
		Since:    "v0.1.0",
		Severity: Error,
	},
	{
		Name:  "bad-ignore",
		Pass:  "ignore",
		Title: "a suppression directive that cannot suppress anything",
		Text: `A //uninitlint:ignore directive, or a staticcheck-style //lint:ignore or //lint:file-ignore
that names uninitlint, a pass or a check, needs two things: the checks it silences and a reason.
A directive without a reason suppresses nothing: the reason is what tells the next reader why
the finding was judged safe. A directive naming a check that does not exist (a typo, or a check
renamed since) suppresses nothing either.`,
		Bad: `//uninitlint:ignore use-after-free
return *(*byte)(p)`,
		Good: `//uninitlint:ignore use-after-free p is a static buffer; the free is a no-op for it
return *(*byte)(p)`,
		Since:    "v0.1.0",
		Severity: Warning,
	},
	{
		Name:  "bad-directive",
		Pass:  "ignore",
		Title: "a comment meant as a directive that nothing reads",
		Text: `A comment that looks meant for uninitlint but that no part of it reads: a misspelled
directive (//uninitlint:frees p), one in a block comment (/* uninitlint:ignore ... */), one with a
space after the slashes (// uninitlint:ignore, which Go's convention makes an ordinary comment), or
a model directive that cannot apply: //uninitlint:free naming no parameter of its function,
//uninitlint:len naming no field of its struct, //uninitlint:alloc on a function that returns
nothing, or any of them outside the doc comment of the declaration they describe. Without the
report the directive would do nothing, silently: the finding it meant to hide would still be
reported, or worse, the allocator it meant to declare would go unchecked. The message offers the
nearest valid spelling.`,
		Bad: `//uninitlint:frees p
func release(p unsafe.Pointer) { C.free(p) }`,
		Good: `//uninitlint:free p
func release(p unsafe.Pointer) { C.free(p) }`,
		Since:    "v0.1.0",
		Severity: Warning,
	},
	{
		Name:  "unused-ignore",
		Pass:  "ignore",
		Title: "a suppression directive that suppresses nothing",
		Text: `A suppression directive stands on a line where the checks it names find nothing, on its line
or the next (or, for //lint:file-ignore, in its file). The finding it was written for is gone,
or the directive sits on the wrong line; either way it would hide a future finding that nobody
has judged. Remove it, or move it to the line of the finding. A directive that names checks
disabled by -PASS.disable, or a pass that did not run, is not judged.`,
		Bad: `//uninitlint:ignore double-free the pool never hands this out twice
n := len(b)`,
		Good:     `n := len(b)`,
		Since:    "v0.1.0",
		Severity: Warning,
	},
}

package memmodel

import (
	"strings"

	"golang.org/x/tools/go/ssa"
)

// The outside world: what the model knows of functions whose bodies it cannot or should not
// read. Each row is keyed by the function's full name as ssa.Function.String prints it, except
// cgo's wrappers, which cgo generates into every package that imports "C" and which are keyed
// "C.name" after the prefix _Cfunc_ (C.malloc is rewritten to _Cfunc__CMalloc).
var world = map[string]*Summary{
	// C.malloc: uninitialized memory from the C heap.
	"C._CMalloc": {Results: []Result{{Fresh: KindCHeap, Desc: "C.malloc'd memory", Uninit: true,
		Sized: true, SizeArgs: []int{0}, SizeMul: 1}}},
	// C.calloc: zeroed memory from the C heap.
	"C.calloc": {Results: []Result{{Fresh: KindCHeap, Desc: "C.calloc'd memory",
		Sized: true, SizeArgs: []int{0, 1}, SizeMul: 1}}},
	// C.realloc: the old block is gone; the new one's grown tail is uninitialized, but its
	// prefix holds the old contents: the result is tracked only when both sizes are known
	// (realloc.go).
	"C.realloc": {
		Kills: []PathKill{{Path: Path{Input: 0}, Kind: KillRealloc, Must: true}},
		Results: []Result{{Fresh: KindCHeap, Desc: "C.realloc'd memory",
			Sized: true, SizeArgs: []int{1}, SizeMul: 1}},
	},
	// C.free: releases a block of the C heap.
	"C.free": {Kills: []PathKill{{Path: Path{Input: 0}, Kind: KillFree, Must: true}}},
	// C.CString, C.CBytes: copies of Go data into the C heap, freed with C.free.
	"C.CString": {Results: []Result{{Fresh: KindCHeap, Desc: "C.CString's memory",
		Sized: true, SizeArgs: []int{0}, SizeMul: 1, SizeAdd: 1}}}, // the NUL
	"C.CBytes": {Results: []Result{{Fresh: KindCHeap, Desc: "C.CBytes's memory",
		Sized: true, SizeArgs: []int{0}, SizeMul: 1}}},
	// C.GoString, C.GoStringN, C.GoBytes: read C memory, return Go copies.
	"C.GoString":  {Uses: []int{0}},
	"C.GoStringN": {Uses: []int{0}},
	"C.GoBytes":   {Uses: []int{0}},

	// syscall.Mmap, unix.Mmap: a mapping, released by Munmap.
	"syscall.Mmap":                    {Results: []Result{mmapResult(2)}},
	"golang.org/x/sys/unix.Mmap":      {Results: []Result{mmapResult(2)}},
	"golang.org/x/sys/unix.MmapPtr":   {Results: []Result{mmapResult(3)}},
	"syscall.Munmap":                  {Kills: []PathKill{{Path: Path{Input: 0}, Kind: KillUnmap, Must: true}}},
	"golang.org/x/sys/unix.Munmap":    {Kills: []PathKill{{Path: Path{Input: 0}, Kind: KillUnmap, Must: true}}},
	"golang.org/x/sys/unix.MunmapPtr": {Kills: []PathKill{{Path: Path{Input: 0}, Kind: KillUnmap, Must: true}}},
	// unix.Mremap: the old mapping may move; the result is the mapping from now on.
	"golang.org/x/sys/unix.Mremap": {
		Kills:   []PathKill{{Path: Path{Input: 0}, Kind: KillRealloc, Must: true}},
		Results: []Result{mmapResult(1)},
	},
	// unix.MremapPtr is deliberately absent: with MREMAP_FIXED it maps at an address that an
	// earlier value may hold, which the model would take for a use after unmap.

	// sync.Pool: Get hands out an object that may hold another user's data; Put gives it back.
	"(*sync.Pool).Get": {Results: []Result{{Fresh: KindPool, Desc: "the sync.Pool object"}}},
	"(*sync.Pool).Put": {Kills: []PathKill{{Path: Path{Input: 1}, Kind: KillPut, Must: true}}},

	// runtime.KeepAlive: keeps its argument reachable; it reads nothing.
	"runtime.KeepAlive": {},

	// Functions that never return: a path through them ends there (see forced).
	"os.Exit":                    {NoReturn: true},
	"syscall.Exit":               {NoReturn: true},
	"runtime.Goexit":             {NoReturn: true},
	"log.Fatal":                  {NoReturn: true},
	"log.Fatalf":                 {NoReturn: true},
	"log.Fatalln":                {NoReturn: true},
	"log.Panic":                  {NoReturn: true},
	"log.Panicf":                 {NoReturn: true},
	"log.Panicln":                {NoReturn: true},
	"(*log.Logger).Fatal":        {NoReturn: true},
	"(*log.Logger).Fatalf":       {NoReturn: true},
	"(*log.Logger).Fatalln":      {NoReturn: true},
	"(*log.Logger).Panic":        {NoReturn: true},
	"(*log.Logger).Panicf":       {NoReturn: true},
	"(*log.Logger).Panicln":      {NoReturn: true},
	"(*testing.common).FailNow":  {NoReturn: true},
	"(*testing.common).Fatal":    {NoReturn: true},
	"(*testing.common).Fatalf":   {NoReturn: true},
	"(*testing.common).SkipNow":  {NoReturn: true},
	"(*testing.common).Skip":     {NoReturn: true},
	"(*testing.common).Skipf":    {NoReturn: true},
	"golang.org/x/sys/unix.Exit": {NoReturn: true},
	"(testing.TB).FailNow":       {NoReturn: true}, // interface calls: (type).method
	"(testing.TB).Fatal":         {NoReturn: true},
	"(testing.TB).Fatalf":        {NoReturn: true},
	"(testing.TB).SkipNow":       {NoReturn: true},
	"(testing.TB).Skip":          {NoReturn: true},
	"(testing.TB).Skipf":         {NoReturn: true},
}

// mmapResult is a new mapping whose length is argument i.
func mmapResult(i int) Result {
	return Result{Fresh: KindMmap, Desc: "the mmap'd region", Sized: true, SizeArgs: []int{i}, SizeMul: 1}
}

// cgoInternal lists cgo's helpers, which check or keep alive but never free nor dereference.
var cgoInternal = map[string]bool{
	"_cgoCheckPointer": true, "_cgoCheckResult": true, "_Cgo_use": true, "_Cgo_ptr": true,
	"_Cgo_keepalive": true, "_Cgo_no_callback": true,
}

// cFunction is the summary of a C function the table does not name: it may read any pointer
// argument, and it frees nothing the model could know of.
var cFunction = &Summary{UsesAll: true}

// noEffect is the summary of a function that neither kills nor reads.
var noEffect = &Summary{}

// world returns lookupWorld(fn), memoized per package: it runs at every visit of every call,
// and printing a function's full name for the table's key is not cheap.
func (b *builder) world(fn *ssa.Function) *Summary {
	s, ok := b.worlds[fn]
	if !ok {
		s = lookupWorld(fn)
		b.worlds[fn] = s
	}
	return s
}

// lookupWorld returns the table's summary of fn, or nil if the table does not know it.
func lookupWorld(fn *ssa.Function) *Summary {
	name := fn.Name()
	if cgoInternal[name] {
		return noEffect
	}
	if c, ok := strings.CutPrefix(name, "_Cfunc_"); ok {
		if s, ok := world["C."+c]; ok {
			return s
		}
		return cFunction
	}
	if fn.Pkg == nil && fn.Signature.Recv() == nil && fn.Object() == nil {
		return nil
	}
	fn = originOf(fn)
	return world[fn.String()]
}

// originOf returns the generic function an instantiation was made from, or fn.
func originOf(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

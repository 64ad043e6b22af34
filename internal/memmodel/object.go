package memmodel

import (
	"fmt"
	"go/token"
	"go/types"
)

// Kind classifies the memory an Object stands for.
type Kind uint8

const (
	KindOpaque  Kind = iota // produced by something the model does not understand
	KindLocal               // an address-taken local variable or composite literal (Go memory)
	KindGoHeap              // new, make, a closure: memory the Go runtime manages
	KindCHeap               // C.malloc, C.calloc, C.realloc, C.CString, C.CBytes, or an allocator's Fact
	KindMmap                // syscall.Mmap, unix.Mmap
	KindPool                // an object taken from a sync.Pool
	KindParam               // what a parameter points into
	KindFreeVar             // what a closure's free variable points into (a cell of the parent)
	KindGlobal              // a package-level variable
	KindOwned               // the memory whose address is stored in a field (slot) of another object
	KindStale               // the elements a reslice brings back into a buffer emptied for reuse
)

// An Object is an abstract allocation: every SSA value of pointer-like type points into at most
// one Object as far as the model knows. Objects are per function (anonymous functions share
// their parent's), except Owned objects, which are memoized per (base, field).
type Object struct {
	Kind  Kind
	Pos   token.Pos // where it was allocated (the call, the declaration); NoPos if unknown
	Desc  string    // how messages name it: "C.malloc'd memory", "the mmap'd region"
	Name  string    // the variable it is, or whose field holds it, as in source ("r.data"); may be ""
	Index int       // KindParam, KindFreeVar: the parameter or free variable index

	// KindOwned: the memory referenced by Field of Base (-1: the pointee of Base itself).
	Base  *Object
	Field int

	Uninit bool // its contents start uninitialized (C.malloc, an allocator's Fact)

	// size is the object's size in bytes when its allocation names a constant one
	// (C.malloc(16)); 0 when unknown. A realloc needs it to tell the old contents from the
	// grown tail.
	size int64

	// Pooled: the array a slice field of a pooled object points to. Its contents are the pool's
	// previous user's; a reslice to a length brings them back (see funcAnalysis.slice).
	Pooled bool

	// inLoop reports whether the allocation site can execute more than once per call, in which
	// case two values from it may point to different instances.
	inLoop bool
}

// objTop is the Object of a value that may point into several objects: the model knows nothing.
var objTop = &Object{Kind: KindOpaque, Desc: "memory of unknown origin"}

// AllocPos returns the position of the allocation, the witness findings point to, or NoPos for
// memory the model did not see allocated (a parameter's, a loaded pointer's, unknown).
func (o *Object) AllocPos() token.Pos {
	if o == nil {
		return token.NoPos
	}
	switch o.Kind {
	case KindOpaque, KindParam, KindFreeVar, KindOwned:
		return token.NoPos
	}
	return o.Pos
}

// ImportsUnsafe reports whether pkg imports unsafe: what the syntax-level checks of the passes
// look for before walking its files.
func ImportsUnsafe(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "unsafe" {
			return true
		}
	}
	return false
}

// IsGoMemory reports whether the object is managed by the Go garbage collector for certain.
func (o *Object) IsGoMemory() bool {
	return o != nil && (o.Kind == KindLocal || o.Kind == KindGoHeap)
}

// IsManual reports whether the object is memory the garbage collector neither scans nor frees.
func (o *Object) IsManual() bool {
	return o != nil && (o.Kind == KindCHeap || o.Kind == KindMmap)
}

func (o *Object) String() string {
	if o.Kind == KindOwned {
		return fmt.Sprintf("owned(%v.%d)", o.Base, o.Field)
	}
	return o.Desc
}

// A slotKey names a pointer-sized location whose content the model tracks flow-sensitively:
// field Field of Obj, or Obj itself (Field -1) for a cell such as an address-taken variable.
type slotKey struct {
	obj   *Object
	field int
}

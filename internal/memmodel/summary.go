package memmodel

import (
	"encoding/gob"
	"fmt"
	"slices"
	"strings"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
)

// A Path names memory relative to a function's inputs (its parameters, receiver first, then its
// free variables): what input Input points into, or, with Fields, the memory reached by loading
// the pointer stored at each field in turn (-1: the whole pointee). "p0" is the buffer a []byte
// parameter shares; "p0.data" is the buffer a *Vec receiver owns; "(*p0).data" is what a
// closure reaches through a captured *Vec variable.
type Path struct {
	Input  int
	Fields []int
	Names  []string // the fields' names, for String only
}

// maxPathLen bounds the paths the model builds, which keeps summaries finite.
const maxPathLen = 3

func (p Path) String() string {
	s := fmt.Sprintf("p%d", p.Input)
	for i, f := range p.Fields {
		switch {
		case f < 0 && i == len(p.Fields)-1:
			s = "*" + s
		case f < 0:
			s = "(*" + s + ")"
		default:
			s += "." + p.Names[i]
		}
	}
	return s
}

func (p Path) key() string { return fmt.Sprint(p.Input, p.Fields) }

// extend returns p followed by one more dereference.
func (p Path) extend(field int, name string) (Path, bool) {
	if len(p.Fields) >= maxPathLen {
		return Path{}, false
	}
	return Path{Input: p.Input, Fields: append(slices.Clip(p.Fields), field),
		Names: append(slices.Clip(p.Names), name)}, true
}

// A KillKind says how memory stops being valid.
type KillKind uint8

const (
	KillFree    KillKind = iota + 1 // C.free, a user allocator's Free
	KillUnmap                       // Munmap
	KillRealloc                     // realloc, a vector's growth: the old memory may be gone
	KillPut                         // sync.Pool.Put: the object now belongs to the pool
)

var killVerbs = [...]string{KillFree: "frees", KillUnmap: "unmaps", KillRealloc: "reallocs", KillPut: "puts"}

// isRelease reports whether the kind ends the memory's life for good (free, unmap), as opposed
// to realloc (which hands out new memory) and Put (which recycles it).
func (k KillKind) isRelease() bool { return k == KillFree || k == KillUnmap }

// A PathKill is one effect of a call: it kills the memory Path names. Must kills happen on every
// path that returns; the others may happen (a vector grows only when it is full).
type PathKill struct {
	Path Path
	Kind KillKind
	Must bool
	Via  string // what did it, for messages: "C.free"
	Type string // nonzero: only a value of this concrete type is killed (Put(x.(*T)))
}

// A Result describes what a function's result of that index points into.
type Result struct {
	Fresh  Kind   // nonzero: a new allocation of this kind on every call
	Desc   string // with Fresh: how messages name it
	Uninit bool   // with Fresh: its contents are not initialized (C.malloc) ...
	// ... but for these byte ranges, which the function may have written (a constructor that
	// sets two of three fields)
	Written [][2]int64
	View    bool // the result points into ViewOf
	ViewOf  Path
	ElemOf  int  // nonzero: the result addresses an element of field ElemOf-1 of input 0 ...
	ElemAt  int  // ... at the index input ElemAt-1 holds (an accessor such as slot(i))
	Owned   bool // with Fresh, manual: the function hands the allocation to its caller alone (owners.go)

	// With Fresh: the allocation's size in bytes is known, SizeMul times the product of the
	// arguments SizeArgs names (a string or slice argument counts its length), plus SizeAdd.
	Sized    bool
	SizeArgs []int
	SizeMul  int
	SizeAdd  int
}

// A Summary is what callers need to know of a function: a Fact on its *types.Func, inferred from
// its body bottom-up, declared by a directive, or taken from the table of the outside world.
type Summary struct {
	Kills        []PathKill
	Writes       []Path // slots the function may store a new pointer into
	Fills        []Path // memory the function may write into, at any offset
	Uses         []int  // inputs it may dereference
	UsesVia      []Path // memory reached through an input's fields or cells that it may dereference
	UsesAll      bool   // it dereferences every pointer argument (a C function)
	Results      []Result
	ClosureKills []PathKill  // effects of calling the closure it returns, in its own inputs' terms
	Less         [][2]int    // when it returns, input [0] < input [1] (a bounds check)
	LessEq       [][2]int    // when it returns, input [0] <= input [1] (a bound that admits the end)
	NoReturn     bool        // it never returns: it exits the process or the goroutine, or panics
	Needs        []Need      // accesses it makes on every call, in its inputs' terms (needs.go)
	Stores       []Store     // slots that hold, when it returns, a pointer into an input's memory
	Blocks       bool        // it may wait for another goroutine (goroutine.go)
	Invokes      []Invoke    // methods it calls on interface inputs (indirect.go)
	Borrows      []int       // inputs it only borrows: keeps, frees and returns none of them (owners.go)
	FillsAt      []FillRange // of Fills: the inputs it writes only at these bytes
	UsesAt       []FillRange // of Uses: the inputs it reads only at these bytes (it may also store into them)
	// BorrowsOnly marks a summary that says nothing but Borrows: a package that cannot touch
	// manual memory is not analyzed (run's cheap exit), only searched for what it keeps. For
	// everything else its functions stay unknown.
	BorrowsOnly bool
	ReadsVia    []Path // of UsesVia: the memory it reads, not only stores into or makes views of
}

// A FillRange is a fill of known extent: the function may write, through input Input itself,
// only these byte ranges from where it points (setHeader(p) writes [0, 8) of p), and nothing
// else of what it points to. A caller learns that the rest is as uninitialized as before.
type FillRange struct {
	Input  int
	Ranges [][2]int64
}

// maxFillRanges bounds the ranges of one FillRange; past it, the fill is at any offset.
const maxFillRanges = 8

// An Invoke is a method the function calls on the interface value an input holds, whose dynamic
// type it does not know: a caller that knows it applies that method's effects on the receiver.
// Must: on every path that returns.
type Invoke struct {
	Input  int
	Method string // the method's name; "" for a call of the func value the input holds
	Pkg    string // its package's path, for an unexported method
	Must   bool
}

// A Store is an effect with its content: when the function returns, on every path, slot Dst
// holds a pointer into the memory Src names at the call (an iterator's next() sets it.cur to a
// view of it.buf). A caller learns that the two share memory: freeing or putting back Src's
// memory invalidates what it later loads from Dst.
type Store struct {
	Dst, Src Path
}

func init() {
	gob.Register(new(Summary))
	gob.Register(new(LengthOf))
}

// AFact marks Summary as an analysis.Fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var parts []string
	if s.NoReturn {
		parts = append(parts, "noreturn")
	}
	if s.Blocks && !s.isEmpty() {
		parts = append(parts, "blocks")
	}
	for _, k := range s.Kills {
		mod := ""
		if !k.Must {
			mod = "may "
		}
		parts = append(parts, fmt.Sprintf("%s%s(%s)", mod, killVerbs[k.Kind], k.Path))
	}
	for _, w := range s.Writes {
		parts = append(parts, fmt.Sprintf("writes(%s)", w))
	}
	for _, f := range s.Fills {
		ext := ""
		for _, fr := range s.FillsAt {
			if fr.Input == f.Input && len(f.Fields) == 0 {
				ext = fmt.Sprintf("%v", domain.RangesOf(fr.Ranges))
			}
		}
		parts = append(parts, fmt.Sprintf("fills(%s%s)", f, ext))
	}
	for _, u := range s.Uses {
		ext := ""
		if rs := s.useExtent(u); rs != nil {
			ext = fmt.Sprintf("%v", domain.RangesOf(rs))
		}
		parts = append(parts, fmt.Sprintf("uses(p%d%s)", u, ext))
	}
	for _, p := range s.UsesVia {
		if slices.ContainsFunc(s.ReadsVia, func(q Path) bool { return cmpPath(p, q) == 0 }) {
			parts = append(parts, fmt.Sprintf("reads(%s)", p))
		} else {
			parts = append(parts, fmt.Sprintf("uses(%s)", p))
		}
	}
	for i, r := range s.Results {
		switch {
		case r.Fresh == KindPool:
			parts = append(parts, fmt.Sprintf("r%d=pooled", i))
		case r.Fresh != 0 && r.Uninit && len(r.Written) > 0:
			parts = append(parts, fmt.Sprintf("r%d=alloc(uninit but %v)", i, domain.RangesOf(r.Written)))
		case r.Fresh != 0 && r.Uninit:
			parts = append(parts, fmt.Sprintf("r%d=alloc(uninit)", i))
		case r.Fresh != 0:
			parts = append(parts, fmt.Sprintf("r%d=alloc", i))
		case r.View:
			parts = append(parts, fmt.Sprintf("r%d=view(%s)", i, r.ViewOf))
		}
		if r.ElemOf > 0 {
			parts = append(parts, fmt.Sprintf("r%d=elem(p0.%d[p%d])", i, r.ElemOf-1, r.ElemAt-1))
		}
	}
	for _, l := range s.Less {
		parts = append(parts, fmt.Sprintf("ensures(p%d<p%d)", l[0], l[1]))
	}
	for _, l := range s.LessEq {
		parts = append(parts, fmt.Sprintf("ensures(p%d<=p%d)", l[0], l[1]))
	}
	for i, r := range s.Results {
		if r.Fresh != 0 && r.Sized {
			parts = append(parts, fmt.Sprintf("size(r%d)=%s", i, r.sizeString()))
		}
	}
	for _, k := range s.ClosureKills {
		parts = append(parts, fmt.Sprintf("closure %s(%s)", killVerbs[k.Kind], k.Path))
	}
	for _, n := range s.Needs {
		parts = append(parts, n.String())
	}
	for _, st := range s.Stores {
		parts = append(parts, fmt.Sprintf("stores(%s=view(%s))", st.Dst, st.Src))
	}
	for _, iv := range s.Invokes {
		mod := ""
		if !iv.Must {
			mod = "may "
		}
		if iv.Method == "" {
			parts = append(parts, fmt.Sprintf("%scalls(p%d)", mod, iv.Input))
		} else {
			parts = append(parts, fmt.Sprintf("%sinvokes(p%d.%s)", mod, iv.Input, iv.Method))
		}
	}
	if len(s.Borrows) > 0 {
		var in []string
		for _, b := range s.Borrows {
			in = append(in, fmt.Sprintf("p%d", b))
		}
		parts = append(parts, "borrows("+strings.Join(in, ",")+")")
	}
	for i, r := range s.Results {
		if r.Owned {
			parts = append(parts, fmt.Sprintf("owns(r%d)", i))
		}
	}
	return strings.Join(parts, " ")
}

// isEmpty reports whether the summary says nothing a caller could use.
func (s *Summary) isEmpty() bool {
	if len(s.Kills)+len(s.Writes)+len(s.Fills)+len(s.Uses)+len(s.ClosureKills)+len(s.Less)+len(s.LessEq)+len(s.Needs)+len(s.Stores)+len(s.Invokes)+len(s.Borrows) > 0 || s.UsesAll {
		return false
	}
	for _, r := range s.Results {
		if r.Fresh != 0 || r.View || r.ElemOf > 0 {
			return false
		}
	}
	return true
}

// result returns the description of result i, or the zero Result.
func (s *Summary) result(i int) Result {
	if s == nil || i >= len(s.Results) {
		return Result{}
	}
	return s.Results[i]
}

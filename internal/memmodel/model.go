package memmodel

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// Analyzer computes the memory model of a package. It reports nothing; its result is a *Model.
var Analyzer = &analysis.Analyzer{
	Name:       "memmodel",
	Doc:        "compute uninitlint's shared memory model (provenance, lifetimes, summaries)",
	URL:        "https://github.com/uninitlint/uninitlint/blob/main/docs/README.md",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	ResultType: reflect.TypeOf((*Model)(nil)),
	FactTypes:  []analysis.Fact{new(Summary), new(LengthOf)},
	Run:        run,
}

// A Model is the memory model of one package.
type Model struct {
	events   []Event
	errs     []error
	accesses []Access // access.go

	// funcs holds every function's analysis while the model is built; objects is what is kept
	// of them once it is: the object each rooted value points into (nil for the join of
	// several), for ObjectOf.
	funcs   map[*ssa.Function]*funcAnalysis
	objects map[ssa.Value]*Object
	stale   map[*ssa.Slice]bool // every function's stale reslices, which start chains
}

// EventKind classifies what the model saw go wrong.
type EventKind uint8

const (
	EvUseAfterKill      EventKind = iota + 1 // memory read or written after a kill
	EvDoubleKill                             // memory killed twice
	EvEscapeAfterKill                        // a view returned or stored past the kill of its memory
	EvGoPointerInManual                      // a Go pointer stored in memory the GC does not scan
	EvUninitRead                             // a read no write may have defined
	EvSlotRead                               // a read of a container slot not proven below its length
	EvExposeTail                             // a returned view reaching past a container's length
	EvLeak                                   // a return that loses manual memory no path freed
	EvAsyncUse                               // memory killed while a goroutine may still use it
)

// A Kill is the witness of a kill: where, how, by what call.
type Kill struct {
	Pos  token.Pos
	Kind KillKind
	Via  string
	May  bool // the callee kills on some paths only
}

func (k *kill) export() Kill { return Kill{Pos: k.pos, Kind: k.kind, Via: k.via, May: k.may} }

// An Event is one thing the model found: the operation at Pos, the object it touched, and the
// kill that made it wrong.
type Event struct {
	Kind     EventKind
	Pos      token.Pos
	Op       string // "load", "store", "returned", "passed to C.puts,", "C.free"
	Obj      *Object
	ValObj   *Object   // EvGoPointerInManual: the Go memory stored
	Kill     Kill      // the kill (for EvDoubleKill, the second one)
	Prev     Kill      // EvDoubleKill: the first kill
	Deferred bool      // the kill is a deferred call's, performed when the function returns
	OnPath   bool      // the kill happens on some paths only, and every path from it leads here
	Loop     bool      // with OnPath: the kill runs on every iteration of a loop, and the next one leads here
	Len      string    // EvSlotRead, EvExposeTail: the length field (Op is the buffer field)
	Type     string    // EvSlotRead, EvExposeTail: the container type
	Alloc    token.Pos // EvLeak: the allocating call
	Go       token.Pos // EvAsyncUse: the go statement (Pos: the goroutine's use, or the go statement)
}

// Events returns the events of the given kinds, in a deterministic order.
func (m *Model) Events(kinds ...EventKind) []Event {
	var out []Event
	for _, e := range m.events {
		if slices.Contains(kinds, e.Kind) {
			out = append(out, e)
		}
	}
	return out
}

// Errors returns the internal errors met while building the model: a function whose analysis
// panicked is named there, and left without events or summary.
func (m *Model) Errors() []error { return m.errs }

// ObjectOf returns the object v points into, or nil if the model cannot name one.
func (m *Model) ObjectOf(v ssa.Value) *Object {
	fn := v.Parent()
	if v = chainStart(v, m.stale); v == nil || fn == nil {
		return nil
	}
	if o, ok := m.objects[v]; ok {
		return o
	}
	// A value the dataflow never met: what it starts is known from the value alone (an Alloc,
	// a parameter, a global) or not at all.
	fa := &funcAnalysis{fn: fn, objs: map[ssa.Instruction]*Object{}, stale: m.stale}
	return fa.objectOf(v)
}

// compact replaces the analyses of the package's functions, which the passes no longer need,
// by the objects their rooted values point into: the result of the analyzer lives until the
// whole run ends, alongside every other package's.
func (m *Model) compact() {
	m.objects, m.stale = map[ssa.Value]*Object{}, map[*ssa.Slice]bool{}
	add := func(v ssa.Value, r *root) {
		if r.obj == objTop {
			m.objects[v] = nil
		} else if r.obj != nil {
			m.objects[v] = r.obj
		}
	}
	for _, fa := range m.funcs {
		for s, stale := range fa.stale {
			if stale {
				m.stale[s] = true
			}
		}
		for v, r := range fa.own {
			add(v, r)
		}
		for v, r := range fa.alias {
			if viaAlias(v) {
				add(v, r)
			}
		}
	}
	m.funcs = nil
}

// builder computes the model of one package, function by function, callees first.
type builder struct {
	pass    *analysis.Pass
	sizes   types.Sizes
	names   map[token.Pos]string // call position -> the variable its result is assigned to
	model   *Model
	sums    map[*ssa.Function]*Summary
	started map[*ssa.Function]bool
	lengths map[*types.TypeName]*LengthOf // this package's inferred facts, and imported ones
	fnNames map[*ssa.Function]string      // displayName, memoized
	worlds  map[*ssa.Function]*Summary    // lookupWorld, memoized

	recycles   map[*ssa.Function][]int // free lists' recyclers and the parameters they put back (freelist.go)
	allocators map[*ssa.Function]bool  // and the functions that hand out what they recycle

	srcFuncs []*ssa.Function
	light    bool                            // the package's summaries say only what its functions borrow (run)
	noescape map[*types.Func]bool            // bodyless functions marked //go:noescape (funcvars.go)
	funcVars map[*ssa.Global][]*ssa.Function // what the package stores in its func variables, once asked
}

func run(pass *analysis.Pass) (any, error) {
	ssainfo := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	m := &Model{funcs: map[*ssa.Function]*funcAnalysis{}}
	recycles, allocators := freeLists(ssainfo.SrcFuncs)
	light := !isRelevant(pass) && !hasPushPattern(ssainfo.SrcFuncs) && !hasDirectives(pass.Files) && len(recycles) == 0
	b := &builder{pass: pass, sizes: pass.TypesSizes, model: m, sums: map[*ssa.Function]*Summary{}, started: map[*ssa.Function]bool{},
		lengths: map[*types.TypeName]*LengthOf{}, fnNames: map[*ssa.Function]string{},
		worlds: map[*ssa.Function]*Summary{}, recycles: recycles, allocators: allocators,
		srcFuncs: ssainfo.SrcFuncs, noescape: noescapeFuncs(pass.Files, pass.TypesInfo), light: light}
	if b.sizes == nil {
		b.sizes = types.SizesFor("gc", "amd64") // a driver that sets none (nogo may not)
	}
	if light {
		// Cheap exit: nothing here can touch manual memory or be a container. Its exported
		// functions may still be the helpers a leak search walks past (a checksum, a parser of
		// the bytes), so what they keep of their inputs is exported.
		for _, fn := range ssainfo.SrcFuncs {
			if fn.Parent() == nil && fn.Object() != nil && fn.Object().Exported() && takesAddress(fn) {
				b.analyze(fn)
				b.export(fn)
			}
		}
		return m, nil
	}
	for _, fn := range ssainfo.SrcFuncs {
		b.analyze(fn)
	}
	b.containers(ssainfo.SrcFuncs)
	for _, fn := range ssainfo.SrcFuncs {
		b.export(fn)
	}
	slices.SortStableFunc(m.events, func(a, b Event) int { return int(a.Pos) - int(b.Pos) })
	slices.SortStableFunc(m.accesses, func(a, b Access) int { return int(a.Pos) - int(b.Pos) })
	m.compact()
	return m, nil
}

// takesAddress reports whether one of fn's parameters can carry an address the leak search
// follows.
func takesAddress(fn *ssa.Function) bool {
	for _, p := range fn.Params {
		if carriesAddress(p.Type()) {
			return true
		}
	}
	return false
}

// isRelevant reports whether the package can touch memory the model reasons about: it imports
// unsafe, cgo, syscall, x/sys/unix or sync, or a dependency exported a summary.
func isRelevant(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		switch imp.Path() {
		case "unsafe", "runtime/cgo", "syscall", "golang.org/x/sys/unix", "sync":
			return true
		}
	}
	for _, f := range pass.AllObjectFacts() {
		if s, ok := f.Fact.(*Summary); !ok || !s.BorrowsOnly {
			return true
		}
	}
	return false
}

// analyze runs the dataflow over fn, once; a panic becomes an error naming the function.
func (b *builder) analyze(fn *ssa.Function) {
	if b.started[fn] {
		return
	}
	b.started[fn] = true
	if testHookAnalyze != nil {
		defer b.contain(fn)
		testHookAnalyze(fn)
	}
	for _, anon := range fn.AnonFuncs {
		b.analyze(anon)
	}
	defer b.contain(fn)
	fa := newFuncAnalysis(b, fn)
	if b.light {
		if borrows := fa.borrowedInputs(); len(borrows) > 0 {
			b.sums[fn] = &Summary{Borrows: borrows, BorrowsOnly: true}
		}
		return
	}
	b.model.funcs[fn] = fa
	fa.solve()
	fa.checkAccesses()
	fa.checkLeaks()
	fa.release()
	if fa.invalid {
		b.sums[fn] = nil
		return
	}
	sum := fa.sum.build()
	sum.Borrows = fa.borrowedInputs()
	for _, i := range b.recycles[fn] {
		sum.Kills = append(sum.Kills, PathKill{Path: Path{Input: i}, Kind: KillFree, Must: true, Via: displayName(fn)})
	}
	if b.allocators[fn] && len(sum.Results) > 0 && sum.Results[0].Fresh == 0 {
		sum.Results[0] = Result{Fresh: KindGoHeap, Desc: "memory from " + displayName(fn) + "'s free list"}
	}
	mergeDirectives(fn, sum)
	b.sums[fn] = sum
	b.model.events = append(b.model.events, dedupe(fa.events)...)
}

// release drops what only the dataflow needed (the states of every block), keeping what
// ObjectOf answers from: a package's model lives as long as the passes that read it.
func (fa *funcAnalysis) release() {
	fa.out, fa.kills, fa.calls = nil, nil, nil
}

// testHookAnalyze, when set by a test, runs before each function's analysis.
var testHookAnalyze func(*ssa.Function)

// contain turns a panic while analyzing fn into an error naming the function; fn is left
// without events or summary, and the rest of the package is analyzed as usual.
func (b *builder) contain(fn *ssa.Function) {
	if p := recover(); p != nil {
		b.model.errs = append(b.model.errs,
			fmt.Errorf("memmodel: internal error analyzing %s: %v\n%s", fn, p, debug.Stack()))
		delete(b.model.funcs, fn)
		b.sums[fn] = nil
	}
}

func dedupe(evs []Event) []Event {
	type key struct {
		k   EventKind
		pos token.Pos
		op  string
	}
	seen := map[key]bool{}
	var out []Event
	for _, e := range evs {
		if k := (key{e.Kind, e.Pos, e.Op}); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// event records an event during the final sweep.
func (fa *funcAnalysis) event(e Event) {
	if fa.final {
		fa.events = append(fa.events, e)
	}
}

// summaryOf returns what the model knows of a callee: the table's row, the summary computed for
// a function of this package (computing it first if need be), or an imported Fact.
func (b *builder) summaryOf(fn *ssa.Function) *Summary {
	if s := b.world(fn); s != nil {
		return s
	}
	fn = originOf(fn)
	if s, ok := b.sums[fn]; ok {
		return s
	}
	if fn.Pkg != nil && fn.Pkg.Pkg == b.pass.Pkg {
		if b.started[fn] {
			return nil // recursion: the cycle is analyzed without its own summary
		}
		b.analyze(fn)
		return b.sums[fn]
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	var s Summary
	if b.pass.ImportObjectFact(obj.Origin(), &s) {
		return &s
	}
	return nil
}

// containers infers which fields are lengths of which, exports what it learns, and checks every
// function's container reads against it. A panic is contained per function.
func (b *builder) containers(fns []*ssa.Function) {
	each := func(do func(*funcAnalysis)) {
		for _, fn := range fns { // SrcFuncs lists anonymous functions too
			if fa := b.model.funcs[fn]; fa != nil && !fa.invalid {
				func() {
					defer b.contain(fn)
					do(fa)
				}()
			}
		}
	}
	b.declaredLengths()
	each(b.inferLengths)
	for tn, f := range b.lengths {
		if f != nil && tn.Pkg() == b.pass.Pkg {
			b.pass.ExportObjectFact(tn, f)
		}
	}
	each(b.checkContainers)
	b.checkExposures(each)
}

// export publishes the summaries of the package's named functions as Facts.
//
// An unexported method's summary is not published: no other package can call the method
// statically (an interface's call has no summary), yet the drivers hand a method's facts on to
// every package that depends on its package, however indirectly, and hold them all until the
// run ends; they were half the model's facts and most of its memory beyond the SSA in a run
// over std. An unexported function's facts stay in its own package, so they cost nothing.
func (b *builder) export(fn *ssa.Function) {
	sum := b.sums[fn]
	if sum == nil || sum.isEmpty() || fn.Parent() != nil || fn.Synthetic != "" || isCgoHelper(fn) {
		return
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != b.pass.Pkg || obj.Signature().Recv() != nil && !obj.Exported() {
		return
	}
	b.pass.ExportObjectFact(obj, sum)
}

// mergeDirectives adds what the function's //uninitlint: directives declare (the ignore pass
// reports the malformed ones, which checks.FuncDirectives leaves out).
func mergeDirectives(fn *ssa.Function, sum *Summary) {
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	if !ok {
		return
	}
	for _, d := range checks.FuncDirectives(decl) {
		switch d.Kind {
		case checks.Free:
			sum.Kills = append(sum.Kills, PathKill{Path: Path{Input: d.Param}, Kind: KillFree, Must: true,
				Via: displayName(fn)})
		case checks.Alloc:
			if len(sum.Results) == 0 {
				sum.Results = make([]Result, 1)
			}
			sum.Results[0] = Result{Fresh: KindCHeap, Uninit: d.Uninit}
		}
	}
}

// varNameAt returns the name of the variable a call's result is assigned to in source
// (`b := upstream.New(4)`), or "", for messages.
func (b *builder) varNameAt(call token.Pos) string {
	if b.names == nil {
		b.names = map[token.Pos]string{}
		for _, f := range b.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
					if c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
						if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
							b.names[c.Lparen] = id.Name
						}
					}
				}
				return true
			})
		}
	}
	return b.names[call]
}

// hasDirectives reports whether any file holds an //uninitlint: directive (a length field
// declared on a container makes a package worth analyzing on its own).
func hasDirectives(files []*ast.File) bool {
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, "//uninitlint:") {
					return true
				}
			}
		}
	}
	return false
}

// isCgoHelper reports whether fn is one of the functions cmd/cgo generates into a package.
func isCgoHelper(fn *ssa.Function) bool {
	n := fn.Name()
	return strings.HasPrefix(n, "_Cfunc_") || strings.HasPrefix(n, "_Cgo_") || strings.HasPrefix(n, "_cgo")
}

// debugOn turns on the model's debug output: the bounds it hits (UNINITLINT_DEBUG=1).
var debugOn = os.Getenv("UNINITLINT_DEBUG") != ""

// debugf prints one line of debug output on stderr when debugOn is set.
func debugf(format string, args ...any) {
	if debugOn {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
}

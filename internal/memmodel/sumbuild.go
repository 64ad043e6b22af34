package memmodel

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// summaryBuilder collects, during the final sweep, what a function's callers need to know.
type summaryBuilder struct {
	returned bool
	exit     map[string]freedPath // inputs freed on every returning path (intersection)
	mayKills map[string]PathKill  // reallocations on some path
	writes   map[string]Path
	fills    map[string]Path
	fillAt   map[string]*domain.RangeSet // the bytes of each fill, Any where an offset is unknown
	uses     map[int]bool
	readAt   map[int]*domain.RangeSet // the bytes each input is read at, from where it points; Any if unknown
	readVia  map[string]Path          // memory reached through an input's fields that it reads
	usesVia  map[string]Path
	results  []resultAcc
	closure  []PathKill
	noClos   bool // some return does not return the same kind of closure
	less     [][2]int
	lessEq   [][2]int
	needs    []Need // needs.go
	stores   map[string]Store
	blocks   bool            // goroutine.go
	invokes  map[Invoke]bool // indirect.go: by the invoke with Must false; the value is Must
}

// resultAcc accumulates what the returns say about one result.
type resultAcc struct {
	seen     bool
	conflict bool
	res      Result
}

func (sb *summaryBuilder) write(fa *funcAnalysis, sk slotKey) {
	if !fa.final {
		return
	}
	p, ok := fa.slotPath(sk)
	if !ok {
		return
	}
	if sb.writes == nil {
		sb.writes = map[string]Path{}
	}
	sb.writes[p.key()] = p
}

// fill records that the function may write into what r points to, at any offset.
func (sb *summaryBuilder) fill(fa *funcAnalysis, r *root) {
	sb.fillRange(fa, r, -1, -1)
}

// fillRange records that the function may write bytes [lo, hi) of what r points to (lo < 0: at
// any offset).
func (sb *summaryBuilder) fillRange(fa *funcAnalysis, r *root, lo, hi int64) {
	if !fa.final {
		return
	}
	p, ok := fa.pathOf(r)
	if !ok {
		return
	}
	if sb.fills == nil {
		sb.fills = map[string]Path{}
	}
	if sb.fillAt == nil {
		sb.fillAt = map[string]*domain.RangeSet{}
	}
	k := p.key()
	sb.fills[k] = p
	addRange(sb.fillAt, k, lo, hi)
}

// addRange adds bytes [lo, hi) to m[k]; an unknown offset (lo < 0) makes it Any.
func addRange[K comparable](m map[K]*domain.RangeSet, k K, lo, hi int64) {
	switch w, seen := m[k]; {
	case lo < 0 || seen && w.IsAny():
		m[k] = domain.Any
	default:
		m[k] = w.Add(lo, hi)
	}
}

// readRange records that the function reads bytes [lo, hi) of what r points to (lo < 0: at an
// offset or of a length it does not know), when r is one of its inputs itself.
func (sb *summaryBuilder) readRange(fa *funcAnalysis, r *root, lo, hi int64) {
	if !fa.final {
		return
	}
	p, ok := fa.pathOf(r)
	if !ok {
		return
	}
	if len(p.Fields) > 0 {
		if sb.readVia == nil {
			sb.readVia = map[string]Path{}
		}
		sb.readVia[p.key()] = p
		return
	}
	if sb.readAt == nil {
		sb.readAt = map[int]*domain.RangeSet{}
	}
	if hi <= lo {
		lo = -1 // a read of unknown length
	}
	addRange(sb.readAt, p.Input, lo, hi)
}

func (sb *summaryBuilder) use(fa *funcAnalysis, r *root) {
	if p, ok := fa.pathOf(r); ok {
		sb.usePath(p)
	}
}

// usePath records that the function dereferences what p resolves to: an input itself, or memory
// reached through its fields (b.data of a method on *Buf) or a closure's captured variable.
func (sb *summaryBuilder) usePath(p Path) {
	if len(p.Fields) == 0 {
		if sb.uses == nil {
			sb.uses = map[int]bool{}
		}
		sb.uses[p.Input] = true
		return
	}
	if sb.usesVia == nil {
		sb.usesVia = map[string]Path{}
	}
	sb.usesVia[p.key()] = p
}

func (sb *summaryBuilder) kill(fa *funcAnalysis, s *state, r *root, k *kill) {
	if p, ok := fa.pathOf(r); ok {
		sb.killPath(s, p, k)
	}
}

// killPath records a kill of one of the function's inputs: in the may-set always (for the
// Must: false kills of the summary), and, for frees, in the state's must-set.
func (sb *summaryBuilder) killPath(s *state, p Path, k *kill) {
	if sb.mayKills == nil {
		sb.mayKills = map[string]PathKill{}
	}
	key := p.key() + killVerbs[k.kind]
	if _, ok := sb.mayKills[key]; !ok {
		sb.mayKills[key] = PathKill{Path: p, Kind: k.kind, Via: k.via, Type: k.typ}
	}
	if k.kind != KillRealloc && !k.may {
		s.freed.Set(p.key(), freedPath{p, k})
	}
}

// ret folds one return into the summary: what is freed by now (defers included), and what
// each result points to.
func (sb *summaryBuilder) ret(fa *funcAnalysis, s *state, r *ssa.Return) {
	freed := make(map[string]freedPath, len(s.freed.Map()))
	maps.Copy(freed, s.freed.Map())
	for dr, k := range s.deferred.Map() {
		if p, ok := fa.pathOf(dr); ok {
			freed[p.key()] = freedPath{p, k}
		}
	}
	if !sb.returned {
		sb.exit = freed
	} else {
		for key, a := range sb.exit {
			b, ok := freed[key]
			if m := meetKill(a.k, b.k); !ok || m == nil {
				delete(sb.exit, key)
			} else {
				sb.exit[key] = freedPath{a.path, m}
			}
		}
	}
	if rels, eqs := fa.paramRelations(r); !sb.returned {
		sb.less, sb.lessEq = rels, eqs
	} else {
		sb.less = slices.DeleteFunc(sb.less, func(l [2]int) bool { return !slices.Contains(rels, l) })
		// what every return ensures at least: a <= b, or the stronger a < b
		sb.lessEq = slices.DeleteFunc(sb.lessEq, func(l [2]int) bool {
			return !slices.Contains(eqs, l) && !slices.Contains(rels, l)
		})
	}
	sb.retStores(fa, s)
	sb.returned = true
	if len(sb.results) < len(r.Results) {
		sb.results = append(sb.results, make([]resultAcc, len(r.Results)-len(sb.results))...)
	}
	for i, v := range r.Results {
		sb.result(fa, s, i, v)
	}
}

func (sb *summaryBuilder) result(fa *funcAnalysis, s *state, i int, v ssa.Value) {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return // an error path's nil says nothing about the other returns
	}
	if mc, ok := v.(*ssa.MakeClosure); ok {
		sb.closureResult(fa, s, mc)
	}
	var res Result
	r := fa.rootOf(v)
	switch p, ok := fa.pathOf(r); {
	case r == nil:
	case ok:
		res = Result{View: true, ViewOf: p}
	case r.obj != nil && (r.obj.IsManual() || r.obj.Kind == KindPool) && fa.allocates(r):
		// A wrapper of pool.Get hands out a pooled object as Get does (getBuf, AcquireArgs).
		res = Result{Fresh: r.obj.Kind}
		if r.obj.Uninit {
			// What the function wrote is initialized; the rest is not. Any: all may be.
			res.Written, res.Uninit = s.written.Get(r.obj).Ranges()
		}
		if r.obj.Kind == KindPool {
			res.Desc = r.obj.Desc
		} else {
			res.Owned = fa.ownedByCaller(r.v)
		}
		fa.inferSize(&res, r)
	}
	if e, ok := fa.elemAccess(v); ok {
		base, bok := e.base.(*ssa.Parameter)
		idx, iok := ssaq.StripConv(e.index).(*ssa.Parameter)
		if bok && iok && fa.inputs[base] == 0 {
			res.ElemOf, res.ElemAt = e.field+1, fa.inputs[idx]+1
		}
	}
	acc := &sb.results[i]
	switch {
	case !acc.seen:
		acc.seen, acc.res = true, res
	case fmt.Sprint(acc.res) == fmt.Sprint(res):
	case acc.res.Fresh != 0 && acc.res.Fresh == res.Fresh:
		// Allocations of different sizes, or written in different places: what some return
		// may have written is written (a may-set), and one that initializes all of it makes
		// the result initialized.
		merged := Result{Fresh: res.Fresh, Uninit: acc.res.Uninit && res.Uninit, Owned: acc.res.Owned && res.Owned}
		if merged.Uninit {
			merged.Written, _ = domain.RangesOf(acc.res.Written).Union(domain.RangesOf(res.Written)).Ranges()
		}
		acc.res = merged
	default:
		acc.conflict = true
	}
}

// retStores folds one return into the summary's stores: the slots of inputs that hold, here, a
// pointer into memory an input names. A store holds only if every return has it.
func (sb *summaryBuilder) retStores(fa *funcAnalysis, s *state) {
	here := map[string]Store{}
	for sk, sv := range s.slots.Map() {
		if sv.r == nil {
			continue
		}
		dst, ok1 := fa.slotPath(sk)
		src, ok2 := fa.pathOf(sv.r)
		if ok1 && ok2 && len(dst.Fields) > 0 && dst.key() != src.key() {
			here[dst.key()] = Store{Dst: dst, Src: src}
		}
	}
	if !sb.returned {
		sb.stores = here
		return
	}
	for k, st := range sb.stores {
		if h, ok := here[k]; !ok || h.Src.key() != st.Src.key() {
			delete(sb.stores, k)
		}
	}
}

// closureResult records what calling a returned closure kills, in this function's inputs.
func (sb *summaryBuilder) closureResult(fa *funcAnalysis, s *state, mc *ssa.MakeClosure) {
	fn := mc.Fn.(*ssa.Function)
	sum := fa.b.summaryOf(fn)
	if sum == nil || sb.noClos {
		return
	}
	inputs := make([]ssa.Value, len(fn.Params), len(fn.Params)+len(mc.Bindings))
	inputs = append(inputs, mc.Bindings...)
	var kills []PathKill
	for _, pk := range sum.Kills {
		if pk.Path.Input < len(fn.Params) {
			continue
		}
		r, o := fa.resolve(s, inputs, pk.Path)
		if p, ok := fa.pathOf(r); ok {
			kills = append(kills, PathKill{Path: p, Kind: pk.Kind, Must: pk.Must, Via: pk.Via})
		} else if p, ok := fa.objPath(o); ok {
			kills = append(kills, PathKill{Path: p, Kind: pk.Kind, Must: pk.Must, Via: pk.Via})
		}
	}
	if sb.closure != nil && fmt.Sprint(sb.closure) != fmt.Sprint(kills) {
		sb.noClos, sb.closure = true, nil
		return
	}
	sb.closure = kills
}

// build returns the summary, with every list sorted so that facts are deterministic.
func (sb *summaryBuilder) build() *Summary {
	s := &Summary{ClosureKills: sb.closure, Less: sb.less, LessEq: without(sb.lessEq, sb.less),
		Needs: sb.needs, Blocks: sb.blocks}
	for _, f := range sb.exit {
		if !f.k.vacuous {
			s.Kills = append(s.Kills, PathKill{Path: f.path, Kind: f.k.kind, Must: true, Via: f.k.via, Type: f.k.typ})
		}
	}
	for _, pk := range sb.mayKills {
		if f, must := sb.exit[pk.Path.key()]; !must || f.k.vacuous || f.k.kind != pk.Kind {
			s.Kills = append(s.Kills, pk)
		}
	}
	for _, w := range sb.writes {
		s.Writes = append(s.Writes, w)
	}
	for k, f := range sb.fills {
		s.Fills = append(s.Fills, f)
		w, known := sb.fillAt[k] // a fill recorded without its bytes is at any offset
		if rs, ok := w.Ranges(); known && ok && len(f.Fields) == 0 && len(rs) > 0 && len(rs) <= maxFillRanges {
			s.FillsAt = append(s.FillsAt, FillRange{Input: f.Input, Ranges: rs})
		}
	}
	slices.SortFunc(s.FillsAt, func(a, b FillRange) int { return cmp.Compare(a.Input, b.Input) })
	for u := range sb.uses {
		s.Uses = append(s.Uses, u)
		w, known := sb.readAt[u] // a use recorded without a read is a store, or a view made
		if rs, ok := w.Ranges(); known && ok && len(rs) > 0 && len(rs) <= maxFillRanges {
			s.UsesAt = append(s.UsesAt, FillRange{Input: u, Ranges: rs})
		}
	}
	slices.SortFunc(s.UsesAt, func(a, b FillRange) int { return cmp.Compare(a.Input, b.Input) })
	for k, p := range sb.usesVia {
		s.UsesVia = append(s.UsesVia, p)
		if _, ok := sb.readVia[k]; ok {
			s.ReadsVia = append(s.ReadsVia, p)
		}
	}
	slices.SortFunc(s.ReadsVia, cmpPath)
	for _, st := range sb.stores {
		s.Stores = append(s.Stores, st)
	}
	slices.SortFunc(s.Stores, func(a, b Store) int { return cmpPath(a.Dst, b.Dst) })
	for iv, must := range sb.invokes {
		iv.Must = must
		s.Invokes = append(s.Invokes, iv)
	}
	slices.SortFunc(s.Invokes, func(a, b Invoke) int {
		return cmp.Or(cmp.Compare(a.Input, b.Input), cmp.Compare(a.Pkg, b.Pkg), cmp.Compare(a.Method, b.Method))
	})
	for _, acc := range sb.results {
		if acc.conflict {
			acc.res = Result{}
		}
		s.Results = append(s.Results, acc.res)
	}
	slices.SortFunc(s.Kills, func(a, b PathKill) int {
		return cmp.Or(cmpPath(a.Path, b.Path), cmp.Compare(a.Kind, b.Kind))
	})
	slices.SortFunc(s.Writes, cmpPath)
	slices.SortFunc(s.Fills, cmpPath)
	slices.Sort(s.Uses)
	slices.SortFunc(s.UsesVia, cmpPath)
	return s
}

func cmpPath(a, b Path) int {
	return cmp.Or(cmp.Compare(a.Input, b.Input), slices.Compare(a.Fields, b.Fields))
}

// allocates reports whether r's own instruction allocated its object (a malloc call, not a
// parameter or a load that points to manual memory someone else allocated).
func (fa *funcAnalysis) allocates(r *root) bool {
	instr, ok := r.v.(ssa.Instruction)
	return ok && fa.objs[instr] == r.obj
}

// without returns the pairs of a not in b.
func without(a, b [][2]int) [][2]int {
	return slices.DeleteFunc(slices.Clone(a), func(l [2]int) bool { return slices.Contains(b, l) })
}

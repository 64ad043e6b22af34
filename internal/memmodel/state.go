package memmodel

import (
	"go/token"
	"maps"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"golang.org/x/tools/go/ssa"
)

// A kill is the event that ended the validity of memory: a free, an unmap, a reallocation, a
// Put. A vacuous kill stands for "there was nothing to free": on the edge where a pointer is nil
// or a slice empty, freeing it is a no-op, so a function that frees p only when p != nil still
// frees p on every path.
type kill struct {
	pos     token.Pos
	kind    KillKind
	via     string // the call that killed: "C.free", "vec.(*Raw).Push"
	typ     string // the concrete type the callee asserted what it killed to be (Put(x.(*T)))
	vacuous bool
	may     bool // a callee frees it on some paths only: a use after the call is still wrong
	late    bool // a deferred closure's, through a captured variable it reads at the return
}

var nilKill = &kill{vacuous: true}

// meetKill is the must-join of two kills of the same thing: the memory is dead after the join
// only if it is dead on both sides. A real kill wins over a vacuous one; of two real kills the
// earlier position wins, so that results do not depend on the order of predecessors.
func meetKill(a, b *kill) *kill {
	switch {
	case a == nil || b == nil:
		return nil
	case a.vacuous:
		return b
	case b.vacuous:
		return a
	case a.may != b.may: // dead on both sides, but only maybe on one: maybe
		if b.may {
			return b
		}
		return a
	case b.pos < a.pos:
		return b
	}
	return a
}

// A slotVal is what the model knows a slot holds: one root's value, at byte offset off from
// the root (-1: unknown), or (r == nil) one of several values that all point into obj (objTop:
// anything).
type slotVal struct {
	r   *root
	obj *Object
	off int64
}

// A state is the model's knowledge at one program point.
//
// The lattice, per component:
//   - dead: root -> the kill that made every value derived from the root dangle. Must
//     information: a root is dead after a join only if it is dead on every incoming edge, so a
//     use is reported only when no path reaches it with the memory still valid.
//   - objKilled: Owned object -> kill. The content of a slot was freed and the slot not written
//     since, so a value loaded from it later is born dead. Must, as dead.
//   - slots: slot -> the root last stored there. A join of two different roots forgets which
//     (slotVal with r == nil), and loads from it start fresh roots that nothing has killed.
//   - condDead: root -> a kill on some path here, not all (an error path that frees and falls
//     through). May: a join keeps what either side had, and a side's must-kill that the other
//     lacks. A use is reported on it only when every path from the kill reaches the use
//     (forced, flow.go): then no correlation between branches can keep the two apart.
//   - deferred, deferredObj: kills a defer will perform when the function returns. Must.
//   - freed: the function's inputs' paths killed so far, for its Summary. Must.
//   - escaped: roots stored where they outlive the call (a global, a parameter's memory, a
//     channel). May: an escape on any path is remembered.
//
// Every map has finitely many keys (the function's roots, objects and slots) and each value
// moves down a chain of bounded height, so the iteration terminates.
type state struct {
	dead        domain.COW[*root, *kill]
	condDead    domain.COW[*root, *kill]
	objKilled   domain.COW[*Object, *kill]
	slots       domain.COW[slotKey, slotVal]
	deferred    domain.COW[*root, *kill]
	deferredObj domain.COW[*Object, *kill]
	freed       domain.COW[string, freedPath]
	escaped     domain.COW[*root, escape]
	written     domain.COW[*Object, *domain.RangeSet]  // uninitialized objects: what may have been written (may)
	first       domain.COW[firstKey, *domain.RangeSet] // the same, since the entry of a loop whose first iteration this is
	active      domain.COW[*ssa.BasicBlock, bool]      // the loops in their first iteration (firstiter.go)
	async       domain.COW[*Object, asyncUse]          // objects a goroutine may still use (goroutine.go; may)
}

type freedPath struct {
	path Path
	k    *kill
}

type escape struct {
	pos  token.Pos
	op   string
	slot slotKey // where it was stored, if the model tracks that slot; a later store there undoes it
}

func newState() *state { return &state{} }

// clone returns a copy of s that shares its maps until one side writes them.
func (s *state) clone() *state {
	return &state{
		dead:        s.dead.Clone(),
		condDead:    s.condDead.Clone(),
		objKilled:   s.objKilled.Clone(),
		slots:       s.slots.Clone(),
		deferred:    s.deferred.Clone(),
		deferredObj: s.deferredObj.Clone(),
		freed:       s.freed.Clone(),
		escaped:     s.escaped.Clone(),
		written:     s.written.Clone(),
		first:       s.first.Clone(),
		active:      s.active.Clone(),
		async:       s.async.Clone(),
	}
}

// join merges t into s (both non-nil), in place. It writes s only where the two differ, so
// that a join of equal maps copies none of them.
func (s *state) join(t *state) {
	s.joinCond(t)
	meetMap(&s.dead, &t.dead)
	meetMap(&s.objKilled, &t.objKilled)
	meetMap(&s.deferred, &t.deferred)
	meetMap(&s.deferredObj, &t.deferredObj)
	for k, a := range s.freed.Map() {
		b, ok := t.freed.Lookup(k)
		switch {
		case !ok:
			s.freed.Del(k)
		case meetKill(a.k, b.k) != a.k:
			s.freed.Set(k, freedPath{a.path, meetKill(a.k, b.k)})
		}
	}
	s.joinSlots(t)
	for o, w := range t.written.Map() {
		if u := s.written.Get(o).Union(w); u != s.written.Get(o) {
			s.written.Set(o, u)
		}
	}
	for r, e := range t.escaped.Map() {
		if _, ok := s.escaped.Lookup(r); !ok {
			s.escaped.Set(r, e)
		}
	}
	for k, w := range t.first.Map() {
		if u := s.first.Get(k).Union(w); u != s.first.Get(k) {
			s.first.Set(k, u)
		}
	}
	for h := range t.active.Map() {
		if !s.active.Get(h) {
			s.active.Set(h, true)
		}
	}
	for o, u := range t.async.Map() {
		if a, ok := s.async.Lookup(o); !ok || u.goPos < a.goPos {
			s.async.Set(o, u) // the earliest go statement, whatever the order of predecessors
		}
	}
}

func (s *state) joinSlots(t *state) {
	for k, b := range t.slots.Map() {
		a, ok := s.slots.Lookup(k)
		switch {
		case !ok && isInitial(k, b):
			// both sides hold the slot's initial content
		case !ok || a != b:
			s.slots.Set(k, mergeSlot(a, ok, b))
		}
	}
	for k, a := range s.slots.Map() {
		if _, ok := t.slots.Lookup(k); ok {
			continue
		}
		if isInitial(k, a) {
			s.slots.Del(k)
		} else if m := mergeSlot(a, true, slotVal{off: -1}); m != a {
			s.slots.Set(k, m)
		}
	}
}

// isInitial reports whether v is the root a load of slot k's initial content made: the same as
// the slot not being known at all.
func isInitial(k slotKey, v slotVal) bool {
	return v.r != nil && v.r.slot != nil && *v.r.slot == k
}

// mergeSlot joins two slot contents; a missing side (the slot's initial content) counts as
// unknown.
func mergeSlot(a slotVal, aok bool, b slotVal) slotVal {
	if aok && a == b {
		return a
	}
	if aok && a.r != nil && a.r == b.r {
		return slotVal{r: a.r, obj: a.obj, off: -1}
	}
	obj := objTop
	if aok && a.obj == b.obj && a.obj != nil {
		obj = a.obj
	}
	return slotVal{obj: obj, off: -1}
}

// joinCond joins the conditional kills of s and t, before their must-kills meet: a root dead on
// one side and live on the other becomes conditionally dead.
func (s *state) joinCond(t *state) {
	for r, k := range t.condDead.Map() {
		s.addCond(r, k)
	}
	for r, k := range s.dead.Map() {
		if t.dead.Get(r) == nil && !k.vacuous {
			s.addCond(r, k)
		}
	}
	for r, k := range t.dead.Map() {
		if s.dead.Get(r) == nil && !k.vacuous {
			s.addCond(r, k)
		}
	}
}

// addCond records that r may be dead by k; of two kills the earlier position wins, so that
// results do not depend on the order of predecessors, and a value only ever moves earlier,
// which keeps the iteration finite.
func (s *state) addCond(r *root, k *kill) {
	if prev := s.condDead.Get(r); prev == nil || k.pos < prev.pos {
		s.condDead.Set(r, k)
	}
}

// revive makes r live again, on every path.
func (s *state) revive(r *root) {
	s.dead.Del(r)
	s.condDead.Del(r)
}

func meetMap[K comparable](s, t *domain.COW[K, *kill]) {
	for k, a := range s.Map() {
		switch m := meetKill(a, t.Get(k)); {
		case m == nil:
			s.Del(k)
		case m != a:
			s.Set(k, m)
		}
	}
}

func (s *state) equal(t *state) bool {
	return maps.Equal(s.dead.Map(), t.dead.Map()) && maps.Equal(s.condDead.Map(), t.condDead.Map()) &&
		maps.Equal(s.objKilled.Map(), t.objKilled.Map()) &&
		maps.Equal(s.slots.Map(), t.slots.Map()) && maps.Equal(s.deferred.Map(), t.deferred.Map()) &&
		maps.Equal(s.deferredObj.Map(), t.deferredObj.Map()) &&
		maps.EqualFunc(s.freed.Map(), t.freed.Map(), func(a, b freedPath) bool { return a.k == b.k }) &&
		len(s.escaped.Map()) == len(t.escaped.Map()) &&
		maps.EqualFunc(s.written.Map(), t.written.Map(), (*domain.RangeSet).Equal) &&
		maps.EqualFunc(s.first.Map(), t.first.Map(), (*domain.RangeSet).Equal) && maps.Equal(s.active.Map(), t.active.Map()) &&
		maps.Equal(s.async.Map(), t.async.Map())
}

package memmodel

import (
	"go/token"
	"maps"
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
//   - deferred, deferredObj: kills a defer will perform when the function returns. Must.
//   - freed: the function's inputs' paths killed so far, for its Summary. Must.
//   - escaped: roots stored where they outlive the call (a global, a parameter's memory, a
//     channel). May: an escape on any path is remembered.
//
// Every map has finitely many keys (the function's roots, objects and slots) and each value
// moves down a chain of bounded height, so the iteration terminates.
type state struct {
	dead        map[*root]*kill
	objKilled   map[*Object]*kill
	slots       map[slotKey]slotVal
	deferred    map[*root]*kill
	deferredObj map[*Object]*kill
	freed       map[string]freedPath
	escaped     map[*root]escape
	written     map[*Object]*writeSet // uninitialized objects: what may have been written (may)
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

func newState() *state {
	return &state{
		dead:        map[*root]*kill{},
		objKilled:   map[*Object]*kill{},
		slots:       map[slotKey]slotVal{},
		deferred:    map[*root]*kill{},
		deferredObj: map[*Object]*kill{},
		freed:       map[string]freedPath{},
		escaped:     map[*root]escape{},
		written:     map[*Object]*writeSet{},
	}
}

func (s *state) clone() *state {
	return &state{
		dead:        maps.Clone(s.dead),
		objKilled:   maps.Clone(s.objKilled),
		slots:       maps.Clone(s.slots),
		deferred:    maps.Clone(s.deferred),
		deferredObj: maps.Clone(s.deferredObj),
		freed:       maps.Clone(s.freed),
		escaped:     maps.Clone(s.escaped),
		written:     maps.Clone(s.written),
	}
}

// join merges t into s (both non-nil), in place.
func (s *state) join(t *state) {
	meetMap(s.dead, t.dead)
	meetMap(s.objKilled, t.objKilled)
	meetMap(s.deferred, t.deferred)
	meetMap(s.deferredObj, t.deferredObj)
	for k, a := range s.freed {
		b, ok := t.freed[k]
		if !ok {
			delete(s.freed, k)
			continue
		}
		s.freed[k] = freedPath{a.path, meetKill(a.k, b.k)}
	}
	for k, b := range t.slots {
		a, ok := s.slots[k]
		switch {
		case !ok && isInitial(k, b):
			// both sides hold the slot's initial content
		case !ok || a != b:
			s.slots[k] = mergeSlot(a, ok, b)
		}
	}
	for k, a := range s.slots {
		if _, ok := t.slots[k]; ok {
			continue
		}
		if isInitial(k, a) {
			delete(s.slots, k)
		} else {
			s.slots[k] = mergeSlot(a, true, slotVal{off: -1})
		}
	}
	for o, w := range t.written {
		s.written[o] = s.written[o].union(w)
	}
	for r, e := range t.escaped {
		if _, ok := s.escaped[r]; !ok {
			s.escaped[r] = e
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

func meetMap[K comparable](s, t map[K]*kill) {
	for k, a := range s {
		if m := meetKill(a, t[k]); m == nil {
			delete(s, k)
		} else {
			s[k] = m
		}
	}
}

func (s *state) equal(t *state) bool {
	return maps.Equal(s.dead, t.dead) && maps.Equal(s.objKilled, t.objKilled) &&
		maps.Equal(s.slots, t.slots) && maps.Equal(s.deferred, t.deferred) &&
		maps.Equal(s.deferredObj, t.deferredObj) &&
		maps.EqualFunc(s.freed, t.freed, func(a, b freedPath) bool { return a.k == b.k }) &&
		len(s.escaped) == len(t.escaped) &&
		maps.EqualFunc(s.written, t.written, (*writeSet).equal)
}

package memmodel

import (
	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"golang.org/x/tools/go/ssa"
)

// The first iteration of a loop is a path of its own.
//
// The written sets are may-sets joined at the loop header, so a write later in the body reaches
// the header along the back edge and covers every read of the body, the first iteration's
// included: `for i := range n { sum += p[i]; p[i] = 0 }` reads each slot before the write of
// the same iteration, and nothing wrote it before the loop. The component first keeps, per loop
// header H whose first iteration the path is in and per object, what may have been written on
// the back-edge-free paths from the function's entry: what the loop's entry edges bring, plus the
// writes since. A read in H's body that none of those writes reaches is a read of uninitialized
// memory on the first iteration, reported when the read runs on every iteration (its block
// dominates every latch of H), so that a read guarded by `if i > 0` is not taken for one.
//
// The lattice is the written sets' (a may-set per object and header, joined by union); an
// active header marks that the path is in the loop's first iteration. Leaving the loop's body
// drops the header, and entering the header again resets what it knows from its entry edges:
// what came around the back edge is the previous iteration's.

// A firstKey names what may have been written into obj since the entry of loop header h.
type firstKey struct {
	obj *Object
	h   *ssa.BasicBlock
}

// enterBlock updates the first-iteration component of in, b's entry state: b's loop headers
// start their first iteration with what the entry edges wrote, and loops b is not in are left.
func (fa *funcAnalysis) enterBlock(b *ssa.BasicBlock, in *state) {
	if !fa.tracksAny() {
		return
	}
	for h := range in.active.Map() {
		if !fa.loopOf(h).body[b] {
			fa.leaveLoop(in, h)
		}
	}
	l := fa.loopOf(b)
	if l == nil {
		return
	}
	fa.leaveLoop(in, b) // what came around the back edge is the previous iteration's
	in.active.Set(b, true)
	for _, p := range b.Preds {
		if b.Dominates(p) {
			continue // a latch
		}
		e := fa.edgeState(p, b)
		if e == nil {
			continue
		}
		for o, w := range e.written.Map() {
			k := firstKey{o, b}
			if u := in.first.Get(k).Union(w); u != in.first.Get(k) {
				in.first.Set(k, u)
			}
		}
	}
}

// leaveLoop forgets loop header h's first iteration.
func (fa *funcAnalysis) leaveLoop(s *state, h *ssa.BasicBlock) {
	if !s.active.Get(h) {
		return
	}
	s.active.Del(h)
	for k := range s.first.Map() {
		if k.h == h {
			s.first.Del(k)
		}
	}
}

// loopOf returns the natural loop whose header is h, or nil.
func (fa *funcAnalysis) loopOf(h *ssa.BasicBlock) *natLoop {
	if !fa.inLoop[h] {
		return nil
	}
	if fa.headers == nil {
		loops := fa.naturalLoops()
		fa.headers = make(map[*ssa.BasicBlock]*natLoop, len(loops))
		for i := range loops {
			fa.headers[loops[i].header] = &loops[i]
		}
	}
	return fa.headers[h]
}

// tracksAny reports whether fa has met an object whose writes it tracks: without one, the
// first-iteration component has nothing to say, and the loops need not be computed.
func (fa *funcAnalysis) tracksAny() bool {
	if fa.tracked || len(fa.byObj) == fa.trackedSeen {
		return fa.tracked
	}
	fa.trackedSeen = len(fa.byObj)
	for o := range fa.byObj {
		if tracksWrites(o) {
			fa.tracked = true
		}
	}
	return fa.tracked
}

// setWritten records w as what may have been written into o, in the loops' first iterations
// too: w grows what was there by one write (or is anyWrite), and each active loop's set grows by
// the same write, lo and hi (lo < 0: a write of unknown extent).
func (s *state) setWritten(o *Object, w *domain.RangeSet, lo, hi int64) {
	s.written.Set(o, w)
	for h := range s.active.Map() {
		k := firstKey{o, h}
		if lo < 0 {
			s.first.Set(k, domain.Any)
		} else {
			s.first.Set(k, s.first.Get(k).Add(lo, hi))
		}
	}
}

// firstIterationRead reports whether a read of [lo, hi) of o at instr (lo < 0: unknown
// offsets) precedes every write on the first iteration of a loop it runs in on every
// iteration.
func (fa *funcAnalysis) firstIterationRead(s *state, o *Object, addr ssa.Value, size, lo, hi int64, instr ssa.Instruction) bool {
	b := instr.Block()
	for h := range s.active.Map() {
		l := fa.loopOf(h)
		if l == nil || !l.body[b] || !dominatesLatches(b, l.latches) {
			continue
		}
		if !fa.mayOverlap(s.first.Get(firstKey{o, h}), o, addr, size, instr, lo, hi) {
			return true
		}
	}
	return false
}

func dominatesLatches(b *ssa.BasicBlock, latches []*ssa.BasicBlock) bool {
	for _, l := range latches {
		if !b.Dominates(l) {
			return false
		}
	}
	return true
}

// addSite records the write site id into o, in the loops' first iterations too.
func (s *state) addSite(o *Object, id int32) {
	if w := s.written.Get(o); w.AddSite(id) != w {
		s.written.Set(o, w.AddSite(id))
	}
	for h := range s.active.Map() {
		k := firstKey{o, h}
		if w := s.first.Get(k); w.AddSite(id) != w {
			s.first.Set(k, w.AddSite(id))
		}
	}
}

// forgetWritten records that o is new memory: nothing has been written into it.
func (s *state) forgetWritten(o *Object) {
	s.written.Del(o)
	for h := range s.active.Map() {
		s.first.Del(firstKey{o, h})
	}
}

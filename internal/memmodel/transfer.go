package memmodel

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// transfer applies one instruction to s.
func (fa *funcAnalysis) transfer(s *state, instr ssa.Instruction) {
	if fa.mayWait(instr) {
		fa.sum.blocks = true
		s.wait()
	}
	switch in := instr.(type) {
	case *ssa.Alloc:
		fa.newInstance(s, fa.ownRoot(in))
	case *ssa.UnOp:
		if in.Op == token.MUL {
			fa.use(s, in.X, in, "load")
			fa.read(s, in.X, fa.loadSize(in.X), in, "read")
			fa.load(s, in)
		}
	case *ssa.Store:
		fa.use(s, in.Addr, in, "store")
		if hasPointers(in.Val.Type()) {
			// The GC's write barrier reads the slot's old value before a pointer replaces it.
			fa.read(s, in.Addr, fa.sizeof(in.Val.Type()), in, "pointer store")
		}
		fa.wrote(s, in.Addr, fa.sizeof(in.Val.Type()), in)
		fa.mayEscape(s, in)
		fa.store(s, in)
	case *ssa.Call:
		fa.call(s, in, in.Common(), false)
	case *ssa.Defer:
		fa.call(s, in, in.Common(), true)
	case *ssa.Go:
		fa.spawn(s, in)
	case *ssa.Extract:
		fa.extract(s, in)
	case *ssa.Index:
		fa.use(s, in.X, in, "index")
		fa.read(s, in.X, -1, in, "index")
	case *ssa.Lookup:
		if isTracked(in.X.Type()) {
			fa.use(s, in.X, in, "index")
			fa.sum.readRange(fa, fa.rootOf(in.X), -1, -1)
		}
		if isString(in.Index.Type()) {
			fa.readString(s, in.Index, in, "map lookup") // hashing the key reads it
		}
	case *ssa.BinOp:
		if isString(in.X.Type()) {
			// Comparing or concatenating strings reads their bytes (len does not).
			op := "comparison"
			if in.Op == token.ADD {
				op = "concatenation"
			}
			fa.readString(s, in.X, in, op)
			fa.readString(s, in.Y, in, op)
		}
	case *ssa.Range:
		fa.use(s, in.X, in, "range")
		fa.sum.readRange(fa, fa.rootOf(in.X), -1, -1)
	case *ssa.Convert:
		if isCopyConversion(in) {
			fa.use(s, in.X, in, "conversion")
			fa.read(s, in.X, -1, in, "conversion")
		}
	case *ssa.Send:
		fa.escape(s, in.X, in.Pos(), "sent on a channel")
		fa.mayFill(s, in.X)
	case *ssa.MapUpdate:
		if fa.isLongLived(in.Map) {
			fa.escape(s, in.Value, in.Pos(), "stored in a map that outlives the call")
		}
	case *ssa.Return:
		fa.ret(s, in)
	case *ssa.Slice:
		fa.slice(s, in)
	case *ssa.Phi:
		// handled on entry to the block
	}
}

// readString checks an operation that reads the bytes of the string v.
func (fa *funcAnalysis) readString(s *state, v ssa.Value, instr ssa.Instruction, op string) {
	if _, isConst := v.(*ssa.Const); isConst {
		return
	}
	fa.use(s, v, instr, op)
	fa.read(s, v, -1, instr, op)
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isCopyConversion reports whether c copies memory: string(b), []byte(s), []rune(s).
func isCopyConversion(c *ssa.Convert) bool {
	_, fromSlice := c.X.Type().Underlying().(*types.Slice)
	_, toSlice := c.Type().Underlying().(*types.Slice)
	return fromSlice || toSlice
}

// newInstance starts a new instance of r's object: what a previous iteration killed, or stored
// in it, is about another instance.
func (fa *funcAnalysis) newInstance(s *state, r *root) {
	s.revive(r)
	s.forgetWritten(r.obj)
	for sk := range s.slots.Map() {
		if sk.obj == r.obj {
			s.slots.Del(sk)
		}
	}
	for o := range s.objKilled.Map() {
		if o.Base == r.obj {
			s.objKilled.Del(o)
		}
	}
	for o := range s.written.Map() {
		if o.Base == r.obj {
			s.forgetWritten(o)
		}
	}
}

// load gives the value loaded by l its root: the root last stored in the slot if the model
// knows it, else a fresh root that points into what the slot owns, born dead if that memory
// was freed and the slot not written since.
func (fa *funcAnalysis) load(s *state, l *ssa.UnOp) {
	if !isTracked(l.Type()) {
		return
	}
	sk, ok := fa.slotOf(l.X)
	if ok {
		if sv, known := s.slots.Lookup(sk); known && sv.r != nil {
			fa.alias[l] = sv.r
			fa.aliasOff[l] = sv.off
			return
		}
	}
	delete(fa.alias, l)
	r := fa.ownRoot(l)
	if !ok {
		fa.setObj(r, objTop)
		s.revive(r)
		return
	}
	r.from = sk.obj
	if sv, known := s.slots.Lookup(sk); known {
		// A pointer into an object, without the root it came from (a callee's store of a
		// view): as dead as the object is.
		fa.setObj(r, sv.obj)
		s.revive(r)
		if sv.obj != nil && sv.obj != objTop {
			fa.setDead(s, r, s.objKilled.Get(sv.obj))
		}
		return
	}
	o := fa.owned(sk)
	if isSlice(l.Type()) && isPooled(sk.obj) {
		o.Pooled = true
	}
	fa.setObj(r, o)
	r.slot = &sk
	fa.setDead(s, r, s.objKilled.Get(o))
	// Later loads of the slot, until something writes it, load the same value: they alias
	// this root. A join with a path that has not loaded it yet keeps the slot initial (see
	// state.join), since this root is the initial content.
	s.slots.Set(sk, slotVal{r: r, obj: o, off: 0})
}

// store records what the slot now holds, and checks the two ways a store goes wrong: a Go
// pointer into memory the garbage collector does not scan, and a pointer into memory this
// function frees stored where it outlives the call.
func (fa *funcAnalysis) store(s *state, st *ssa.Store) {
	vr := fa.rootOf(st.Val)
	fa.checkGoPointer(st, vr)
	sk, ok := fa.slotOf(st.Addr)
	if ok {
		fa.overwrite(s, sk)
	}
	if fa.isLongLived(st.Addr) {
		fa.escape(s, st.Val, st.Pos(), "stored in memory that outlives the call")
		if e, esc := s.escaped.Lookup(vr); esc && ok && e.pos == st.Pos() {
			e.slot = sk
			s.escaped.Set(vr, e)
		}
	}
	if !ok {
		return
	}
	fa.sum.write(fa, sk)
	if sk.field < 0 && !isTracked(st.Val.Type()) {
		fa.clearObject(s, sk.obj) // a whole struct stored: every field changes
		return
	}
	if vr == nil {
		s.slots.Set(sk, slotVal{obj: objTop, off: -1})
	} else {
		s.slots.Set(sk, slotVal{r: vr, obj: vr.obj, off: fa.constOffset(st.Val)})
	}
	s.objKilled.Del(fa.owned(sk))
}

// overwrite forgets the escapes through slot sk: what was stored there is no longer reachable
// through it (d.buf = nil before the buffer goes back to its pool).
func (fa *funcAnalysis) overwrite(s *state, sk slotKey) {
	for r, e := range s.escaped.Map() {
		if e.slot == sk && e.slot.obj != nil {
			s.escaped.Del(r)
		}
	}
}

// forgetKilledUnder forgets the kills of o, the content of a slot a callee wrote, and of what
// o's own slots held: the callee put back p.head.buf, then set p.head = nil, so whatever
// p.head.buf is after the call is not what it put back.
func (fa *funcAnalysis) forgetKilledUnder(s *state, o *Object) {
	for k := range s.objKilled.Map() {
		for b := k; b != nil; b = b.Base {
			if b == o {
				s.objKilled.Del(k)
				break
			}
		}
	}
}

// clearObject forgets what the model knew of obj's slots: something rewrote them.
func (fa *funcAnalysis) clearObject(s *state, obj *Object) {
	for sk := range s.slots.Map() {
		if sk.obj == obj {
			s.slots.Del(sk)
		}
	}
	for o := range s.objKilled.Map() {
		if o.Base == obj {
			s.objKilled.Del(o)
		}
	}
}

// checkGoPointer reports a store of a pointer to Go memory into C or mmap'd memory: the
// garbage collector does not scan that memory, so it may free or move the referent.
func (fa *funcAnalysis) checkGoPointer(st *ssa.Store, vr *root) {
	if !fa.final || vr == nil || !vr.obj.IsGoMemory() || !hasPointers(st.Val.Type()) {
		return
	}
	ar := fa.rootOf(st.Addr)
	if ar == nil || !ar.obj.IsManual() {
		return
	}
	fa.event(Event{Kind: EvGoPointerInManual, Pos: st.Pos(), Op: "store", Obj: ar.obj, ValObj: vr.obj})
}

// hasPointers reports whether a value of type t holds pointers the garbage collector traces.
func hasPointers(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer || u.Info()&types.IsString != 0
	case *types.Array:
		return u.Len() > 0 && hasPointers(u.Elem())
	case *types.Struct:
		for i := range u.NumFields() {
			if hasPointers(u.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.TypeParam:
		return false // unknown until instantiated: stay silent
	}
	return true
}

// isLongLived reports whether memory at addr outlives the call: a global, or memory reachable
// from a parameter.
func (fa *funcAnalysis) isLongLived(addr ssa.Value) bool {
	r := fa.rootOf(addr)
	if r == nil || r.obj == nil {
		return false
	}
	o := r.obj
	for o.Kind == KindOwned {
		o = o.Base
	}
	return o.Kind == KindGlobal || o.Kind == KindParam
}

// escape records that v's memory leaves the function at pos.
func (fa *funcAnalysis) escape(s *state, v ssa.Value, pos token.Pos, op string) {
	r := fa.rootOf(v)
	if r == nil {
		return
	}
	if k := s.dead.Get(r); fa.final && k != nil && !k.vacuous {
		fa.event(Event{Kind: EvEscapeAfterKill, Pos: pos, Op: op, Obj: r.obj, Kill: k.export()})
		return
	}
	if _, ok := s.escaped.Lookup(r); !ok {
		s.escaped.Set(r, escape{pos: pos, op: op})
	}
}

// use checks an operation that reads or writes the memory v points into.
func (fa *funcAnalysis) use(s *state, v ssa.Value, instr ssa.Instruction, op string) {
	pos := callPos(instr)
	if pos == token.NoPos {
		pos = v.Pos()
	}
	fa.useRoot(s, fa.rootOf(v), instr, pos, op)
}

// useRoot checks a dereference of what r points into at instr.
func (fa *funcAnalysis) useRoot(s *state, r *root, instr ssa.Instruction, pos token.Pos, op string) {
	if r == nil || r.obj == nil || !fa.final {
		return
	}
	fa.sum.use(fa, r)
	k, onPath := fa.deadAt(s, r, instr)
	if k == nil {
		return
	}
	fa.event(Event{Kind: EvUseAfterKill, Pos: pos, Op: op, Obj: r.obj, Kill: k.export(), OnPath: onPath,
		Loop: onPath && !fa.forced(k, instr)})
}

// deadAt returns the kill that makes r dangle at instr: one on every path, or, with onPath, one
// on some path from which every path reaches instr (forced.go); nil if r is live there.
func (fa *funcAnalysis) deadAt(s *state, r *root, instr ssa.Instruction) (k *kill, onPath bool) {
	if k := s.dead.Get(r); k != nil {
		if k.vacuous || isStateDecided(k) {
			return nil, false
		}
		return k, false
	}
	if k := s.condDead.Get(r); k != nil && fa.final && !isStateDecided(k) && (fa.forced(k, instr) || fa.nextIteration(k, instr, r)) {
		return k, true
	}
	return nil, false
}

// isStateDecided reports whether k is a Put a callee performs on some paths only: a pool's
// user puts an object back when its state says so (a reference count reaching zero, an owned
// flag), which the caller's use after the call does not contradict. A may-effect of that kind
// is not evidence of a use after Put.
//
// TODO(contracts): a summary that says what the Put depends on (p0.refs reaching 0) would let
// a caller that holds the last reference see the Put as certain.
func isStateDecided(k *kill) bool { return k.may && k.kind == KillPut }

// ret checks what a return hands to the caller, and what escaped earlier, against the kills
// the function has done and those its defers will do.
func (fa *funcAnalysis) ret(s *state, r *ssa.Return) {
	if !fa.final {
		return
	}
	// A defer registered on every path here runs now, and reads what it reads in the state the
	// function leaves: defer func() { log.Printf("%x", *p) }(), then C.free(p).
	for d, dc := range fa.deferredUses {
		if d.Block().Dominates(r.Block()) {
			op := "deferred call"
			if via := cmpOr(dc.via, fa.cgoWrapped(d.Common())); via != "" {
				op += " to " + via
			}
			fa.callUsesAs(s, d, dc.sum, dc.inputs, op+", which runs at the return,")
		}
	}
	for dr, k := range s.deferred.Map() {
		fa.raced(s, dr.obj, k, true)
	}
	for o, k := range s.deferredObj.Map() {
		fa.raced(s, o, k, true)
	}
	for _, v := range r.Results {
		vr := fa.rootOf(v)
		if vr == nil {
			continue
		}
		if k := fa.deadAtExit(s, vr); k != nil {
			fa.event(Event{Kind: EvEscapeAfterKill, Pos: r.Pos(), Op: "returned", Obj: vr.obj, Kill: k.export(),
				Deferred: s.dead.Get(vr) == nil})
		}
	}
	for er, e := range s.escaped.Map() {
		if k := fa.deadAtExit(s, er); k != nil && !fa.goesWith(s, e, k) {
			fa.event(Event{Kind: EvEscapeAfterKill, Pos: e.pos, Op: e.op, Obj: er.obj, Kill: k.export(),
				Deferred: s.dead.Get(er) == nil})
		}
	}
	fa.sum.ret(fa, s, r)
}

// goesWith reports whether the escape e is a store into the very object the Put k gives back
// (p.buf = p.buf[:0] before pool.Put(p)): what it stored goes to the pool with the object,
// which is the point.
func (fa *funcAnalysis) goesWith(s *state, e escape, k *kill) bool {
	if k.kind != KillPut {
		return false
	}
	for o := e.slot.obj; o != nil; o = o.Base {
		if s.deferredObj.Get(o) == k {
			return true
		}
		for _, rr := range fa.byObj[o] {
			if s.dead.Get(rr) == k || s.deferred.Get(rr) == k {
				return true
			}
		}
		if o.Kind != KindOwned {
			break
		}
	}
	return false
}

// deadAtExit returns the kill that leaves r dangling once the function has returned: an earlier
// kill, or one a pending defer performs.
func (fa *funcAnalysis) deadAtExit(s *state, r *root) *kill {
	if k := s.dead.Get(r); k != nil && !k.vacuous {
		return k
	}
	if k := s.deferred.Get(r); k != nil {
		return k
	}
	if r.obj != nil && r.obj != objTop {
		if k := s.deferredObj.Get(r.obj); k != nil {
			return k
		}
	}
	return fa.deferredPut(s, r)
}

// deferredPut returns the deferred Put that gives back the object r was loaded from (see
// killLoadedFrom), the earliest if several do.
func (fa *funcAnalysis) deferredPut(s *state, r *root) *kill {
	if !isSlice(r.v.Type()) {
		return nil
	}
	var found *kill
	consider := func(o *Object, k *kill) {
		if k.kind == KillPut && o != nil && loadedFrom(r, o) && (found == nil || k.pos < found.pos) {
			found = k
		}
	}
	for o, k := range s.deferredObj.Map() {
		consider(o, k)
	}
	for dr, k := range s.deferred.Map() {
		consider(dr.obj, k)
	}
	return found
}

// extract gives a component of a call's results its root, from the callee's summary.
func (fa *funcAnalysis) extract(s *state, e *ssa.Extract) {
	ci, ok := fa.calls[e.Tuple]
	if !ok {
		ci = callInfo{sum: &Summary{}} // a tuple the model did not see made: a receive, a lookup
	}
	if !isTracked(e.Type()) {
		return
	}
	fa.result(s, e, ci, e.Index)
}

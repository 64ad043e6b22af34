package memmodel

import "golang.org/x/tools/go/ssa"

// Reallocation.
//
// C.realloc(p, m) returns a block whose first min(n, m) bytes are p's old contents (n its old
// size) and whose grown tail [n, m) is uninitialized. When both sizes are constants the model
// knows, the new block is tracked like C.malloc's: written below n as the old one was (all of
// it, for an old block that started initialized: C.calloc's, C.CString's), not written past n.
// An old block of unknown size leaves the new one untracked, which is silent.

// reallocated returns the path of the input a call's summary reallocates, whose block the
// result replaces: p0 for C.realloc, *p0 for cgo's wrapper closure, which captures p.
func reallocated(sum *Summary) (Path, bool) {
	for _, k := range sum.Kills {
		if k.Kind == KillRealloc {
			return k.Path, true
		}
	}
	return Path{}, false
}

// constSize returns the size an allocation's result has when its size arguments are constants,
// or 0.
func constSize(res Result, inputs []ssa.Value) int64 {
	if !res.Sized {
		return 0
	}
	n := int64(1)
	for _, a := range res.SizeArgs {
		if a >= len(inputs) {
			return 0
		}
		c, ok := intConst(inputs[a])
		if !ok || c <= 0 {
			return 0
		}
		n = mulSat(n, c)
	}
	return addSat(mulSat(n, int64(res.SizeMul)), int64(res.SizeAdd))
}

// reallocTail marks the block o, which a realloc of old returned, as written where the old
// block was and uninitialized in its grown tail, when both sizes are known.
func (fa *funcAnalysis) reallocTail(s *state, o *Object, inputs []ssa.Value, old Path) {
	r, oldObj := fa.resolve(s, inputs, old)
	if r != nil {
		oldObj = r.obj
	}
	if oldObj == nil || oldObj.Kind != KindCHeap || oldObj.size <= 0 || o.size <= oldObj.size {
		return
	}
	n := oldObj.size
	prefix := (*writeSet)(nil).add(0, n)
	if oldObj.Uninit {
		prefix = s.written.m[oldObj].clip(n)
	}
	o.Uninit = true
	if prefix != nil {
		s.written.set(o, prefix)
		for h := range s.active.m {
			s.first.set(firstKey{o, h}, prefix)
		}
	}
}

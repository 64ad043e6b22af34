package memmodel

import (
	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"golang.org/x/tools/go/ssa"
)

// Writes at offsets that are not constants: the fill loop.
//
//	p := (*[1 << 20]uint64)(C.malloc(C.size_t(8 * n)))
//	for i := 0; i < n-1; i++ {
//		p[i] = 0                  // a site: bytes [8*i, 8*i+8) for every i the loop reaches
//	}
//	return p[n-1]                 // offset 8n-8: past every byte the site wrote
//
// A store whose address the model cannot reduce to a constant offset is a site of the written
// set (domain.RangeSet.AddSite), not Any. The set does not know a site's bytes; the range
// analysis does, once the dataflow is done: a read is decided against each site in the final
// sweep. A read misses a site when its bytes lie, for every value the offsets take, above
// everything the site may have written or below it:
//   - by intervals: the site's largest end is at most the read's smallest offset, or the other
//     way round (a loop from 1 and a read of slot 0);
//   - by a symbolic bound: an upper bound u of the site's offset (i < n-1 makes u = 8n-16) and a
//     read at u+8 or past it, in the same multiple of the same atom.
//
// The atom must have one value for both: a parameter, a constant, or a value computed outside
// every loop. Anything else may have changed between the write and the read, and the read is
// taken to meet the site. When the range analysis cannot decide, or gave up, a site meets
// every read: silence, as the Any it replaces.

// A writeSite is a store at an offset the dataflow could not compute.
type writeSite struct {
	addr  ssa.Value
	instr ssa.Instruction
	size  int64
}

// maxSitesPerFunc bounds the sites one function numbers; past it, a write is Any.
const maxSitesPerFunc = 1 << 12

// siteIf returns the number of the store instr of size bytes at addr, numbering it on first
// sight; ok is false when the write cannot be a site: into memory that is not born
// uninitialized (pooled memory keeps its writes coarse), of an unknown size, by a copy, or in
// a generic body.
func (fa *funcAnalysis) siteIf(uninit bool, addr ssa.Value, size int64, instr ssa.Instruction) (int32, bool) {
	if !uninit || instr == nil || size <= 0 || isGeneric(fa.fn) {
		return 0, false
	}
	if id, ok := fa.siteOf[instr]; ok {
		return id, true
	}
	if len(fa.sites) >= maxSitesPerFunc {
		return 0, false
	}
	if fa.siteOf == nil {
		fa.siteOf = map[ssa.Instruction]int32{}
	}
	id := int32(len(fa.sites))
	fa.sites = append(fa.sites, writeSite{addr, instr, size})
	fa.siteOf[instr] = id
	return id, true
}

// mayOverlap reports whether the read of size bytes through addr at instr may read a byte of w,
// what may have been written into o. lo and hi are the read's constant extent, lo < 0 if it has
// none.
func (fa *funcAnalysis) mayOverlap(w *domain.RangeSet, o *Object, addr ssa.Value, size int64, instr ssa.Instruction, lo, hi int64) bool {
	switch {
	case w == nil:
		return false
	case w.OverlapsKnown(lo, hi):
		return true
	case len(w.Sites()) == 0:
		return false // known ranges only, and lo >= 0: OverlapsKnown decided
	case size <= 0 || isGeneric(fa.fn):
		return true
	}
	ra := fa.rangesOf()
	if ra.unstable {
		return true
	}
	b, idx := fa.instrAt(instr)
	rd, ro := ra.offAtRoot(addr, b, idx)
	if ro != o || rd.num.IsEmpty() {
		return true
	}
	for _, id := range w.Sites() {
		st := fa.sites[id]
		wb, widx := fa.instrAt(st.instr)
		wr, wo := ra.offAtRoot(st.addr, wb, widx)
		if wo != o || !ra.disjoint(wr, st.size, wb, widx, rd, size) {
			return true
		}
	}
	return false
}

// disjoint reports whether a write of ws bytes at offset w (at instruction widx of block wb) and
// a read of rs bytes at offset r touch no common byte, for every value the offsets take.
func (ra *rangeAnalysis) disjoint(w offVal, ws int64, wb *ssa.BasicBlock, widx int, r offVal, rs int64) bool {
	if w.num.IsEmpty() {
		return true // the write is not reachable
	}
	if w.num.HasHi() && r.num.HasLo() && w.num.Hi+ws <= r.num.Lo {
		return true
	}
	if r.num.HasHi() && w.num.HasLo() && r.num.Hi+rs <= w.num.Lo {
		return true
	}
	if !r.sym || r.l.IsConst() || !ra.fa.invariant(r.l.X) {
		return false
	}
	if w.sym && w.l.Comparable(r.l) && r.l.K+rs <= w.l.K {
		return true // the read ends where the write starts, or before
	}
	var ubs []lin
	if w.sym && !w.l.IsConst() {
		ubs = append(ubs, w.l)
		ubs = append(ubs, ra.ubsAt(w.l, wb, widx)...)
	}
	for _, u := range ubs {
		if u.Comparable(r.l) && u.K+ws <= r.l.K {
			return true
		}
	}
	return false
}

// invariant reports whether atom x has one value wherever the function reads it: a parameter,
// a constant, a free variable or global, or a value computed outside every loop.
func (fa *funcAnalysis) invariant(x atom) bool {
	switch v := x.v.(type) {
	case *ssa.Parameter, *ssa.Const, *ssa.FreeVar, *ssa.Global:
		return true
	case ssa.Instruction:
		return v.Block() != nil && !fa.inLoop[v.Block()]
	}
	return false
}

// instrAt returns instr's block and index in it.
func (fa *funcAnalysis) instrAt(instr ssa.Instruction) (*ssa.BasicBlock, int) {
	if fa.instrIdx == nil {
		fa.instrIdx = map[ssa.Instruction]int{}
		for _, b := range fa.fn.Blocks {
			for i, in := range b.Instrs {
				fa.instrIdx[in] = i
			}
		}
	}
	return instr.Block(), fa.instrIdx[instr]
}

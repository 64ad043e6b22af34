package memmodel

import (
	"go/token"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"golang.org/x/tools/go/ssa"
)

// A status is what the range analysis concluded of an extent.
type status uint8

const (
	unknown status = iota // silence: the model cannot tell
	safe                  // proved inside the object
	bad                   // outside on a path the model knows to be feasible
)

// A verdict is the witness of a bad extent, for the message.
type verdict struct {
	may, below        bool
	offset, end, size lin
	hasOffset         bool
	over              int64
}

// judge decides whether [off, off+need) may leave an object of the given size.
//
// Proofs come first: the numeric end below the smallest size, or a symbolic bound of the end
// by the size's own atom (i+8 <= len(b)). Then a violation needs a witness: numeric (the
// largest end past the largest size), or symbolic (an upper bound of the end that exceeds the
// size by a constant, such as i <= n against C.malloc(n)). A symbolic witness counts only when
// the end's atom has no other upper bound: a guard the model cannot relate to the size (i < m,
// i < len(b)/8) may be what keeps the program in bounds, and then the model stays silent.
//
// eval computes the offset and the extent's length; it runs twice, the second time restricted
// to the ranges a witness may use.
func (ra *rangeAnalysis) judge(eval func() (offVal, Interval), need lin, size sizeInfo, b *ssa.BasicBlock, idx int, atStart bool) (verdict, status) {
	off, needNum := eval()
	if off.num.IsEmpty() || needNum.IsEmpty() {
		return verdict{}, safe // not reachable
	}
	var offW offVal
	var needW Interval
	ra.withWitness(func() { offW, needW = eval() })
	if atStart && offW.num.HasLo() && offW.num.Lo < 0 {
		return verdict{below: true, may: offW.num.Hi >= 0, offset: lin{K: offW.num.Lo}, hasOffset: true,
			size: sizeLin(size)}, bad
	}
	endNum := off.num.Add(needNum)
	if endNum.HasHi() && endNum.Hi <= size.num.Lo {
		return verdict{}, safe
	}
	end, endSym := lin{}, false
	if off.sym {
		end, endSym = off.l.Sum(need)
	}
	symbolic := endSym && size.sym && !size.l.IsConst() && !end.IsConst()
	lo := ra.sizeAtomLo(size, b, idx)
	if symbolic {
		if end.X == size.l.X {
			return ra.sameAtom(end, need, off, size, lo)
		}
		for _, u := range ra.ubsAt(end, b, idx) {
			if u.X == size.l.X && provedLE(u, size.l, lo) {
				return verdict{}, safe
			}
		}
	}
	// The witness's end is the proof's or inside it (it drops refinements, which only shrink).
	// A witness that states no upper bound (an opaque or narrowed value) shows nothing, even if
	// the proof's range, from types, is bounded.
	if endW := offW.num.Add(needW).Meet(endNum); offW.num.Add(needW).HasHi() && endW.HasHi() &&
		size.num.HasHi() && endW.Hi > size.num.Hi {
		return verdict{may: !(endW.HasLo() && endW.Lo > size.num.Hi), offset: lin{K: endW.Hi - needW.Hi},
			hasOffset: true, end: lin{K: endW.Hi}, size: sizeLin(size), over: endW.Hi - size.num.Hi}, bad
	}
	if v, ok := ra.statedShort(offW, needW, size, b, idx); ok {
		return v, bad
	}
	if symbolic && !ra.doubt(end, size.l, b, idx) {
		var ubs []lin
		ra.withWitness(func() { ubs = ra.ubsAt(end, b, idx) })
		return symWitness(ubs, need, size)
	}
	return verdict{}, unknown
}

// statedShort decides a fixed extent of an object whose size is symbolic (len(b)) by what the
// program states about the size: a condition that bounds it from below by less than the extent's
// end (if len(b) >= 4, then an 8-byte read at byte 0) is the programmer's own statement that such
// sizes reach the access: the tail read of hashing code. Bounds checks state nothing (b[0] proves
// len(b) >= 1, and says nothing of what the caller passes); nor does an unguarded size, which is
// the caller's business. witness-mode ranges keep only stated conditions.
func (ra *rangeAnalysis) statedShort(offW offVal, needW Interval, size sizeInfo, b *ssa.BasicBlock, idx int) (verdict, bool) {
	end := offW.num.Add(needW)
	if !size.sym || size.l.IsConst() || size.l.A <= 0 || !end.HasLo() || end.Lo != end.Hi {
		return verdict{}, false
	}
	var stated Interval
	ra.withWitness(func() { stated = ra.atomNum(size.l.X, b, idx, guardDepth) })
	if !stated.HasLo() || stated.Lo <= max(ra.atomBase(size.l.X).Lo, 1) {
		// No stated lower bound, or only non-emptiness (len(b) == 0 returns early), which
		// is a statement about emptiness, not about the size the access needs; other
		// conditions the model cannot read may bound it (std's reflect checks
		// len(b)%8 == 0 and len(b) != 0 before reading words).
		return verdict{}, false
	}
	least := domain.AddSat(domain.MulSat(size.l.A, stated.Lo), size.l.K)
	if least >= end.Lo || least < 0 {
		return verdict{}, false
	}
	return verdict{may: true, offset: lin{K: offW.num.Lo}, hasOffset: true, end: lin{K: end.Lo},
		size: size.l, over: end.Lo - least}, true
}

// sizeAtomLo returns the smallest value of the size's atom: the size of an allocation that
// succeeded is not negative, whatever the atom's type allows.
func (ra *rangeAnalysis) sizeAtomLo(size sizeInfo, b *ssa.BasicBlock, idx int) int64 {
	l := size.l
	if l.IsConst() || l.A <= 0 {
		return domain.NegInf
	}
	lo := -l.K / l.A // a*x + k >= 0
	if n := ra.atomNum(l.X, b, idx, guardDepth); n.HasLo() {
		lo = max(lo, n.Lo)
	}
	return lo
}

// provedLE reports whether u <= s for every value of their common atom from lo on.
func provedLE(u, s lin, lo int64) bool {
	da, dk := u.A-s.A, u.K-s.K
	switch {
	case da == 0:
		return dk <= 0
	case da < 0:
		return lo != domain.NegInf && domain.AddSat(domain.MulSat(da, lo), dk) <= 0
	}
	return false
}

// sameAtom decides an end that is linear in the size's own atom: end - size = da*x + dk.
// With da == 0 the difference holds on every execution; with da > 0 it grows with x, so the
// end passes the size for all but small sizes (8*n bytes over C.malloc(n)).
func (ra *rangeAnalysis) sameAtom(end, need lin, off offVal, size sizeInfo, lo int64) (verdict, status) {
	if provedLE(end, size.l, lo) {
		return verdict{}, safe
	}
	da, dk := end.A-size.l.A, end.K-size.l.K
	if da < 0 {
		return verdict{}, unknown // past the end only for small sizes the model cannot rule out
	}
	v := verdict{end: end, size: size.l, over: dk, may: da > 0}
	if off.sym {
		v.offset, v.hasOffset = off.l, true
	}
	return v, bad
}

func symWitness(ubs []lin, need lin, size sizeInfo) (verdict, status) {
	// Every bound holds at once: the witness is the tightest in the size's atom (i < len(b)
	// from the loop, i <= len(b)-4 from a guard inside it: at most 4 bytes remain).
	var tight lin
	found := false
	for _, u := range ubs {
		if u.X == size.l.X && (!found || u.A < tight.A || u.A == tight.A && u.K < tight.K) {
			tight, found = u, true
		}
	}
	if !found || !(tight.A > size.l.A || tight.A == size.l.A && tight.K > size.l.K) {
		return verdict{}, unknown
	}
	v := verdict{may: true, end: tight, size: size.l, over: tight.K - size.l.K}
	if need.IsConst() {
		v.offset, v.hasOffset = tight.Plus(-need.K), true
	}
	return v, bad
}

// doubt reports whether end's atom is bounded by something the model cannot relate to target:
// a numeric bound tighter than its type's, or a symbolic bound in another atom.
func (ra *rangeAnalysis) doubt(end, target lin, b *ssa.BasicBlock, idx int) bool {
	x := end.X
	if n := ra.atomNum(x, b, idx, guardDepth); n.HasHi() && (x.op != atomValue || n.Hi < typeRange(x.v.Type()).Hi) {
		return true
	}
	for _, g := range ra.guardsOf(x) {
		if g.holds(b, idx) && isUpper(g.op) && (g.b.IsConst() || g.b.X != target.X) {
			return true
		}
	}
	if x.op == atomValue {
		for _, u := range ra.of(x.v).phiUB {
			if u.X != target.X {
				return true
			}
		}
	}
	return false
}

func isUpper(op token.Token) bool { return op == token.LSS || op == token.LEQ || op == token.EQL }

func sizeLin(s sizeInfo) lin {
	if s.num.Lo == s.num.Hi {
		return lin{K: s.num.Hi}
	}
	if s.sym {
		return s.l
	}
	return lin{K: s.num.Hi}
}

// access renders a verdict as an Access.
func (ra *rangeAnalysis) access(kind AccessKind, op string, obj *Object, v verdict) *Access {
	acc := &Access{Kind: kind, Op: op, Obj: obj, May: v.may, Below: v.below, Over: v.over, Named: true}
	var ok [3]bool
	acc.Offset, ok[0] = ra.fa.bound(v.offset)
	acc.End, ok[1] = ra.fa.bound(v.end)
	acc.Size, ok[2] = ra.fa.bound(v.size)
	acc.Named = ok[0] && ok[1] && ok[2] && (v.hasOffset || kind == AccSlice)
	return acc
}

package domain

import (
	"fmt"
	"slices"
	"strings"
)

// A RangeSet is a set of byte ranges [lo, hi) of one object, or Any: every byte. The model uses
// it as a may-set of written bytes, whose join is Union. A RangeSet is immutable: states share
// it and replace it on change. The nil *RangeSet is the empty set, and every method accepts it.
//
// Besides ranges at constant offsets, a set may hold sites: writes at offsets that are not
// constants (p[i] in a fill loop), named by a number the client gives each write instruction.
// What bytes a site covers is the client's to compute (an offset range, a symbolic bound); to
// the set a site is a write that may have reached any byte, except where the client proves
// otherwise. A set holds at most MaxSites sites: one more makes it Any.
type RangeSet struct {
	any    bool       // every byte: a write at an unknown offset, or an opaque call that may have written
	ranges [][2]int64 // byte ranges [lo, hi) at known offsets, sorted by lo
	sites  []int32    // writes at offsets the set does not know, sorted
}

// MaxSites bounds the sites of one set, so that the written sets of a loop converge.
const MaxSites = 8

// Any is the set of every byte.
var Any = &RangeSet{any: true}

// IsAny reports whether w is Any, the set of every byte.
func (w *RangeSet) IsAny() bool { return w != nil && w.any }

// Add returns w with [lo, hi) added; w itself if one of its ranges holds [lo, hi).
func (w *RangeSet) Add(lo, hi int64) *RangeSet {
	if w.IsAny() {
		return w
	}
	if w != nil && slices.ContainsFunc(w.ranges, func(r [2]int64) bool { return r[0] <= lo && hi <= r[1] }) {
		return w // already written: a loop's write adds nothing the second time, and the states converge
	}
	n := &RangeSet{}
	if w != nil {
		n.ranges = slices.Clone(w.ranges)
		n.sites = w.sites
	}
	n.ranges = append(n.ranges, [2]int64{lo, hi})
	slices.SortFunc(n.ranges, byLo)
	return n
}

func byLo(a, b [2]int64) int { return int(a[0] - b[0]) }

// AddSite returns w with the write site id added; w itself if it holds it; Any if w already
// holds MaxSites sites.
func (w *RangeSet) AddSite(id int32) *RangeSet {
	if w.IsAny() || w != nil && slices.Contains(w.sites, id) {
		return w
	}
	n := &RangeSet{}
	if w != nil {
		if len(w.sites) >= MaxSites {
			return Any
		}
		n.ranges = w.ranges
		n.sites = slices.Clone(w.sites)
	}
	n.sites = append(n.sites, id)
	slices.Sort(n.sites)
	return n
}

// Sites returns the write sites of w, sorted; nil for Any.
func (w *RangeSet) Sites() []int32 {
	if w == nil || w.any {
		return nil
	}
	return w.sites
}

// Clip returns the part of w below n: what a realloc keeps of a block of n bytes. Nothing is
// the nil set; Any stays Any.
func (w *RangeSet) Clip(n int64) *RangeSet {
	if w == nil || w.any {
		return w
	}
	c := &RangeSet{sites: w.sites} // a site's bytes below n stay written; the set cannot tell which
	for _, r := range w.ranges {
		if r[0] < n {
			c.ranges = append(c.ranges, [2]int64{r[0], min(r[1], n)})
		}
	}
	if len(c.ranges) == 0 && len(c.sites) == 0 {
		return nil
	}
	return c
}

// Union returns the set of the bytes in w or v. It returns w itself when v adds nothing that
// Equal would tell apart, so that a caller can test for change with ==.
func (w *RangeSet) Union(v *RangeSet) *RangeSet {
	switch {
	case w == nil:
		return v
	case v == nil || w.Equal(v):
		return w
	case w.any || v.any:
		return Any
	}
	n := &RangeSet{ranges: append(slices.Clone(w.ranges), v.ranges...)}
	slices.SortFunc(n.ranges, byLo)
	n.ranges = slices.Compact(n.ranges)
	if len(v.sites) > 0 {
		n.sites = append(slices.Clone(w.sites), v.sites...)
		slices.Sort(n.sites)
		n.sites = slices.Compact(n.sites)
		if len(n.sites) > MaxSites {
			return Any
		}
	} else {
		n.sites = w.sites
	}
	return n
}

// Equal reports whether w and v hold the same ranges.
func (w *RangeSet) Equal(v *RangeSet) bool {
	return w == v || (w != nil && v != nil && w.any == v.any && slices.Equal(w.ranges, v.ranges) &&
		slices.Equal(w.sites, v.sites))
}

// Overlaps reports whether some byte of [lo, hi) may be in w; lo < 0 stands for an unknown
// offset, which any nonempty set may reach, and so may a site. A client that can say which
// bytes its sites cover asks OverlapsKnown and decides the sites itself.
func (w *RangeSet) Overlaps(lo, hi int64) bool {
	return w != nil && (len(w.sites) > 0 || w.OverlapsKnown(lo, hi))
}

// OverlapsKnown reports whether some byte of [lo, hi) is in one of w's ranges at known
// offsets, or w is Any; its sites are left out.
func (w *RangeSet) OverlapsKnown(lo, hi int64) bool {
	switch {
	case w == nil:
		return false
	case w.any || (lo < 0 && len(w.ranges) > 0):
		return true
	}
	for _, r := range w.ranges {
		if r[0] < hi && lo < r[1] {
			return true
		}
	}
	return false
}

// Covers reports whether every byte of [lo, hi) is in w: always for an empty range and for
// Any; never for an unknown offset (lo < 0) otherwise. Sites cover nothing for certain.
func (w *RangeSet) Covers(lo, hi int64) bool {
	switch {
	case w.IsAny():
		return true
	case lo < 0:
		return false
	case lo >= hi:
		return true
	case w == nil:
		return false
	}
	next := lo // the first byte not yet covered
	for _, r := range w.ranges {
		if r[0] > next {
			return false // ranges are sorted by lo: none after r covers next either
		}
		next = max(next, r[1])
		if next >= hi {
			return true
		}
	}
	return false
}

// String shows the set as the model's debug output and the tests do: {} for the empty set,
// {any}, {[0,8) [16,24)}.
func (w *RangeSet) String() string {
	if w.IsAny() {
		return "{any}"
	}
	var b strings.Builder
	b.WriteByte('{')
	if w != nil {
		for i, r := range w.ranges {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "[%d,%d)", r[0], r[1])
		}
		for i, id := range w.sites {
			if i > 0 || len(w.ranges) > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "site%d", id)
		}
	}
	b.WriteByte('}')
	return b.String()
}

// Ranges returns the ranges of w, sorted by lo, and whether w is a finite set: not Any, and
// without sites, whose bytes it cannot list.
func (w *RangeSet) Ranges() ([][2]int64, bool) {
	if w.IsAny() || w != nil && len(w.sites) > 0 {
		return nil, false
	}
	if w == nil {
		return nil, true
	}
	return slices.Clone(w.ranges), true
}

// RangesOf returns the set of the given ranges.
func RangesOf(rs [][2]int64) *RangeSet {
	var w *RangeSet
	for _, r := range rs {
		w = w.Add(r[0], r[1])
	}
	return w
}

package domain

import "testing"

// set builds a RangeSet by adding each [lo, hi) pair in turn.
func set(rs ...[2]int64) *RangeSet { return RangesOf(rs) }

func TestRangeSetRanges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		w      *RangeSet
		finite bool
		n      int
	}{
		{"empty", nil, true, 0},
		{"two", set([2]int64{16, 24}, [2]int64{0, 8}), true, 2},
		{"any", Any, false, 0},
	} {
		rs, finite := tc.w.Ranges()
		if finite != tc.finite || len(rs) != tc.n {
			t.Errorf("%s: Ranges() = %v, %v; want %d ranges, finite %v", tc.name, rs, finite, tc.n, tc.finite)
		}
		if finite && !RangesOf(rs).Equal(tc.w) {
			t.Errorf("%s: RangesOf(Ranges()) = %s, want %s", tc.name, RangesOf(rs), tc.w)
		}
	}
}

func TestRangeSetAdd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		w    *RangeSet
		want string
	}{
		{"empty", nil, "{}"},
		{"one", set([2]int64{0, 8}), "{[0,8)}"},
		{"sorted", set([2]int64{16, 24}, [2]int64{0, 8}), "{[0,8) [16,24)}"},
		{"any absorbs", Any.Add(0, 8), "{any}"},
	} {
		if got := tc.w.String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	w := set([2]int64{0, 8})
	if w.Add(8, 16); w.String() != "{[0,8)}" {
		t.Errorf("Add wrote its receiver: %s", w)
	}
	if w.Add(0, 8) != w || w.Add(2, 6) != w || w.Add(3, 3) != w {
		t.Error("adding a range the set holds made a new set")
	}
	if got := w.Add(4, 12).String(); got != "{[0,8) [4,12)}" {
		t.Errorf("adding a range that sticks out = %s, want {[0,8) [4,12)}", got)
	}
}

func TestRangeSetUnion(t *testing.T) {
	t.Parallel()
	a := set([2]int64{0, 8})
	for _, tc := range []struct {
		name string
		w, v *RangeSet
		want string
	}{
		{"nil nil", nil, nil, "{}"},
		{"nil left", nil, a, "{[0,8)}"},
		{"nil right", a, nil, "{[0,8)}"},
		{"disjoint", a, set([2]int64{16, 24}), "{[0,8) [16,24)}"},
		{"duplicates go", a, set([2]int64{0, 8}, [2]int64{32, 40}), "{[0,8) [32,40)}"},
		{"any left", Any, a, "{any}"},
		{"any right", a, Any, "{any}"},
	} {
		if got := tc.w.Union(tc.v).String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	// Union returns its receiver when nothing changes, so that callers can test with ==.
	if b := set([2]int64{0, 8}); a.Union(b) != a || a.Union(nil) != a {
		t.Error("a union that adds nothing returned a new set")
	}
}

func TestRangeSetEqual(t *testing.T) {
	t.Parallel()
	a := set([2]int64{0, 8}, [2]int64{16, 24})
	for _, tc := range []struct {
		name string
		w, v *RangeSet
		want bool
	}{
		{"nil nil", nil, nil, true},
		{"nil set", nil, a, false},
		{"same", a, a, true},
		{"built apart", a, set([2]int64{16, 24}, [2]int64{0, 8}), true},
		{"different", a, set([2]int64{0, 8}), false},
		{"any any", Any, &RangeSet{any: true}, true},
		{"any set", Any, a, false},
	} {
		if got := tc.w.Equal(tc.v); got != tc.want {
			t.Errorf("%s: Equal = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRangeSetOverlapsCovers(t *testing.T) {
	t.Parallel()
	disjoint := set([2]int64{0, 8}, [2]int64{16, 24})
	adjacent := set([2]int64{8, 16}, [2]int64{0, 8})
	nested := set([2]int64{0, 32}, [2]int64{8, 16})
	overlapping := set([2]int64{4, 12}, [2]int64{0, 8})
	for _, tc := range []struct {
		name             string
		w                *RangeSet
		lo, hi           int64
		overlaps, covers bool
	}{
		{"nil", nil, 0, 8, false, false},
		{"nil unknown offset", nil, -1, -1, false, false},
		{"nil empty range", nil, 3, 3, false, true},
		{"any", Any, 100, 108, true, true},
		{"any unknown offset", Any, -1, -1, true, true},
		{"inside", disjoint, 2, 6, true, true},
		{"exactly", disjoint, 16, 24, true, true},
		{"in the gap", disjoint, 8, 16, false, false},
		{"across the gap", disjoint, 4, 20, true, false},
		{"touching the end", disjoint, 24, 32, false, false},
		{"unknown offset", disjoint, -1, -1, true, false},
		{"across adjacent", adjacent, 4, 12, true, true},
		{"all adjacent", adjacent, 0, 16, true, true},
		{"past adjacent", adjacent, 12, 17, true, false},
		{"inside nested", nested, 20, 30, true, true},
		{"across nested", nested, 4, 20, true, true},
		{"past nested", nested, 30, 33, true, false},
		{"across overlapping", overlapping, 0, 12, true, true},
		{"negative offset is unknown", overlapping, -8, 0, true, false},
	} {
		if got := tc.w.Overlaps(tc.lo, tc.hi); got != tc.overlaps {
			t.Errorf("%s: %s.Overlaps(%d, %d) = %v, want %v", tc.name, tc.w, tc.lo, tc.hi, got, tc.overlaps)
		}
		if got := tc.w.Covers(tc.lo, tc.hi); got != tc.covers {
			t.Errorf("%s: %s.Covers(%d, %d) = %v, want %v", tc.name, tc.w, tc.lo, tc.hi, got, tc.covers)
		}
	}
}

func TestRangeSetClip(t *testing.T) {
	t.Parallel()
	w := set([2]int64{0, 8}, [2]int64{16, 24})
	for _, tc := range []struct {
		name string
		w    *RangeSet
		n    int64
		want string
	}{
		{"nil", nil, 8, "{}"},
		{"any", Any, 8, "{any}"},
		{"above all", w, 32, "{[0,8) [16,24)}"},
		{"at a range's end", w, 24, "{[0,8) [16,24)}"},
		{"through a range", w, 20, "{[0,8) [16,20)}"},
		{"in the gap", w, 12, "{[0,8)}"},
		{"through the first", w, 4, "{[0,4)}"},
		{"below all", w, 0, "{}"},
	} {
		if got := tc.w.Clip(tc.n).String(); got != tc.want {
			t.Errorf("%s: %s.Clip(%d) = %s, want %s", tc.name, tc.w, tc.n, got, tc.want)
		}
	}
	if w.Clip(0) != nil {
		t.Error("clipping every range off left a non-nil set")
	}
}

func TestRangeSetSites(t *testing.T) {
	t.Parallel()
	one := set([2]int64{0, 8}).AddSite(3)
	full := (*RangeSet)(nil)
	for i := range int32(MaxSites) {
		full = full.AddSite(i)
	}
	for _, tc := range []struct {
		name string
		w    *RangeSet
		want string
	}{
		{"site on empty", (*RangeSet)(nil).AddSite(2), "{site2}"},
		{"range and site", one, "{[0,8) site3}"},
		{"same site twice", one.AddSite(3), "{[0,8) site3}"},
		{"sorted", one.AddSite(1), "{[0,8) site1 site3}"},
		{"add keeps sites", one.Add(16, 24), "{[0,8) [16,24) site3}"},
		{"union of sites", one.Union((*RangeSet)(nil).AddSite(1)), "{[0,8) site1 site3}"},
		{"union with ranges only", set([2]int64{8, 16}).Union(one), "{[0,8) [8,16) site3}"},
		{"clip keeps sites", one.Clip(4), "{[0,4) site3}"},
		{"clip to nothing keeps sites", one.Clip(0), "{site3}"},
		{"one past the bound", full.AddSite(MaxSites), "{any}"},
		{"union past the bound", full.Union((*RangeSet)(nil).AddSite(MaxSites)), "{any}"},
		{"any absorbs", Any.AddSite(1), "{any}"},
	} {
		if got := tc.w.String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	if one.AddSite(3) != one {
		t.Error("adding a site the set holds made a new set")
	}
	if !one.Overlaps(100, 108) || one.OverlapsKnown(100, 108) || !one.OverlapsKnown(4, 12) {
		t.Error("a site may reach any byte for Overlaps, and no byte for OverlapsKnown")
	}
	if one.Covers(0, 16) || !one.Covers(0, 8) {
		t.Error("a site covers nothing for certain")
	}
	if _, finite := one.Ranges(); finite {
		t.Error("a set with sites is not a finite list of ranges")
	}
	if one.Equal(set([2]int64{0, 8})) || !one.Equal(set([2]int64{0, 8}).AddSite(3)) {
		t.Error("Equal must tell sets with other sites apart")
	}
	if got := one.Sites(); len(got) != 1 || got[0] != 3 || Any.Sites() != nil {
		t.Errorf("Sites() = %v", got)
	}
}

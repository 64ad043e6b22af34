package domain

import (
	"maps"
	"reflect"
	"testing"
)

// TestCOWIsolation checks that a state's clone and its source never see each other's writes,
// whichever writes first, and that a delete of an absent key copies nothing.
func TestCOWIsolation(t *testing.T) {
	t.Parallel()
	var src COW[int, string]
	src.Set(1, "a")
	c := src.Clone()
	c.Del(2) // absent: still shared
	if !c.shared {
		t.Fatal("deleting an absent key copied the map")
	}
	c.Set(2, "b")
	c.Del(1)
	if want := map[int]string{1: "a"}; !maps.Equal(src.Map(), want) {
		t.Errorf("source after the clone's writes = %v, want %v", src.Map(), want)
	}
	d := src.Clone()
	src.Set(3, "c") // the source writes first
	if want := map[int]string{1: "a"}; !maps.Equal(d.Map(), want) {
		t.Errorf("clone after the source's write = %v, want %v", d.Map(), want)
	}
	if want := map[int]string{2: "b"}; !maps.Equal(c.Map(), want) {
		t.Errorf("first clone = %v, want %v", c.Map(), want)
	}
	var empty COW[int, string]
	e := empty.Clone()
	e.Set(1, "x")
	if empty.Map() != nil {
		t.Errorf("writing the clone of an empty map wrote its source: %v", empty.Map())
	}
}

// TestCOWSharing checks when maps are shared and when copied: a clone shares until a write, a
// write to an unshared map does not copy it, and reads never copy.
func TestCOWSharing(t *testing.T) {
	t.Parallel()
	var src COW[string, int]
	src.Set("a", 1)
	before := src.Map()
	src.Set("b", 2)
	if !sameMap(before, src.Map()) {
		t.Error("a write to an unshared map copied it")
	}
	c := src.Clone()
	if !sameMap(c.Map(), src.Map()) || !c.shared || !src.shared {
		t.Fatal("a clone does not share its source's map")
	}
	if v := c.Get("a"); v != 1 {
		t.Errorf(`Get("a") = %d, want 1`, v)
	}
	if v, ok := c.Lookup("z"); ok || v != 0 {
		t.Errorf(`Lookup("z") = %d, %v; want 0, false`, v, ok)
	}
	if n := c.Len(); n != 2 {
		t.Errorf("Len() = %d, want 2", n)
	}
	if !sameMap(c.Map(), src.Map()) {
		t.Error("reads copied the map")
	}
	c.Del("a")
	if sameMap(c.Map(), src.Map()) || c.shared {
		t.Error("a delete of a present key did not copy the shared map")
	}
	owned := c.Map()
	c.Set("c", 3)
	if !sameMap(owned, c.Map()) {
		t.Error("a second write copied the map again")
	}
	var z COW[string, int]
	zc := z.Clone()
	if zc.Map() != nil || z.shared {
		t.Error("cloning an empty map made one, or marked it shared")
	}
}

// sameMap reports whether a and b are the same map, not merely equal ones.
func sameMap[K comparable, V any](a, b map[K]V) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

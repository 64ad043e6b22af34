package memmodel

import (
	"maps"
	"testing"
)

// TestCowIsolation checks that a state's clone and its source never see each other's writes,
// whichever writes first, and that a delete of an absent key copies nothing.
func TestCowIsolation(t *testing.T) {
	var src cow[int, string]
	src.set(1, "a")
	c := src.clone()
	c.del(2) // absent: still shared
	if !c.shared {
		t.Fatal("deleting an absent key copied the map")
	}
	c.set(2, "b")
	c.del(1)
	if want := map[int]string{1: "a"}; !maps.Equal(src.m, want) {
		t.Errorf("source after the clone's writes = %v, want %v", src.m, want)
	}
	d := src.clone()
	src.set(3, "c") // the source writes first
	if want := map[int]string{1: "a"}; !maps.Equal(d.m, want) {
		t.Errorf("clone after the source's write = %v, want %v", d.m, want)
	}
	if want := map[int]string{2: "b"}; !maps.Equal(c.m, want) {
		t.Errorf("first clone = %v, want %v", c.m, want)
	}
	var empty cow[int, string]
	e := empty.clone()
	e.set(1, "x")
	if empty.m != nil {
		t.Errorf("writing the clone of an empty map wrote its source: %v", empty.m)
	}
}

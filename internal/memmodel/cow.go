package memmodel

import "maps"

// A cow is a map that states share until one of them writes it (copy on write). Cloning the
// states of every block was a fifth of the model's time: most blocks change few of a state's
// maps, or none, and a join of equal maps changes nothing, so most clones were never written.
//
// The zero cow is an empty map. A cow that clone returned may share its map with others and
// copies it on its first write; a state stored as a block's out state is never written again
// (entryState clones it), which is what makes sharing safe.
type cow[K comparable, V any] struct {
	m      map[K]V
	shared bool
}

// clone returns a cow that shares c's map until either is written.
func (c *cow[K, V]) clone() cow[K, V] {
	c.shared = c.m != nil
	return cow[K, V]{m: c.m, shared: c.shared}
}

// own makes c's map its own, and not nil, before a write.
func (c *cow[K, V]) own() {
	switch {
	case c.m == nil:
		c.m = map[K]V{}
	case c.shared:
		c.m = maps.Clone(c.m)
	}
	c.shared = false
}

func (c *cow[K, V]) set(k K, v V) {
	c.own()
	c.m[k] = v
}

// del deletes k; deleting an absent key does not copy the map.
func (c *cow[K, V]) del(k K) {
	if _, ok := c.m[k]; ok {
		c.own()
		delete(c.m, k)
	}
}

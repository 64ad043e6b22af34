package domain

import "maps"

// A COW is a map that states share until one of them writes it (copy on write). Cloning the
// states of every block was a fifth of the model's time: most blocks change few of a state's
// maps, or none, and a join of equal maps changes nothing, so most clones were never written.
//
// The zero COW is an empty map. A COW that Clone returned may share its map with others and
// copies it on its first write; a state stored as a block's out state is never written again
// (the model clones it to start a block), which is what makes sharing safe. Copying a COW
// value (rather than calling Clone) shares the map without saying so: don't.
type COW[K comparable, V any] struct {
	m      map[K]V // nil while empty; read-only while shared
	shared bool    // m may be another COW's too
}

// Clone returns a COW that shares c's map until either is written.
func (c *COW[K, V]) Clone() COW[K, V] {
	c.shared = c.m != nil
	return COW[K, V]{m: c.m, shared: c.shared}
}

// own makes c's map its own, and not nil, before a write.
func (c *COW[K, V]) own() {
	switch {
	case c.m == nil:
		c.m = map[K]V{}
	case c.shared:
		c.m = maps.Clone(c.m)
	}
	c.shared = false
}

// Set maps k to v.
func (c *COW[K, V]) Set(k K, v V) {
	c.own()
	c.m[k] = v
}

// Del deletes k; deleting an absent key does not copy the map.
func (c *COW[K, V]) Del(k K) {
	if _, ok := c.m[k]; ok {
		c.own()
		delete(c.m, k)
	}
}

// Get returns the value of k, or the zero value.
func (c *COW[K, V]) Get(k K) V { return c.m[k] }

// Lookup returns the value of k and whether k is present.
func (c *COW[K, V]) Lookup(k K) (V, bool) {
	v, ok := c.m[k]
	return v, ok
}

// Len returns the number of keys.
func (c *COW[K, V]) Len() int { return len(c.m) }

// Map returns the map for reading (ranging, comparing): the caller must not write it. A range
// over it may call Set and Del, which copy the map first when it is shared; when it is not,
// Go's rules for deleting during a range apply.
func (c *COW[K, V]) Map() map[K]V { return c.m }

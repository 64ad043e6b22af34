// Package invariant0: every child of an internal B-tree node holds at least one
// item, so next.items[0] is initialized (pebble internal/manifest/btree_test.go:126).
package invariant0

type Node struct {
	items    [4]int
	count    int
	leaf     bool
	children [5]*Node
}

func (n *Node) insertAt(i, x int) {
	copy(n.items[i+1:n.count+1], n.items[i:n.count])
	n.items[i] = x
	n.count++
}

func (n *Node) Push(x int) {
	n.items[n.count] = x
	n.count++
}

func (n *Node) Sorted() bool {
	if n.leaf {
		return true
	}
	for i := 0; i < n.count; i++ {
		next := n.children[i+1]
		if n.items[i] > next.items[0] {
			return false
		}
	}
	return true
}

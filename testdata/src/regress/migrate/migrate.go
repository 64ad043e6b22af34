// Package migrate: a small-array stack that spills to a slice; the spill writes
// s[aLen] then sets aLen = -1. The slice is then pushed by append and read under
// len(s) (pebble internal/manifest/btree.go:962).
package migrate

type Stack struct {
	a    [3]int
	aLen int16 // -1 when using s
	s    []int
}

func (st *Stack) Push(f int) {
	if st.aLen == -1 {
		st.s = append(st.s, f)
	} else if int(st.aLen) == len(st.a) {
		st.s = make([]int, int(st.aLen)+1, 2*int(st.aLen))
		copy(st.s, st.a[:])
		st.s[int(st.aLen)] = f
		st.aLen = -1
	} else {
		st.a[st.aLen] = f
		st.aLen++
	}
}

func (st *Stack) Nth(n int) (int, bool) {
	if st.aLen == -1 {
		if n >= len(st.s) {
			return 0, false
		}
		return st.s[n], true
	}
	if int16(n) >= st.aLen {
		return 0, false
	}
	return st.a[n], true
}

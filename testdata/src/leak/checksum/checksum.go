// Package checksum is a helper package that cannot touch manual memory (it imports nothing that
// could): the model exports only what its functions keep of their inputs.
package checksum

// Sum adds b's bytes, eight at a time through a loop that reslices b.
func Sum(b []byte) uint32 {
	var s uint32
	for len(b) >= 8 {
		s += uint32(b[0]) + uint32(b[7])
		b = b[8:]
	}
	for _, c := range b {
		s += uint32(c)
	}
	return s
}

var last []byte

// Remember keeps b: its caller hands b on.
func Remember(b []byte) { last = b }

// update is a func variable set to one of two functions that borrow.
var update = sumFast

func sumFast(b []byte) uint32 { return Sum(b) }

func sumSlow(b []byte) uint32 {
	var s uint32
	for i := range b {
		s += uint32(b[i])
	}
	return s
}

func init() {
	if len(last) > 0 {
		update = sumSlow
	}
}

// Update sums through the variable.
func Update(b []byte) uint32 { return update(b) }

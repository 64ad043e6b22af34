package ssaq

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// StripConv removes integer and pointer conversions.
func StripConv(v ssa.Value) ssa.Value {
	for {
		switch c := v.(type) {
		case *ssa.Convert:
			v = c.X
		case *ssa.ChangeType:
			v = c.X
		default:
			return v
		}
	}
}

// IsInteger reports whether t's underlying type is an integer type.
func IsInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// IsWidening reports whether converting from to to keeps every value, or (to 64 bits) every
// value modulo 2^64, which is all address arithmetic sees.
func IsWidening(from, to types.Type) bool {
	if !IsInteger(from) || !IsInteger(to) {
		return false
	}
	return IntBits(to) > IntBits(from) || IntBits(to) == 64
}

// IntBits returns the width of the integer type t; int, uint and uintptr count as 64 bits.
// The caller's duty is that t is an integer type.
func IntBits(t types.Type) int {
	switch t.Underlying().(*types.Basic).Kind() {
	case types.Int8, types.Uint8:
		return 8
	case types.Int16, types.Uint16:
		return 16
	case types.Int32, types.Uint32:
		return 32
	}
	return 64
}

// ArrayLen returns the length of an array or pointer-to-array type.
func ArrayLen(t types.Type) (int64, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	a, ok := t.Underlying().(*types.Array)
	if !ok {
		return 0, false
	}
	return a.Len(), true
}

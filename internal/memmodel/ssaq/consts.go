package ssaq

import (
	"go/constant"

	"golang.org/x/tools/go/ssa"
)

// IntConst returns the value of v if v is an integer constant that fits in an int64.
func IntConst(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// IsZeroInt reports whether v is the integer constant 0.
func IsZeroInt(v ssa.Value) bool {
	c, ok := IntConst(v)
	return ok && c == 0
}

// IntAtLeast reports whether v is an integer constant of at least k.
func IntAtLeast(v ssa.Value, k int64) bool {
	c, ok := IntConst(v)
	return ok && c >= k
}

// IsZeroValue reports whether v is the zero value of its type (nil, 0, "", false, T{}): a
// store of it clears a slot rather than filling one.
func IsZeroValue(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.Int, constant.Float, constant.Complex:
		return constant.Sign(c.Value) == 0
	case constant.String:
		return constant.StringVal(c.Value) == ""
	case constant.Bool:
		return !constant.BoolVal(c.Value)
	}
	return false
}

package ssaq

import (
	"go/constant"
	"go/types"
	"math"
	"math/big"
	"testing"

	"golang.org/x/tools/go/ssa"
)

func intc(k int64) *ssa.Const { return ssa.NewConst(constant.MakeInt64(k), types.Typ[types.Int]) }

func TestIntConsts(t *testing.T) {
	t.Parallel()
	huge := ssa.NewConst(constant.Make(new(big.Int).Lsh(big.NewInt(1), 70)), types.Typ[types.UntypedInt])
	for _, tc := range []struct {
		name    string
		v       ssa.Value
		k       int64
		isInt   bool
		zeroInt bool
		zero    bool
		least3  bool // IntAtLeast(v, 3)
	}{
		{"0", intc(0), 0, true, true, true, false},
		{"3", intc(3), 3, true, false, false, true},
		{"-1", intc(-1), -1, true, false, false, false},
		{"MaxInt64", intc(math.MaxInt64), math.MaxInt64, true, false, false, true},
		{"beyond int64", huge, 0, false, false, false, false},
		{"nil", ssa.NewConst(nil, types.NewPointer(types.Typ[types.Int])), 0, false, false, true, false},
		{"0.0", ssa.NewConst(constant.MakeFloat64(0), types.Typ[types.Float64]), 0, false, false, true, false},
		{`""`, ssa.NewConst(constant.MakeString(""), types.Typ[types.String]), 0, false, false, true, false},
		{`"a"`, ssa.NewConst(constant.MakeString("a"), types.Typ[types.String]), 0, false, false, false, false},
		{"false", ssa.NewConst(constant.MakeBool(false), types.Typ[types.Bool]), 0, false, false, true, false},
		{"true", ssa.NewConst(constant.MakeBool(true), types.Typ[types.Bool]), 0, false, false, false, false},
		{"not a constant", &ssa.Convert{X: intc(0)}, 0, false, false, false, false},
	} {
		k, ok := IntConst(tc.v)
		if ok != tc.isInt || ok && k != tc.k {
			t.Errorf("IntConst(%s) = %d, %v; want %d, %v", tc.name, k, ok, tc.k, tc.isInt)
		}
		if got := IsZeroInt(tc.v); got != tc.zeroInt {
			t.Errorf("IsZeroInt(%s) = %v", tc.name, got)
		}
		if got := IsZeroValue(tc.v); got != tc.zero {
			t.Errorf("IsZeroValue(%s) = %v", tc.name, got)
		}
		if got := IntAtLeast(tc.v, 3); got != tc.least3 {
			t.Errorf("IntAtLeast(%s, 3) = %v", tc.name, got)
		}
	}
}

func TestStripConv(t *testing.T) {
	t.Parallel()
	c := intc(1)
	for _, tc := range []struct {
		name string
		v    ssa.Value
	}{
		{"itself", c},
		{"a conversion", &ssa.Convert{X: c}},
		{"a change of type", &ssa.ChangeType{X: c}},
		{"both, nested", &ssa.Convert{X: &ssa.ChangeType{X: &ssa.Convert{X: c}}}},
	} {
		if got := StripConv(tc.v); got != c {
			t.Errorf("StripConv(%s) = %v, want the constant", tc.name, got)
		}
	}
	ext := &ssa.Extract{Tuple: c}
	if got := StripConv(&ssa.Convert{X: ext}); got != ext {
		t.Errorf("StripConv went through an Extract: %v", got)
	}
}

func TestIntTypes(t *testing.T) {
	t.Parallel()
	named := types.NewNamed(types.NewTypeName(0, nil, "size", nil), types.Typ[types.Uint32], nil)
	for _, tc := range []struct {
		t       types.Type
		integer bool
		bits    int
	}{
		{types.Typ[types.Int8], true, 8},
		{types.Typ[types.Uint16], true, 16},
		{named, true, 32},
		{types.Typ[types.Int], true, 64},
		{types.Typ[types.Uintptr], true, 64},
		{types.Typ[types.Float64], false, 0},
		{types.NewPointer(types.Typ[types.Int]), false, 0},
	} {
		if got := IsInteger(tc.t); got != tc.integer {
			t.Errorf("IsInteger(%v) = %v", tc.t, got)
		}
		if tc.integer {
			if got := IntBits(tc.t); got != tc.bits {
				t.Errorf("IntBits(%v) = %d, want %d", tc.t, got, tc.bits)
			}
		}
	}
	i8, i32, i64 := types.Typ[types.Int8], types.Typ[types.Int32], types.Typ[types.Int64]
	u8, u64, up := types.Typ[types.Uint8], types.Typ[types.Uint64], types.Typ[types.Uintptr]
	for _, tc := range []struct {
		from, to types.Type
		want     bool
	}{
		{i8, i32, true},
		{i32, i8, false},
		{i32, i32, false}, // same width, not 64: not a widening
		{i64, up, true},   // to 64 bits: the same value modulo 2^64
		{u64, i64, true},
		{u8, i8, false}, // a narrowing in all but width
		{i32, types.Typ[types.Float64], false},
	} {
		if got := IsWidening(tc.from, tc.to); got != tc.want {
			t.Errorf("IsWidening(%v, %v) = %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
	arr := types.NewArray(types.Typ[types.Byte], 16)
	for _, tc := range []struct {
		t  types.Type
		n  int64
		ok bool
	}{
		{arr, 16, true},
		{types.NewPointer(arr), 16, true},
		{types.NewSlice(types.Typ[types.Byte]), 0, false},
		{types.NewPointer(types.NewPointer(arr)), 0, false},
	} {
		if n, ok := ArrayLen(tc.t); n != tc.n || ok != tc.ok {
			t.Errorf("ArrayLen(%v) = %d, %v; want %d, %v", tc.t, n, ok, tc.n, tc.ok)
		}
	}
}

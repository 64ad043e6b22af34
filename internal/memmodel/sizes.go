package memmodel

import (
	"fmt"
	"go/types"
	"strings"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"golang.org/x/tools/go/ssa"
)

// A sizeInfo is what the model knows of an object's size in bytes: an interval and, when the
// size is linear in one atom (C.malloc(n), make([]T, n)), that form, which is how `i < n`
// proves an offset in bounds without knowing n.
type sizeInfo struct {
	known bool
	num   Interval
	l     lin
	sym   bool
	align int64 // the alignment of the object's first byte; 0 if unknown
}

// The alignments the allocators guarantee: C's malloc returns memory aligned for any type
// (16 bytes on the 64-bit platforms Go supports), mmap returns whole pages, and the Go runtime's
// size classes place every heap object of 8 bytes or more at a multiple of 8. A variable the
// compiler keeps on the stack is only guaranteed its type's alignment; code that converts a
// byte offset of a byte buffer to a wider type is wrong whichever placement it gets, so 8 is
// used for byte buffers of 8 bytes or more. Other Go objects get no alignment (silence): a
// packed struct such as amd64's EpollEvent puts a pointer at offset 4 on purpose, for the one
// architecture whose layout it describes.
const (
	cAlign    = 16
	mmapAlign = 4096
	goAlign   = 8
)

// sizeOf returns the size of o, memoized per object.
func (ra *rangeAnalysis) sizeOf(o *Object) sizeInfo {
	def := ra.objDef[o]
	if def == nil {
		return sizeInfo{}
	}
	b, idx := ra.position(def)
	switch v := def.(type) {
	case *ssa.Alloc, *ssa.Global:
		return ra.typeSize(v.Type().Underlying().(*types.Pointer).Elem())
	case *ssa.MakeSlice:
		elem := elemSize(ra.sizes, v.Type())
		s := ra.exprSize(ra.linOf(v.Cap).Times(elem), ra.numAt(v.Cap, b, idx).Mul(Point(elem)))
		if elem == 1 {
			s.align = goAlignOf(s.num.Lo, 1)
		} else {
			s.align = typeAlign(ra.sizes, v.Type().Underlying().(*types.Slice).Elem())
		}
		return s
	case *ssa.Call, *ssa.Extract:
		return ra.resultSize(v, o, b, idx)
	}
	return sizeInfo{}
}

// position returns where v is defined: its block and index, or the entry for a global.
func (ra *rangeAnalysis) position(v ssa.Value) (*ssa.BasicBlock, int) {
	if instr, ok := v.(ssa.Instruction); ok && instr.Block() != nil {
		return instr.Block(), ra.of(v).idx
	}
	return ra.fa.fn.Blocks[0], 0
}

func (ra *rangeAnalysis) typeSize(t types.Type) sizeInfo {
	n := ra.sizes.Sizeof(t)
	s := sizeInfo{known: true, num: Point(n), l: lin{K: n}, sym: true}
	if a, ok := t.Underlying().(*types.Array); ok && ra.sizes.Sizeof(a.Elem()) == 1 {
		s.align = goAlignOf(n, 1)
	} else {
		s.align = typeAlign(ra.sizes, t)
	}
	return s
}

// typeAlign returns the alignment every variable of type t has, wherever it lives (the stack,
// the heap, a global), or 0 when t's layout depends on a type parameter.
func typeAlign(sizes types.Sizes, t types.Type) int64 {
	if dependsOnTypeParam(t) {
		return 0
	}
	return sizes.Alignof(t)
}

func goAlignOf(size, typeAlign int64) int64 {
	if size >= goAlign {
		return max(typeAlign, goAlign)
	}
	return typeAlign
}

func (ra *rangeAnalysis) exprSize(l lin, num Interval) sizeInfo {
	if l.IsConst() {
		num = Point(l.K)
	}
	return sizeInfo{known: true, num: num.Meet(Interval{Lo: 0, Hi: domain.PosInf}), l: l, sym: true}
}

// resultSize computes the size of an allocation a call returns from its callee's Result:
// the product of the arguments it names, times SizeMul, plus SizeAdd.
func (ra *rangeAnalysis) resultSize(v ssa.Value, o *Object, b *ssa.BasicBlock, idx int) sizeInfo {
	index := 0
	if e, ok := v.(*ssa.Extract); ok {
		v, index = e.Tuple, e.Index
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return sizeInfo{}
	}
	sum, inputs, _ := ra.fa.callee(call.Common())
	res := sum.result(index)
	if !res.Sized {
		return sizeInfo{}
	}
	l, num, sym := lin{K: 1}, Point(1), true
	for _, a := range res.SizeArgs {
		if a >= len(inputs) {
			return sizeInfo{}
		}
		al := ra.fa.sizeArgLin(inputs[a])
		num = num.Mul(ra.linNum(al, b, idx, guardDepth).Meet(Interval{Lo: 0, Hi: domain.PosInf}))
		switch {
		case l.IsConst():
			l = al.Times(l.K)
		case al.IsConst():
			l = l.Times(al.K)
		default:
			sym = false
		}
	}
	l = l.Times(int64(res.SizeMul)).Plus(int64(res.SizeAdd))
	num = num.Mul(Point(int64(res.SizeMul))).Add(Point(int64(res.SizeAdd)))
	s := ra.exprSize(l, num)
	s.sym = sym
	s.align = allocAlign(o.Kind)
	return s
}

// sizeArgLin returns what a size argument contributes: a number, or a string's or slice's
// length (C.CString(s) allocates len(s)+1 bytes).
func (fa *funcAnalysis) sizeArgLin(v ssa.Value) lin {
	if isSliceOrString(v.Type()) {
		return fa.lenLin(v, atomLen)
	}
	return fa.linOf(v)
}

func allocAlign(k Kind) int64 {
	switch k {
	case KindCHeap:
		return cAlign
	case KindMmap:
		return mmapAlign
	}
	return 0
}

// inferSize completes a Fresh result with its size when the size is linear in one parameter
// (or constant), so that callers of a user allocator know what it returns: New(n) returning
// C.malloc(n*8) becomes size(r0)=8*p0.
func (fa *funcAnalysis) inferSize(res *Result, r *root) {
	l, ok := fa.structuralSize(r.obj)
	if !ok {
		return
	}
	if l.IsConst() {
		res.Sized, res.SizeMul, res.SizeAdd = true, 0, int(l.K)
		return
	}
	p, isParam := l.X.v.(*ssa.Parameter)
	if !isParam || l.X.op != atomValue {
		return
	}
	res.Sized, res.SizeArgs, res.SizeMul, res.SizeAdd = true, []int{fa.inputs[p]}, int(l.A), int(l.K)
}

// structuralSize is an object's size as a linear form, without the range analysis (which
// runs after summaries are built).
func (fa *funcAnalysis) structuralSize(o *Object) (lin, bool) {
	for instr, obj := range fa.objs {
		if obj != o {
			continue
		}
		v, _ := instr.(ssa.Value)
		res, inputs, ok := fa.allocResult(v)
		if !ok || !res.Sized || len(res.SizeArgs) > 1 {
			return lin{}, false
		}
		l := lin{K: 1}
		for _, a := range res.SizeArgs {
			if a >= len(inputs) {
				return lin{}, false
			}
			l = fa.sizeArgLin(inputs[a])
		}
		return l.Times(int64(res.SizeMul)).Plus(int64(res.SizeAdd)), true
	}
	return lin{}, false
}

// allocResult returns what the summary of the call whose result (or first result) v is says of
// that result, and the call's inputs: b, err := unix.Mmap(...) is the Extract of the call.
func (fa *funcAnalysis) allocResult(v ssa.Value) (Result, []ssa.Value, bool) {
	if e, ok := v.(*ssa.Extract); ok && e.Index == 0 {
		v = e.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return Result{}, nil, false
	}
	sum, inputs, _ := fa.callee(call.Common())
	return sum.result(0), inputs, true
}

// sizeString renders a Result's size for its Fact: "8*p0+1".
func (r Result) sizeString() string {
	var parts []string
	for _, a := range r.SizeArgs {
		parts = append(parts, fmt.Sprintf("p%d", a))
	}
	if len(parts) == 0 {
		return fmt.Sprint(r.SizeMul + r.SizeAdd)
	}
	s := strings.Join(parts, "*")
	if r.SizeMul != 1 {
		s = fmt.Sprintf("%d*%s", r.SizeMul, s)
	}
	if r.SizeAdd != 0 {
		s += fmt.Sprintf("%+d", r.SizeAdd)
	}
	return s
}

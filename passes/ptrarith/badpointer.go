package ptrarith

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/memmodel"
)

// checkBadPointers reports conversions to unsafe.Pointer of integers that cannot be addresses
// by their form (memmodel.BadPointerForm), whatever the values are: no path makes them right.
//
//	t1 = convert uintptr <- unsafe.Pointer (x)
//	t2 = t1 + t1                                 uintptr(x) + uintptr(x)
//	t3 = convert unsafe.Pointer <- uintptr (t2)
func checkBadPointers(rep *checks.Reporter, m *memmodel.Model, fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			checkPointerConsts(rep, instr)
			c, ok := instr.(*ssa.Convert)
			if !ok || !isUnsafePointer(c) {
				continue
			}
			bad := memmodel.BadPointerForm(c.X)
			if bad == nil {
				continue
			}
			// Deliberate silence: a mask of C or mmap'd memory, or of memory whose origin is
			// unknown, may be the program's own business; checkptr checks only Go memory.
			if bad.Ptr != nil && !m.ObjectOf(bad.Ptr).IsGoMemory() {
				continue
			}
			var rel []analysis.RelatedInformation
			if bad.At.IsValid() {
				rel = append(rel, analysis.RelatedInformation{Pos: bad.At, Message: "address taken here"})
			}
			rep.Report("bad-pointer", c.Pos(), "conversion to unsafe.Pointer of "+bad.Why+
				": the result points into no allocation", rel...)
		}
	}
}

// isUnsafePointer reports whether c converts an integer to unsafe.Pointer.
func isUnsafePointer(c *ssa.Convert) bool {
	to, ok := c.Type().Underlying().(*types.Basic)
	from, fok := c.X.Type().Underlying().(*types.Basic)
	return ok && fok && to.Kind() == types.UnsafePointer && from.Info()&types.IsInteger != 0
}

// checkPointerConsts reports the constants of type unsafe.Pointer that instr uses: SSA folds
// unsafe.Pointer(uintptr(1)) into one.
//
//	t0 = make any <- unsafe.Pointer (1:unsafe.Pointer)
func checkPointerConsts(rep *checks.Reporter, instr ssa.Instruction) {
	pos := instr.Pos()
	if v, ok := instr.(ssa.Value); ok && !pos.IsValid() && len(*v.Referrers()) > 0 {
		pos = (*v.Referrers())[0].Pos() // an implicit conversion: where its result goes
	}
	if !pos.IsValid() {
		return
	}
	for _, op := range instr.Operands(nil) {
		c, ok := (*op).(*ssa.Const)
		if !ok || c.Value == nil {
			continue
		}
		if b, ok := c.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.UnsafePointer {
			continue
		}
		if bad := memmodel.BadPointerForm(c); bad != nil {
			rep.Report("bad-pointer", pos, "conversion to unsafe.Pointer of "+bad.Why+
				": the result points into no allocation")
		}
	}
}

// isRuntime reports whether path is the runtime or one of its internal packages, which the
// compiler never instruments with checkptr and which make bad pointers on purpose: sentinels
// that poison a list head (runtime.badDefer's unsafe.Pointer(uintptr(1))).
func isRuntime(path string) bool {
	return path == "runtime" || strings.HasPrefix(path, "internal/runtime/") || strings.HasPrefix(path, "runtime/internal/")
}

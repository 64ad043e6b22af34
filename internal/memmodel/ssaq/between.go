package ssaq

import "golang.org/x/tools/go/ssa"

// AnyBetween reports whether an instruction strictly between a and b, in their one block,
// satisfies pred; same is false when a and b are in different blocks, or b does not follow a.
func AnyBetween(a, b ssa.Instruction, pred func(ssa.Instruction) bool) (found, same bool) {
	if a.Block() != b.Block() {
		return false, false
	}
	between := false
	for _, in := range a.Block().Instrs {
		switch {
		case in == a:
			between = true
		case in == b:
			return found, between
		case between && !found:
			found = pred(in)
		}
	}
	return false, false
}

package ssaq

import "golang.org/x/tools/go/ssa"

// VarArgs returns the operands of a variadic call whose last argument is arg, the slice of the
// array the call site builds for them, as they were before conversion to an interface; nil when
// arg is not such a slice (a slice passed with ...).
//
//	t1 = new [2]any (varargs)
//	t2 = &t1[0:int]
//	t3 = make any <- []byte (b)
//	*t2 = t3
//	...
//	t6 = slice t1[:]
//	t7 = fmt.Printf("%s %d":string, t6...)
func VarArgs(arg ssa.Value) []ssa.Value {
	sl, ok := arg.(*ssa.Slice)
	if !ok {
		return nil
	}
	array, ok := sl.X.(*ssa.Alloc)
	if !ok || array.Comment != "varargs" || array.Referrers() == nil {
		return nil
	}
	var out []ssa.Value
	for _, r := range *array.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		for _, w := range *ia.Referrers() {
			st, ok := w.(*ssa.Store)
			if !ok || st.Addr != ia {
				continue
			}
			v := st.Val
			if mi, ok := v.(*ssa.MakeInterface); ok {
				v = mi.X
			}
			out = append(out, v)
		}
	}
	return out
}

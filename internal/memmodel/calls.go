package memmodel

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/uninitlint/uninitlint/internal/memmodel/domain"
	"github.com/uninitlint/uninitlint/internal/memmodel/ssaq"
	"golang.org/x/tools/go/ssa"
)

// call applies a call's effects: the uses, kills and writes its callee's summary declares, and
// the root of its result. A deferred call's kills happen when the function returns; until then
// they are pending, which is what a view returned past `defer C.free(p)` is checked against.
func (fa *funcAnalysis) call(s *state, instr ssa.CallInstruction, c *ssa.CallCommon, deferred bool) {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		fa.builtin(s, instr, b, c.Args)
		return
	}
	if len(c.Args) > 0 {
		fa.varArgs(s, instr, c, deferred)
	}
	sum, inputs, via := fa.callee(c)
	if sum == nil && !deferred && isWriterWrite(c) {
		// io.Writer's contract: Write reads all of p before it returns, whatever the writer.
		fa.use(s, c.Args[0], instr, "call to "+c.Method.FullName())
		fa.sum.readRange(fa, fa.rootOf(c.Args[0]), -1, -1)
	}
	if sum == nil {
		// Deliberate silence: a call the model cannot see into may free, reallocate or
		// reinitialize what its arguments reach, so nothing they reach stays known.
		fa.recordInvoke(instr, c)
		fa.opaque(s, c)
		for _, a := range c.Args {
			fa.mayFill(s, a)
		}
		if v := instr.Value(); v != nil && isTracked(v.Type()) {
			fa.result(s, v, callInfo{sum: &Summary{}}, 0)
		}
		return
	}
	if !deferred {
		fa.callUses(s, instr, sum, inputs, via)
		fa.callFills(s, instr, sum, inputs)
	} else if d, ok := instr.(*ssa.Defer); ok && (len(sum.Uses) > 0 || len(sum.UsesVia) > 0 || sum.UsesAll) {
		if fa.deferredUses == nil {
			fa.deferredUses = map[*ssa.Defer]deferredCall{}
		}
		fa.deferredUses[d] = deferredCall{sum, inputs, via}
	}
	stores := fa.resolveStores(s, sum, inputs, deferred)
	for _, pk := range sum.Kills {
		fa.applyKill(s, instr, inputs, pk, callVia(via, pk), deferred)
	}
	fa.applyInvokes(s, instr, sum, inputs, via, deferred)
	fa.applyWrites(s, sum, inputs)
	for sk, sv := range stores {
		s.slots.Set(sk, sv)
	}
	if v := instr.Value(); v != nil && !deferred {
		if _, isTuple := v.Type().(interface{ Len() int }); isTuple {
			fa.calls[v] = callInfo{sum, inputs}
		} else {
			fa.result(s, v, callInfo{sum, inputs}, 0)
		}
	}
}

// applyWrites applies a callee's writes: the slots it stores a new pointer into hold something
// the caller does not know.
func (fa *funcAnalysis) applyWrites(s *state, sum *Summary, inputs []ssa.Value) {
	for _, w := range sum.Writes {
		if sk, ok := fa.inputSlot(s, inputs, w); ok {
			fa.sum.write(fa, sk) // a write through our input is ours too
			fa.overwrite(s, sk)
			s.slots.Del(sk)
			fa.retire(s, fa.owned(sk), sk)
			fa.forgetKilledUnder(s, fa.owned(sk))
			if sk.field < 0 {
				fa.clearObject(s, sk.obj) // *p = T{}: every field of the pointee is new
			}
		}
	}
}

// retire keeps the kill of o, the content of slot sk that a callee overwrote, for the other
// slots that point into it, before o is made the slot's new content: it.cur still views the
// buffer that Release put back before it set it.buf = nil. They point to o's retired twin,
// which keeps the kill.
func (fa *funcAnalysis) retire(s *state, o *Object, sk slotKey) {
	k := s.objKilled.Get(o)
	if k == nil {
		return
	}
	var views []slotKey
	for osk, sv := range s.slots.Map() {
		if osk != sk && sv.r == nil && sv.obj == o {
			views = append(views, osk)
		}
	}
	for _, osk := range views {
		ro := fa.retiredOf(o)
		s.objKilled.Set(ro, k)
		s.slots.Set(osk, slotVal{obj: ro, off: -1})
	}
}

// retiredOf returns o's retired twin: the same memory, once a slot that owned it holds another.
func (fa *funcAnalysis) retiredOf(o *Object) *Object {
	if r, ok := fa.retired[o]; ok {
		return r
	}
	if fa.retired == nil {
		fa.retired = map[*Object]*Object{}
	}
	r := new(Object)
	*r = *o
	fa.retired[o] = r
	return r
}

// resolveStores resolves a callee's stores at the call, before its other effects: the slot
// each writes, and what it then holds (a pointer into the memory its source names now).
func (fa *funcAnalysis) resolveStores(s *state, sum *Summary, inputs []ssa.Value, deferred bool) map[slotKey]slotVal {
	if deferred || len(sum.Stores) == 0 {
		return nil
	}
	out := map[slotKey]slotVal{}
	for _, st := range sum.Stores {
		sk, ok := fa.inputSlot(s, inputs, st.Dst)
		if !ok {
			continue
		}
		switch r, o := fa.resolve(s, inputs, st.Src); {
		case r != nil && r.obj != nil && r.obj != objTop:
			out[sk] = slotVal{r: r, obj: r.obj, off: -1}
		case o != nil:
			out[sk] = slotVal{obj: o, off: -1}
		}
	}
	return out
}

// varArgs applies a call to the operands its call site gathered into an array for a variadic
// parameter, which a store into that array did not (mayEscape): fmt's functions format each
// operand, which reads a slice's or string's bytes; any other callee may write through them
// (fmt.Sscan(s, &x)).
func (fa *funcAnalysis) varArgs(s *state, instr ssa.CallInstruction, c *ssa.CallCommon, deferred bool) {
	ops := ssaq.VarArgs(c.Args[len(c.Args)-1])
	if fn := c.StaticCallee(); fn != nil && !deferred && formatsOperands(fn) {
		op := "call to " + fn.Pkg.Pkg.Name() + "." + fn.Name()
		for _, v := range ops {
			if isSliceOrString(v.Type()) {
				fa.use(s, v, instr, op)
				fa.read(s, v, -1, instr, op)
			}
		}
		return
	}
	for _, v := range ops {
		fa.mayFill(s, v)
	}
}

// formatsOperands reports whether fn is one of fmt's and log's functions that format their
// variadic operands: Print, Printf, Println and their S, F and Append forms, Errorf, and log's
// Print, Fatal and Panic families.
func formatsOperands(fn *ssa.Function) bool {
	if fn.Pkg == nil || fn.Signature.Recv() != nil || !fn.Signature.Variadic() {
		return false
	}
	name := fn.Name()
	switch fn.Pkg.Pkg.Path() {
	case "fmt":
		for _, pre := range []string{"Print", "Sprint", "Fprint", "Append"} {
			if rest, ok := strings.CutPrefix(name, pre); ok && (rest == "" || rest == "f" || rest == "ln") {
				return true
			}
		}
		return name == "Errorf"
	case "log":
		return strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
	}
	return false
}

// isWriterWrite reports whether c calls a Write([]byte) (int, error) method through an
// interface (io.Writer's, hash.Hash's).
func isWriterWrite(c *ssa.CallCommon) bool {
	if !c.IsInvoke() || c.Method.Name() != "Write" || len(c.Args) != 1 {
		return false
	}
	sig := c.Method.Type().(*types.Signature)
	return sig.Params().Len() == 1 && sig.Results().Len() == 2 && isSlice(sig.Params().At(0).Type())
}

// callVia names the callee in messages: an anonymous function (cgo's wrapper of C.free among
// them) is named by what it calls.
// cgoWrapped names the C function an anonymous closure that cgo wrote around a call wraps
// (C.GoBytes(p, n) checks p, then calls _Cfunc_GoBytes), or returns "".
func (fa *funcAnalysis) cgoWrapped(c *ssa.CallCommon) string {
	mc, ok := c.Value.(*ssa.MakeClosure)
	if !ok {
		return ""
	}
	if call := cfuncCall(mc.Fn.(*ssa.Function)); call != nil {
		return fa.b.displayName(call.StaticCallee())
	}
	return ""
}

// cfuncCall returns the last call of a C function (a _Cfunc_) in fn's body, or nil.
func cfuncCall(fn *ssa.Function) *ssa.CallCommon {
	var out *ssa.CallCommon
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if cf := call.Call.StaticCallee(); cf != nil && strings.HasPrefix(cf.Name(), "_Cfunc_") {
					out = call.Common()
				}
			}
		}
	}
	return out
}

func callVia(via string, pk PathKill) string {
	if via == "" {
		return pk.Via
	}
	return via
}

func (fa *funcAnalysis) callUses(s *state, instr ssa.CallInstruction, sum *Summary, inputs []ssa.Value, via string) {
	if via == "" {
		via = fa.cgoWrapped(instr.Common())
	}
	op := "call to " + via
	if via == "" {
		op = "call"
	}
	fa.callUsesAs(s, instr, sum, inputs, op)
}

// callUsesAs checks the callee's uses, naming the operation op in messages.
func (fa *funcAnalysis) callUsesAs(s *state, instr ssa.CallInstruction, sum *Summary, inputs []ssa.Value, op string) {
	for _, i := range sum.Uses {
		if i < len(inputs) && !releases(sum, i) {
			fa.use(s, inputs[i], instr, op)
		}
	}
	if sum.UsesAll {
		for _, in := range inputs {
			fa.use(s, in, instr, op)
		}
	}
	for _, p := range sum.UsesVia {
		fa.usePath(s, instr, inputs, p, op)
	}
}

// releases reports whether sum frees or unmaps what input i points to on every path: a second
// call is a double free, which the kill reports, not also a use of the memory it frees (a free
// list's Put writes its node's next before it keeps it).
func releases(sum *Summary, i int) bool {
	for _, pk := range sum.Kills {
		if pk.Must && pk.Kind.isRelease() && pk.Path.Input == i && len(pk.Path.Fields) == 0 {
			return true
		}
	}
	return false
}

// usePath checks the callee's dereference of what p resolves to in our inputs: memory a field
// points to (b.Get(0) reads b.data, which b.Free() freed), or a captured variable's pointee.
func (fa *funcAnalysis) usePath(s *state, instr ssa.CallInstruction, inputs []ssa.Value, p Path, op string) {
	if !fa.final {
		return
	}
	r, o := fa.resolve(s, inputs, p)
	if r != nil {
		fa.useRoot(s, r, instr, callPos(instr), op)
		return
	}
	if o == nil {
		return
	}
	if q, ok := fa.objPath(o); ok {
		fa.sum.usePath(q)
	}
	if k := s.objKilled.Get(o); k != nil && !k.vacuous {
		fa.event(Event{Kind: EvUseAfterKill, Pos: callPos(instr), Op: op, Obj: o, Kill: k.export()})
	}
}

// callFills checks the reads of a callee the table says reads its inputs (C.GoString), and
// lets every other callee fill what it receives: a function that takes a pointer into
// uninitialized memory may be the one that initializes it.
func (fa *funcAnalysis) callFills(s *state, instr ssa.CallInstruction, sum *Summary, inputs []ssa.Value) {
	fn, _ := instr.Common().Value.(*ssa.Function)
	switch {
	case fa.cMemWrite(s, instr, inputs):
	case sum.UsesAll: // a C function: it may fill any buffer it gets
		for _, in := range inputs {
			fa.mayFill(s, in)
		}
	case fn != nil && fa.b.world(fn) == sum:
		for _, i := range sum.Uses {
			if i < len(inputs) {
				fa.read(s, inputs[i], -1, instr, "call to "+fa.b.displayName(fn))
			}
		}
	default:
		name := "a function"
		if fn != nil && fa.b.displayName(fn) != "" {
			name = fa.b.displayName(fn)
		}
		for _, i := range sum.Uses {
			if i < len(inputs) && !fills(sum, i) {
				fa.readExtent(s, inputs[i], sum.useExtent(i), instr, "call to "+name)
			}
		}
		for _, p := range sum.ReadsVia {
			if !slices.ContainsFunc(sum.Fills, func(q Path) bool { return cmpPath(p, q) == 0 }) {
				fa.readPath(s, instr, inputs, p, "call to "+name)
			}
		}
		for _, p := range sum.Fills {
			fa.fillPath(s, inputs, p, sum.fillExtent(p))
		}
	}
}

// readPath checks a callee's read of what p resolves to in our inputs (b.Sum() reads b.data's
// memory), at offsets it does not say: it reads before any write only if nothing wrote a byte.
func (fa *funcAnalysis) readPath(s *state, instr ssa.CallInstruction, inputs []ssa.Value, p Path, op string) {
	r, _ := fa.resolve(s, inputs, p)
	if r == nil || r.v == nil || fa.rootOf(r.v) != r || !fa.final {
		return
	}
	if o := fa.uninitObj(r.v); o != nil {
		fa.readObj(s, o, r.v, -1, instr, op, -1, -1)
	}
}

// cMemWrites names the C functions that write bytes [0, n) of their first argument and nothing
// else it points to, with the index of the argument that gives n.
var cMemWrites = map[string]int{"_Cfunc_memset": 2, "_Cfunc_memcpy": 2, "_Cfunc_memmove": 2,
	"_Cfunc_bzero": 1, "_Cfunc_explicit_bzero": 1}

// cMemWrite applies a call of one of cMemWrites, directly or through the closure cgo writes
// around it, and reports whether it was one: it wrote at most n bytes from where its first
// argument points (n's constant, or the top of its range; at any offset when n has no known
// top), and may fill what the others point to.
func (fa *funcAnalysis) cMemWrite(s *state, instr ssa.CallInstruction, inputs []ssa.Value) bool {
	c := instr.Common()
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && len(c.Args) == 0 {
		return fa.cgoMemWrite(s, instr, mc)
	}
	fn := cgoCallee(c)
	if fn == nil {
		return false
	}
	i, ok := cMemWrites[fn.Name()]
	if !ok || i >= len(inputs) || len(inputs) != len(fn.Params) {
		return false
	}
	n := int64(-1)
	if k, ok := ssaq.IntConst(inputs[i]); ok {
		n = max(k, -1)
	} else if ra := fa.rangesOf(); !ra.unstable {
		if b, idx := fa.instrAt(instr); b != nil {
			if r := ra.numAt(inputs[i], b, idx); r.HasHi() && r.Hi >= 0 {
				n = r.Hi
			}
		}
	}
	fa.wrote(s, inputs[0], n, nil)
	for _, in := range inputs[1:] {
		fa.mayFill(s, in)
	}
	return true
}

// cgoMemWrite is cMemWrite for the closure cgo writes around a call whose arguments it checks,
// which captures the variables the arguments read and evaluates them itself:
//
//	func() unsafe.Pointer { _cgo0 := p; var _cgo2 _Ctype_size_t = 16; _cgoCheckPointer(_cgo0, nil)
//		return _Cfunc_memset(_cgo0, _cgo1, _cgo2) }()
//
// The destination is then the one value the caller stores in p's variable before the call, and
// the extent the constant the closure passes.
func (fa *funcAnalysis) cgoMemWrite(s *state, instr ssa.CallInstruction, mc *ssa.MakeClosure) bool {
	inner, ok := mc.Fn.(*ssa.Function)
	if !ok || inner.Parent() == nil {
		return false
	}
	call := cfuncCall(inner)
	if call == nil {
		return false
	}
	i, ok := cMemWrites[call.StaticCallee().Name()]
	if !ok || i >= len(call.Args) {
		return false
	}
	dst := fa.capturedValue(instr, mc, call.Args[0])
	if dst == nil {
		return false
	}
	n := int64(-1)
	if k, ok := ssaq.IntConst(call.Args[i]); ok {
		n = max(k, -1)
	}
	fa.wrote(s, dst, n, nil)
	for j, bv := range mc.Bindings {
		if inner.FreeVars[j] != freeVarOf(call.Args[0]) {
			fa.mayFill(s, bv)
		}
	}
	return true
}

// capturedValue returns the value of the caller's that v, a load of a captured variable in the
// closure mc, reads at the call instr: the one value stored in the variable, by a store that
// precedes the call. It returns nil for anything else.
func (fa *funcAnalysis) capturedValue(instr ssa.CallInstruction, mc *ssa.MakeClosure, v ssa.Value) ssa.Value {
	fv := freeVarOf(v)
	if fv == nil {
		return nil
	}
	inner := mc.Fn.(*ssa.Function)
	j := slices.Index(inner.FreeVars, fv)
	if j < 0 || j >= len(mc.Bindings) {
		return nil
	}
	cell, ok := mc.Bindings[j].(*ssa.Alloc)
	if !ok || cell.Referrers() == nil {
		return nil
	}
	var st *ssa.Store
	for _, r := range *cell.Referrers() {
		if x, ok := r.(*ssa.Store); ok && x.Addr == cell {
			if st != nil {
				return nil
			}
			st = x
		}
	}
	if st == nil || !Before(st, instr) {
		return nil
	}
	return st.Val
}

// freeVarOf returns the free variable v loads (*fv), or nil.
func freeVarOf(v ssa.Value) *ssa.FreeVar {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		fv, _ := u.X.(*ssa.FreeVar)
		return fv
	}
	return nil
}

// cgoCallee returns the C function c calls: a _Cfunc_ itself, or the one that the anonymous
// function cgo writes around a call with pointer arguments calls with its own parameters, in
// order:
//
//	func(_cgo0 unsafe.Pointer, _cgo1 _Ctype_int, _cgo2 _Ctype_size_t) unsafe.Pointer {
//		_cgoCheckPointer(_cgo0, nil)
//		return _Cfunc_memset(_cgo0, _cgo1, _cgo2)
//	}(p, 0, 16)
func cgoCallee(c *ssa.CallCommon) *ssa.Function {
	var fn *ssa.Function
	switch v := c.Value.(type) {
	case *ssa.Function:
		fn = v
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
	}
	if fn == nil {
		return nil
	}
	if strings.HasPrefix(fn.Name(), "_Cfunc_") {
		return fn
	}
	if fn.Parent() == nil {
		return nil
	}
	call := cfuncCall(fn)
	if call == nil || len(call.Args) != len(fn.Params) {
		return nil
	}
	for j, a := range call.Args {
		if a != fn.Params[j] {
			return nil
		}
	}
	return call.StaticCallee()
}

// fills reports whether the summary says the callee may write into what input i points to.
func fills(sum *Summary, i int) bool {
	for _, p := range sum.Fills {
		if p.Input == i {
			return true
		}
	}
	return false
}

// useExtent returns the bytes the callee reads through input i, from where it points, or nil
// when it may read at any offset.
func (s *Summary) useExtent(i int) [][2]int64 {
	for _, u := range s.UsesAt {
		if u.Input == i {
			return u.Ranges
		}
	}
	return nil
}

// fillExtent returns the bytes the fill p writes, from where its input points, or nil when it
// may write at any offset.
func (s *Summary) fillExtent(p Path) [][2]int64 {
	if len(p.Fields) > 0 {
		return nil
	}
	for _, fr := range s.FillsAt {
		if fr.Input == p.Input {
			return fr.Ranges
		}
	}
	return nil
}

// fillPath applies a callee's fills(p): what p resolves to may have been written anywhere, or,
// with ext, at those bytes from where the input points.
func (fa *funcAnalysis) fillPath(s *state, inputs []ssa.Value, p Path, ext [][2]int64) {
	if ext != nil && p.Input < len(inputs) && fa.fillAt(s, inputs[p.Input], ext) {
		return
	}
	if len(p.Fields) == 0 && p.Input < len(inputs) {
		// An input that is one of several pointers (&p[0], or &zero for an empty p) may
		// be any of them.
		if phi, ok := chainStart(inputs[p.Input], fa.stale).(*ssa.Phi); ok {
			fa.mayFillVia(s, phi, nil)
		}
	}
	r, o := fa.resolve(s, inputs, p)
	if r != nil {
		fa.sum.fill(fa, r)
		o = r.obj
	}
	if o != nil && tracksWrites(o) {
		s.setWritten(o, domain.Any, -1, -1)
	}
	if p2, ok := fa.objPath(o); ok && r == nil && fa.final {
		if fa.sum.fills == nil {
			fa.sum.fills = map[string]Path{}
		}
		fa.sum.fills[p2.key()] = p2
	}
}

// fillAt applies a fill of known extent through arg: the callee may have written those bytes
// from where arg points. It reports false when arg's offset in its object is not a constant
// (or arg is one of several pointers), for the caller to take the fill as at any offset.
func (fa *funcAnalysis) fillAt(s *state, arg ssa.Value, ext [][2]int64) bool {
	off := fa.constOffset(arg)
	if off < 0 {
		return false
	}
	if _, ok := chainStart(arg, fa.stale).(*ssa.Phi); ok {
		return false
	}
	r := fa.rootOf(arg)
	o := fa.trackedObj(arg)
	for _, rg := range ext {
		lo, hi := off+rg[0], off+rg[1]
		fa.sum.fillRange(fa, r, lo, hi)
		if o != nil {
			s.setWritten(o, s.written.Get(o).Add(lo, hi), lo, hi)
		}
	}
	return true
}

// callee resolves a call to the summary of what it calls and the values standing for the
// callee's inputs (arguments, then a closure's bindings). via names the callee for messages;
// it is empty for anonymous functions.
//
//	t2 = make closure f$1 [t0]    cgo's wrapper of C.free(p): f$1 loads p from the cell t0
//	t3 = t2()
func (fa *funcAnalysis) callee(c *ssa.CallCommon) (*Summary, []ssa.Value, string) {
	sum, inputs, name := fa.calleeAll(c)
	if sum != nil && sum.BorrowsOnly {
		return nil, nil, ""
	}
	return sum, inputs, name
}

// calleeAll is callee, also for a summary that says only what the callee borrows.
func (fa *funcAnalysis) calleeAll(c *ssa.CallCommon) (*Summary, []ssa.Value, string) {
	if c.IsInvoke() {
		fn, recv := fa.resolveInvoke(c)
		if fn == nil {
			return nil, nil, ""
		}
		return fa.b.summaryOf(fn), append([]ssa.Value{recv}, c.Args...), fa.b.displayName(fn)
	}
	switch v := c.Value.(type) {
	case *ssa.Function:
		return fa.b.summaryOf(v), c.Args, fa.b.displayName(v)
	case *ssa.MakeClosure:
		fn := v.Fn.(*ssa.Function)
		if m := boundTarget(fn); m != nil {
			return fa.b.summaryOf(m), append([]ssa.Value{v.Bindings[0]}, c.Args...), fa.b.displayName(m)
		}
		return fa.b.summaryOf(fn), append(append([]ssa.Value{}, c.Args...), v.Bindings...), fa.b.displayName(fn)
	case *ssa.Call:
		// cgo's deferred form: `defer C.free(p)` becomes a call of the closure that an
		// immediately invoked closure returns.
		sum, inputs, _ := fa.callee(v.Common())
		if sum == nil || len(sum.ClosureKills) == 0 {
			return nil, nil, ""
		}
		return &Summary{Kills: sum.ClosureKills}, inputs, ""
	}
	return nil, nil, ""
}

// displayName returns displayName(fn), memoized per package: it runs at every visit of every
// call, and printing a method's name is not cheap.
func (b *builder) displayName(fn *ssa.Function) string {
	name, ok := b.fnNames[fn]
	if !ok {
		name = displayName(fn)
		b.fnNames[fn] = name
	}
	return name
}

var methodPunct = strings.NewReplacer("(*", "", ")", "", "(", "")

// displayName names a function as a user reads it: C.free for cgo's _Cfunc_free, pkg.F,
// pkg.(*T).M; "" for an anonymous function.
func displayName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return ""
	}
	name := fn.Name()
	if c, ok := strings.CutPrefix(name, "_Cfunc_"); ok {
		if c == "_CMalloc" {
			c = "malloc"
		}
		return "C." + c
	}
	fn = originOf(fn)
	if recv := fn.Signature.Recv(); recv != nil {
		s := fn.String()
		if i := strings.LastIndex(s, "/"); i >= 0 {
			s = s[i+1:]
		}
		if i, j := strings.Index(s, "["), strings.LastIndex(s, "]"); i >= 0 && j > i {
			s = s[:i] + s[j+1:] // vec.Raw[T].Push reads as vec.Raw.Push
		}
		return methodPunct.Replace(s)
	}
	if fn.Pkg != nil {
		return fn.Pkg.Pkg.Name() + "." + name
	}
	return name
}

// opaque forgets what a call the model cannot see may change: the slots of every object whose
// address it receives, and the kills recorded on what those slots point to.
func (fa *funcAnalysis) opaque(s *state, c *ssa.CallCommon) {
	args := c.Args
	if c.IsInvoke() {
		args = append([]ssa.Value{c.Value}, args...)
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		args = append(args, mc.Bindings...)
	}
	for _, a := range args {
		if r := fa.rootOf(a); r != nil && r.obj != nil && r.obj != objTop {
			fa.clearObject(s, r.obj)
		}
	}
}

// copyExtent returns how many bytes copy(dst, src) may write at most: dst's length, when it is
// a constant, times its element's size; -1 when it is not known. The written set is a may-set,
// so the most the copy may write is what it records.
func (fa *funcAnalysis) copyExtent(dst ssa.Value) int64 {
	n := fa.lenLin(dst, atomLen)
	if !n.IsConst() || n.K < 0 {
		return -1
	}
	elem := int64(1)
	if sl, ok := dst.Type().Underlying().(*types.Slice); ok {
		elem = fa.sizeof(sl.Elem())
	}
	if elem < 0 {
		return -1
	}
	return domain.MulSat(n.K, elem)
}

// builtin handles the built-in functions that read memory: copy, append, and unsafe.Slice and
// unsafe.String, which make a view over memory that must still be valid.
func (fa *funcAnalysis) builtin(s *state, instr ssa.CallInstruction, b *ssa.Builtin, args []ssa.Value) {
	switch b.Name() {
	case "copy":
		fa.use(s, args[0], instr, "copy")
		fa.use(s, args[1], instr, "copy")
		fa.read(s, args[1], -1, instr, "copy")
		fa.wrote(s, args[0], fa.copyExtent(args[0]), nil)
	case "append":
		fa.use(s, args[0], instr, "append")
		fa.mayFill(s, args[0])
		for _, a := range args[1:] { // append(dst, src...) reads src
			fa.use(s, a, instr, "append")
			fa.read(s, a, -1, instr, "append")
		}
		if v := instr.Value(); v != nil {
			r := fa.ownRoot(v)
			fa.setObj(r, fa.objOrTop(args[0]))
			if r0 := fa.rootOf(args[0]); r0 != nil && r.from == nil {
				// Within its capacity, append writes the same array: what a pool's Put gives
				// back with its object, the result goes back with too.
				r.from = r0.from
			}
		}
	case "clear":
		fa.use(s, args[0], instr, "clear")
		n := int64(-1)
		if isSlice(args[0].Type()) {
			n = fa.copyExtent(args[0]) // exactly its length: no more
		}
		fa.wrote(s, args[0], n, nil)
	case "Slice":
		fa.use(s, args[0], instr, "unsafe.Slice")
	case "String":
		fa.use(s, args[0], instr, "unsafe.String")
	}
}

func (fa *funcAnalysis) objOrTop(v ssa.Value) *Object {
	if r := fa.rootOf(v); r != nil && r.obj != nil {
		return r.obj
	}
	return objTop
}

// inputSlot returns the slot whose content a path with Fields names at a call site: it follows
// every dereference but the last through what the state knows the slots hold.
func (fa *funcAnalysis) inputSlot(s *state, inputs []ssa.Value, p Path) (slotKey, bool) {
	if len(p.Fields) == 0 || p.Input >= len(inputs) {
		return slotKey{}, false
	}
	base := inputs[p.Input]
	r := fa.rootOf(base)
	if r == nil || r.obj == nil || r.obj == objTop || !isBaseOf(base, r) {
		return slotKey{}, false
	}
	obj := r.obj
	for i, f := range p.Fields {
		sk := slotKey{obj, f}
		if f >= 0 && p.Names[i] != "" {
			fa.fieldNames[sk] = p.Names[i]
		}
		if i == len(p.Fields)-1 {
			return sk, true
		}
		switch sv, known := s.slots.Lookup(sk); {
		case !known:
			obj = fa.owned(sk)
		case sv.r != nil && sv.r.obj != nil && sv.r.obj != objTop:
			obj = sv.r.obj
		default:
			return slotKey{}, false
		}
	}
	return slotKey{}, false
}

// resolve finds what a path names at a call site: a root whose value it is, or an owned object
// whose content it is.
func (fa *funcAnalysis) resolve(s *state, inputs []ssa.Value, p Path) (*root, *Object) {
	if p.Input >= len(inputs) {
		return nil, nil
	}
	if len(p.Fields) == 0 {
		return fa.rootOf(inputs[p.Input]), nil
	}
	sk, ok := fa.inputSlot(s, inputs, p)
	if !ok {
		return nil, nil
	}
	if sv, known := s.slots.Lookup(sk); known {
		if sv.r != nil {
			return sv.r, nil
		}
		if sv.obj != objTop {
			return nil, sv.obj
		}
		return nil, nil
	}
	return nil, fa.owned(sk)
}

// isFieldAddress reports whether v, maybe boxed in an interface, is the address of a field
// (&s.f).
func isFieldAddress(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.FieldAddr:
			return true
		default:
			return false
		}
	}
}

// applyKill performs (or, for a defer, schedules) one kill of a callee's summary.
//
// A kill the callee performs on some paths only (a Free that skips an empty vector, a Release
// that frees at the last reference) still ends the caller's right to the memory: the caller
// cannot tell which path ran, so a use after the call is reported. It is marked may, and is
// never the evidence of a double free.
func (fa *funcAnalysis) applyKill(s *state, instr ssa.Instruction, inputs []ssa.Value, pk PathKill, via string, deferred bool) {
	if pk.Kind == KillPut && len(pk.Path.Fields) == 0 && pk.Path.Input < len(inputs) && isFieldAddress(inputs[pk.Path.Input]) {
		// Deliberate silence: Put(&s.values) gives back one field, and the model, whose kills
		// are per object, would take every other field of s for put back too.
		//
		// TODO(model): kills on paths (a field, an element) would kill the field alone.
		return
	}
	r, o := fa.resolve(s, inputs, pk.Path)
	if r != nil && pk.Type != "" && fa.isOtherType(r, pk.Type, instr) {
		// Deliberate silence: the callee kills what it is given only when it is a pk.Type
		// (Put(x.(*pooled))), and what we give it is another concrete type.
		return
	}
	if pk.Kind == KillUnmap && len(pk.Path.Fields) == 0 && r != nil && !isBaseOf(inputs[pk.Path.Input], r) {
		// Deliberate silence: unmapping from an offset (b[n:], unsafe.Add(p, n)) releases part
		// of the mapping, and without ranges the model cannot tell which values point there.
		return
	}
	k := fa.killAt(callPos(instr), pk.Kind, via, !pk.Must && pk.Kind != KillRealloc)
	if pk.Type != "" || assertedType(inputs, pk.Path) != "" {
		k = fa.typedKill(k, cmpOr(pk.Type, assertedType(inputs, pk.Path)))
	}
	if deferred {
		if isLateBound(instr, pk.Path) {
			k = fa.lateKill(k)
		}
		fa.deferKill(s, r, o, k)
		return
	}
	if _, ok := fa.killInstr[k]; !ok {
		fa.killInstr[k] = instr
	}
	if r != nil {
		fa.raced(s, r.obj, k, false)
	} else {
		fa.raced(s, o, k, false)
	}
	if dk := pendingDefer(s, r, o); dk != nil {
		fa.deferredDoubleKill(instr, r, o, dk, k)
	}
	if r != nil {
		fa.killRoot(s, instr, r, k)
	}
	if o != nil {
		fa.killObject(s, instr, o, k)
	}
}

// isLateBound reports whether a deferred closure kills through p what a captured variable holds
// when the function returns, which a store after the defer may change (cs = nil after freeing
// it), rather than the value the defer statement evaluated.
func isLateBound(instr ssa.Instruction, p Path) bool {
	d, ok := instr.(*ssa.Defer)
	if !ok || len(p.Fields) == 0 {
		return false
	}
	_, closure := d.Call.Value.(*ssa.MakeClosure)
	return closure
}

// lateKill returns k marked late-bound (see isLateBound).
func (fa *funcAnalysis) lateKill(k *kill) *kill {
	key := *k
	key.late = true
	return fa.internKill(key)
}

// pendingDefer returns the kill a defer registered on every path to here will perform on what r
// or o points into when the function returns, or nil.
func pendingDefer(s *state, r *root, o *Object) *kill {
	if r != nil {
		if k := s.deferred.Get(r); k != nil && !k.late {
			return k
		}
		if r.obj != nil && r.obj != objTop {
			if k := s.deferredObj.Get(r.obj); k != nil && !k.late {
				return k
			}
		}
	}
	if o != nil {
		if k := s.deferredObj.Get(o); k != nil && !k.late {
			return k
		}
	}
	return nil
}

// deferredDoubleKill records a kill of memory a pending defer kills again at the return:
// defer C.free(p), then C.free(p) on an error path; defer f.Close(), then return f.Close().
func (fa *funcAnalysis) deferredDoubleKill(instr ssa.Instruction, r *root, o *Object, deferred, k *kill) {
	if !fa.final || k.may || deferred.may || k.kind == KillRealloc || deferred.kind == KillRealloc {
		return
	}
	if r != nil && r.obj != nil && r.obj != objTop {
		o = r.obj
	}
	if o == nil {
		return
	}
	fa.event(Event{Kind: EvDoubleKill, Pos: callPos(instr), Op: k.via, Obj: o, Kill: k.export(),
		Prev: deferred.export(), Deferred: true})
}

func (fa *funcAnalysis) deferKill(s *state, r *root, o *Object, k *kill) {
	if r != nil {
		s.deferred.Set(r, k)
		if p, ok := fa.pathOf(r); ok && k.kind != KillRealloc {
			s.freed.Set(p.key(), freedPath{p, k}) // it will be freed by the time the caller resumes
		}
	}
	if o != nil {
		s.deferredObj.Set(o, k)
	}
}

// killRoot kills r and, when r's object has a single live instance, every other root into it.
func (fa *funcAnalysis) killRoot(s *state, instr ssa.Instruction, r *root, k *kill) {
	if prev, onPath := fa.deadAt(s, r, instr); prev != nil {
		fa.doubleKill(instr, r.obj, prev, k, onPath)
	}
	s.dead.Set(r, k)
	fa.sum.kill(fa, s, r, k)
	if o := r.obj; o != nil && o != objTop && (o.Kind == KindOwned || !o.inLoop) {
		fa.killObject(s, nil, o, k)
	}
}

// killObject kills every root into o; for owned memory, loads from the slot that owns it are
// born dead until the slot is written.
func (fa *funcAnalysis) killObject(s *state, instr ssa.Instruction, o *Object, k *kill) {
	if instr != nil {
		if prev := s.objKilled.Get(o); prev != nil && !prev.vacuous {
			fa.doubleKill(instr, o, prev, k, false)
		}
		if p, ok := fa.objPath(o); ok && o.Kind == KindOwned {
			fa.sum.killPath(s, p, k)
		}
	}
	for _, rr := range fa.byObj[o] {
		if rr.obj != o {
			continue
		}
		if prev := s.dead.Get(rr); prev == nil || prev.vacuous {
			s.dead.Set(rr, k)
		}
	}
	if o.Kind == KindOwned && k.kind != KillRealloc {
		s.objKilled.Set(o, k)
	}
	if k.kind == KillPut {
		fa.killLoadedFrom(s, o, k)
	}
}

// killLoadedFrom kills, with a Put of o, the values loaded from o's slots and from the slots of
// what those point to: a pooled object goes back to its pool with its buffers, which the next
// user truncates and refills (a bytes.Buffer's buf). A free does not reach so far: freeing a
// struct frees none of what its fields point to. Only slices count, whose arrays the next user
// overwrites through append(f[:0], ...); a pointer or an error kept in a field is replaced, not
// written through. And only values whose content the model does not know: a pooled request
// that was seen to point to a global does not take the global to the pool (that load aliases
// the global's root, which has no from).
//
// A slice stored into the object goes with it too, whatever its origin: the next user appends to
// the field's [:0] and overwrites its elements (p := pool.Get().(*[]byte); *p = b; pool.Put(p)
// hands b's array to the next user).
func (fa *funcAnalysis) killLoadedFrom(s *state, o *Object, k *kill) {
	for _, r := range fa.own {
		if isSlice(r.v.Type()) && loadedFrom(r, o) {
			killIfLive(s, r, k)
		}
	}
	for sk, sv := range s.slots.Map() {
		if sv.r != nil && sk.obj == o && isSlice(sv.r.v.Type()) {
			killIfLive(s, sv.r, k)
		}
	}
}

func killIfLive(s *state, r *root, k *kill) {
	if prev := s.dead.Get(r); prev == nil || prev.vacuous {
		s.dead.Set(r, k)
	}
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// loadedFrom reports whether r was loaded from a slot of o, or of memory o's slots own.
func loadedFrom(r *root, o *Object) bool {
	for from := r.from; from != nil; from = from.Base {
		if from == o {
			return true
		}
		if from.Kind != KindOwned {
			return false
		}
	}
	return false
}

// doubleKill records a kill of memory already killed: a double free, a free after a Put.
func (fa *funcAnalysis) doubleKill(instr ssa.Instruction, o *Object, prev, k *kill, onPath bool) {
	if !fa.final || k.kind == KillRealloc && prev.kind == KillRealloc || k.may || prev.may {
		return
	}
	fa.event(Event{Kind: EvDoubleKill, Pos: callPos(instr), Op: k.via, Obj: o, Kill: k.export(), Prev: prev.export(),
		OnPath: onPath, Loop: onPath && !fa.forced(prev, instr)})
}

// result gives a call's result of index i its root, from the callee's summary.
func (fa *funcAnalysis) result(s *state, v ssa.Value, ci callInfo, i int) {
	res := ci.sum.result(i)
	switch {
	case res.Fresh != 0:
		r := fa.ownRoot(v)
		desc := res.Desc
		if desc == "" {
			name := ""
			if fn := calleeFunc(v); fn != nil {
				name = fa.b.displayName(fn)
			}
			if c, ok := v.(*ssa.Call); ok && name == "" {
				name = fa.cgoWrapped(c.Common()) // C.CBytes(b): cgo's closure around _Cfunc_CBytes
			}
			desc = "memory allocated by " + cmpOr(name, "a call")
		}
		o := fa.newObject(v.(ssa.Instruction), res.Fresh, desc)
		o.Uninit = res.Uninit
		o.Name = fa.b.varNameAt(callPosOf(v))
		o.size = constSize(res, ci.inputs)
		fa.setObj(r, o)
		fa.newInstance(s, r)
		if o.Uninit && len(res.Written) > 0 {
			s.setWritten(o, domain.RangesOf(res.Written), -1, -1)
		}
		if old, ok := reallocated(ci.sum); ok && res.Fresh == KindCHeap {
			fa.reallocTail(s, o, ci.inputs, old)
		}
	case res.View:
		fa.view(s, v, ci.inputs, res.ViewOf)
	default:
		r := fa.ownRoot(v)
		o := fa.newObject(v.(ssa.Instruction), KindOpaque, "memory of unknown origin")
		if o.Name == "" {
			o.Name = fa.b.varNameAt(callPosOf(v))
		}
		fa.setObj(r, o)
		s.revive(r)
	}
}

// callPosOf returns the position of the call whose result v is (or a component of).
func callPosOf(v ssa.Value) token.Pos {
	if e, ok := v.(*ssa.Extract); ok {
		return e.Tuple.Pos()
	}
	return v.Pos()
}

// calleeFunc returns the function the call v (or the call whose tuple v extracts from) runs,
// when it is known: a static callee, the method a bound method value runs, or the concrete
// method of an interface value the function made (indirect.go); nil otherwise.
func calleeFunc(v ssa.Value) *ssa.Function {
	if e, ok := v.(*ssa.Extract); ok {
		v = e.Tuple
	}
	c, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	if c.Call.IsInvoke() {
		if recv := concreteOf(c.Call.Value); recv != nil {
			return lookupMethod(c.Parent().Prog, recv, methodPkg(c.Call.Method), c.Call.Method.Name())
		}
		return nil
	}
	if mc, ok := c.Call.Value.(*ssa.MakeClosure); ok {
		if m := boundTarget(mc.Fn.(*ssa.Function)); m != nil {
			return m
		}
	}
	return c.Call.StaticCallee()
}

// view makes v a view of the memory path p names at the call: the same root when the model
// knows it, else a fresh root into the owned object, dead if that memory is.
func (fa *funcAnalysis) view(s *state, v ssa.Value, inputs []ssa.Value, p Path) {
	r, o := fa.resolve(s, inputs, p)
	if r != nil {
		fa.alias[v] = r
		fa.aliasOff[v] = -1
		return
	}
	delete(fa.alias, v)
	own := fa.ownRoot(v)
	sk, inSlot := fa.inputSlot(s, inputs, p)
	if inSlot {
		own.from = sk.obj
	}
	if o == nil {
		fa.setObj(own, objTop)
		s.revive(own)
		return
	}
	fa.setObj(own, o)
	if inSlot {
		own.slot = &sk
	}
	fa.setDead(s, own, s.objKilled.Get(o))
}

// killAt returns the canonical kill for a position, kind and callee, so that states of
// successive sweeps compare equal.
func (fa *funcAnalysis) killAt(pos token.Pos, kind KillKind, via string, may bool) *kill {
	return fa.internKill(kill{pos: pos, kind: kind, via: via, may: may})
}

// internKill returns the one kill equal to key: kills are compared by pointer.
func (fa *funcAnalysis) internKill(key kill) *kill {
	if k := fa.kills[key]; k != nil {
		return k
	}
	k := &key
	fa.kills[key] = k
	return k
}

// callPos returns where a call is in the source. cgo rewrites C.free(p) into an immediately
// invoked closure whose call has no useful column; the closure's own position is the C call's.
func callPos(instr ssa.Instruction) token.Pos {
	if c, ok := instr.(ssa.CallInstruction); ok {
		if mc, ok := c.Common().Value.(*ssa.MakeClosure); ok {
			if fn := mc.Fn.(*ssa.Function); fn.Pos().IsValid() && !isWrapper(fn) {
				return fn.Pos()
			}
		}
	}
	return instr.Pos()
}

// isOtherType reports whether what r points to is known, at instr, to be of a concrete type
// other than typ: its own type is concrete, or an assertion x.(T) that panics otherwise has
// told so on the way (the caller did resp.bodyStream.(*compressedBodyStream)).
func (fa *funcAnalysis) isOtherType(r *root, typ string, instr ssa.Instruction) bool {
	if !isInterface(r.v.Type()) {
		return types.TypeString(r.v.Type(), nil) != typ
	}
	for _, b := range fa.fn.Blocks {
		for i, in := range b.Instrs {
			ta, ok := in.(*ssa.TypeAssert)
			if !ok || ta.CommaOk || isInterface(ta.AssertedType) || fa.rootOf(ta.X) != r {
				continue
			}
			dominates := b != instr.Block() && b.Dominates(instr.Block()) ||
				b == instr.Block() && i < indexIn(instr)
			if dominates && types.TypeString(ta.AssertedType, nil) != typ {
				return true
			}
		}
	}
	return false
}

// typedKill returns the canonical kill like k that records the concrete type asserted of what it
// kills.
func (fa *funcAnalysis) typedKill(k *kill, typ string) *kill {
	key := *k
	key.typ = typ
	if c := fa.kills[key]; c != nil {
		return c
	}
	c := &key
	fa.kills[key] = c
	return c
}

// assertedType returns the concrete type the value an input path names was asserted to on its
// way into the call (pool.Put(x.(*T)) passes a *T), or "".
func assertedType(inputs []ssa.Value, p Path) string {
	if len(p.Fields) > 0 || p.Input >= len(inputs) {
		return ""
	}
	for v := inputs[p.Input]; v != nil; v = derivedFrom(v) {
		var ta *ssa.TypeAssert
		switch x := v.(type) {
		case *ssa.TypeAssert:
			ta = x
		case *ssa.Extract:
			ta, _ = x.Tuple.(*ssa.TypeAssert)
		}
		if ta != nil && !isInterface(ta.AssertedType) {
			return types.TypeString(ta.AssertedType, nil)
		}
	}
	return ""
}

func isInterface(t types.Type) bool { return types.IsInterface(t) }

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

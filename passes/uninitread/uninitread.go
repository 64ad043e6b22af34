package uninitread

// Maintainer's notes.
//
// A thin reporter over internal/memmodel's EvUninitRead events. The model's lattice, per
// uninitialized object, is a may-set of written byte ranges joined by union, plus an "anything
// may have been written" top: a read is reported only when no path to it wrote a byte it
// reads, so the read precedes every write. Everything that could write without the model
// seeing where (a copy, an index it cannot compute, a call receiving the pointer) goes to top,
// which is the deliberate silence the precision policy asks for.

import (
	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/memmodel"
)

const name = "uninitread"

// Analyzer reports reads of uninitialized memory.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      "report reads of uninitialized manual memory",
	URL:      checks.DocsBase + name + ".md",
	Requires: []*analysis.Analyzer{memmodel.Analyzer},
	Run:      run,
}

func init() { checks.Declare(Analyzer) }

func run(pass *analysis.Pass) (any, error) {
	m := pass.ResultOf[memmodel.Analyzer].(*memmodel.Model)
	rep := checks.NewReporter(pass)
	type objLine struct {
		obj  *memmodel.Object
		line int
	}
	seen := map[objLine]bool{} // one finding per allocation and line: b[0] | b[1]<<8 is one bug
	for _, e := range m.Events(memmodel.EvUninitRead) {
		key := objLine{e.Obj, pass.Fset.Position(e.Pos).Line}
		if seen[key] {
			continue
		}
		seen[key] = true
		if e.Obj.Kind == memmodel.KindStale {
			rep.Report("stale-read", e.Pos, op(e.Op)+" a reused buffer's stale contents before any write (resliced past "+
				"its length on "+rep.Line(e.Pos, e.Obj.Pos)+")", analysis.RelatedInformation{Pos: e.Obj.Pos, Message: "resliced here"})
			continue
		}
		msg := op(e.Op) + " " + e.Obj.Desc + " before any write"
		if e.Loop {
			msg += " on the loop's first iteration" // later iterations read what the last one wrote
		}
		if e.Obj.Pos.IsValid() {
			msg += " (allocated on " + rep.Line(e.Pos, e.Obj.Pos) + ")"
		}
		rep.Report("uninit-read", e.Pos, msg, analysis.RelatedInformation{Pos: e.Obj.Pos, Message: "allocated here"})
	}
	for _, e := range m.Events(memmodel.EvSlotRead) {
		rep.Report("uninit-slot", e.Pos, "read of "+e.Type+"."+e.Op+" at an index not known to be below "+
			e.Type+"."+e.Len+": the slot may be past the length, logically uninitialized")
	}
	for _, e := range m.Events(memmodel.EvExposeTail) {
		rep.Report("uninit-expose", e.Pos, "returned view of "+e.Type+"."+e.Op+" reaches past "+e.Type+"."+e.Len+
			": the caller can read slots that hold no element")
	}
	return rep.Used(), nil
}

func op(s string) string {
	switch s {
	case "read":
		return "read of"
	case "index":
		return "index of"
	case "conversion":
		return "conversion of"
	case "copy":
		return "copy from"
	}
	return s + " reads"
}

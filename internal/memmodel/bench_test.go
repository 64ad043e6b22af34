package memmodel

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// BenchmarkLargeFunction runs the whole model (provenance dataflow, summaries, ranges and
// accesses) on one generated function of about 1k, 10k and 100k SSA instructions, and reports
// the cost per instruction, which should stay flat as the function grows.
func BenchmarkLargeFunction(b *testing.B) {
	for _, units := range []int{30, 300, 3000} {
		pass, instrs := largePass(b, units)
		b.Run(fmt.Sprintf("instrs=%d", instrs), func(b *testing.B) {
			for range b.N {
				if _, err := run(pass); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(instrs), "ns/instr")
		})
	}
}

// BenchmarkManyAllocations runs the model on one function of 100, 1,000 and 10,000 groups of
// allocate, write, read and release: the cost should grow linearly in the allocations.
func BenchmarkManyAllocations(b *testing.B) {
	for _, units := range []int{100, 1000, 10000} {
		benchGenerated(b, allocUnit, "", units)
	}
}

// BenchmarkBranchesOverLiveAllocations runs the model on 200 live allocations followed by 300
// and 3,000 branches that each write one of them.
func BenchmarkBranchesOverLiveAllocations(b *testing.B) {
	var live strings.Builder
	for i := range 200 {
		fmt.Fprintf(&live, "\tm%[1]d, _ := syscall.Mmap(-1, 0, 4096, 0, 0)\n", i)
	}
	for _, units := range []int{300, 3000} {
		benchGenerated(b, branchUnit, live.String(), units)
	}
}

// allocUnit is one group of BenchmarkManyAllocations.
const allocUnit = `
	b%[1]d, _ := syscall.Mmap(-1, 0, 4096, 0, 0)
	b%[1]d[0] = byte(n)
	s += uint64(b%[1]d[0])
	syscall.Munmap(b%[1]d)
`

// branchUnit is one branch of BenchmarkBranchesOverLiveAllocations, over allocation %[1]d%%200.
const branchUnit = `
	if n == %[1]d {
		m%[2]d[0] = byte(s)
		s++
	}
`

// benchGenerated benchmarks the model on one function of a prologue and units repetitions of
// unit (with syscall imported), reporting the cost per instruction.
func benchGenerated(b *testing.B, unit, prologue string, units int) {
	var src strings.Builder
	src.WriteString("package large\n\nimport \"syscall\"\n\nfunc F(n int) (s uint64) {\n" + prologue)
	for i := range units {
		fmt.Fprintf(&src, unit, i, i%200)
	}
	if prologue != "" {
		for i := range 200 {
			fmt.Fprintf(&src, "\tsyscall.Munmap(m%d)\n", i)
		}
	}
	src.WriteString("\treturn s\n}\n")
	pass, instrs := passOver(b, src.String())
	b.Run(fmt.Sprintf("units=%d/instrs=%d", units, instrs), func(b *testing.B) {
		for range b.N {
			if _, err := run(pass); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(instrs), "ns/instr")
	})
}

// unit is one repetition of the generated function's body: a buffer, a loop writing it through
// unsafe.Add, a guarded wide read, a view, a branch. About 33 SSA instructions.
const unit = `
	buf%[1]d := make([]byte, n+%[1]d)
	for i := 0; i < len(buf%[1]d); i++ {
		*(*byte)(unsafe.Add(unsafe.Pointer(&buf%[1]d[0]), i)) = byte(i)
	}
	if len(buf%[1]d) >= 8 {
		s += *(*uint64)(unsafe.Pointer(&buf%[1]d[0]))
	}
	v%[1]d := unsafe.Slice(&buf%[1]d[0], len(buf%[1]d))
	if s%%3 == %[1]d%%3 {
		s += uint64(v%[1]d[len(v%[1]d)-1])
	}
`

// largePass writes, type-checks and builds a package with one function of the given number of
// units, and returns a pass over it for the model's run, and the function's instruction count.
func largePass(b *testing.B, units int) (*analysis.Pass, int) {
	var src strings.Builder
	src.WriteString("package large\n\nimport \"unsafe\"\n\nfunc F(n int) (s uint64) {\n")
	for i := range units {
		fmt.Fprintf(&src, unit, i)
	}
	src.WriteString("\treturn s\n}\n")
	return passOver(b, src.String())
}

// passOver type-checks and builds the package of one file, src, whose function F is measured.
func passOver(b *testing.B, src string) (*analysis.Pass, int) {
	formatted, err := format.Source([]byte(src))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "large.go")
	if err := os.WriteFile(path, formatted, 0o666); err != nil {
		b.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		b.Fatal(err)
	}
	conf := &types.Config{Importer: importer.Default()}
	pkg, info, err := buildPackage(conf, fset, f)
	if err != nil {
		b.Fatal(err)
	}
	fn := pkg.Func("F")
	instrs := 0
	for _, blk := range fn.Blocks {
		instrs += len(blk.Instrs)
	}
	pass := &analysis.Pass{
		Analyzer: Analyzer, Fset: fset, Files: []*ast.File{f}, Pkg: pkg.Pkg, TypesInfo: info,
		TypesSizes:        types.SizesFor("gc", "amd64"),
		ResultOf:          map[*analysis.Analyzer]any{buildssa.Analyzer: &buildssa.SSA{Pkg: pkg, SrcFuncs: []*ssa.Function{fn}}},
		Report:            func(analysis.Diagnostic) {},
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
	}
	return pass, instrs
}

func buildPackage(conf *types.Config, fset *token.FileSet, f *ast.File) (*ssa.Package, *types.Info, error) {
	pkg := types.NewPackage("large", "large")
	ssapkg, info, err := ssautil.BuildPackage(conf, fset, pkg, []*ast.File{f}, ssa.SanityCheckFunctions&0)
	return ssapkg, info, err
}

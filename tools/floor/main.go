// Command floor is the cost floor of uninitlint: the same driver running one analyzer that only
// Requires buildssa and declares a Fact, as uninitlint's model does (a fact makes the standalone
// driver load and build every dependency from source). Compare uninitlint's time and memory
// with this tool's on the same packages; see the README's performance section.
package main

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/uninitlint/uninitlint/internal/driver"
)

type unusedFact struct{}

func (*unusedFact) AFact()         {}
func (*unusedFact) String() string { return "unused" }

var floor = &analysis.Analyzer{
	Name:       "floor",
	Doc:        "build SSA and nothing else: the cost floor of an SSA-based analyzer with facts",
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes:  []analysis.Fact{new(unusedFact)},
	ResultType: reflect.TypeOf((*buildssa.SSA)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return pass.ResultOf[buildssa.Analyzer], nil
	},
}

func main() { driver.Main(floor) }

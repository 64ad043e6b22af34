package driver

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// options are the standalone driver's settings, from its command line.
type options struct {
	json      bool                 // print one JSON tree instead of text
	context   int                  // if >= 0, print each position's lines and this many around them
	tests     bool                 // analyze the packages' tests too
	analyzers []*analysis.Analyzer // the analyzers that the -NAME flags select
	patterns  []string             // the packages to analyze, as go list patterns
	cpuprof   string               // write a CPU profile of the run here
	memprof   string               // write a heap profile at the end of the run here
	newFrom   string               // report only findings on lines changed since this git revision
}

// parseFlags parses the standalone command line. The flags are named as under go vet
// (unitchecker's), so a script can switch drivers: -json, -c, -NAME to select analyzer
// NAME and -NAME.F for its flag F. A bad command line exits 2, and -h exits 0.
func parseFlags(args []string, analyzers []*analysis.Analyzer) *options {
	fs := flag.NewFlagSet(progname, flag.ExitOnError)
	opts := new(options)
	fs.BoolVar(&opts.json, "json", false, "print findings and analyzer errors as JSON")
	fs.IntVar(&opts.context, "c", -1, "print each position's source lines with this many around them")
	fs.BoolVar(&opts.tests, "test", true, "analyze test files too")
	fs.StringVar(&opts.cpuprof, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&opts.memprof, "memprofile", "", "write a heap profile to this file when done")
	fs.StringVar(&opts.newFrom, "new-from-rev", "", "report only findings on lines (or with witnesses on lines) changed since this git revision")
	enabled := analyzerFlags(fs, analyzers)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: %s [flags] packages...\n", progname)
		fmt.Fprintf(fs.Output(), "   or: go vet -vettool=$(which %s) [flags] packages...\n\n", progname)
		fs.PrintDefaults()
	}
	fs.Parse(args) // exits on error
	if fs.NArg() == 0 {
		fs.Usage()
		os.Exit(2)
	}
	opts.patterns = fs.Args()
	opts.analyzers = selectAnalyzers(analyzers, enabled)
	return opts
}

// analyzerFlags defines on fs a -NAME flag for each analyzer, and -NAME.F for each of its
// own flags F, and returns the map that the -NAME flags fill: an analyzer is a key if its
// flag was set, with the value it was set to.
func analyzerFlags(fs *flag.FlagSet, analyzers []*analysis.Analyzer) map[*analysis.Analyzer]bool {
	enabled := make(map[*analysis.Analyzer]bool)
	for _, a := range analyzers {
		fs.BoolFunc(a.Name, fmt.Sprintf("enable %q analysis", a.Name), func(s string) error {
			on, err := strconv.ParseBool(s)
			enabled[a] = on
			return err
		})
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return enabled
}

// selectAnalyzers returns the analyzers that the -NAME flags recorded in enabled select,
// as multichecker does: if any was set true, only those; otherwise all but those set false.
func selectAnalyzers(analyzers []*analysis.Analyzer,
	enabled map[*analysis.Analyzer]bool) []*analysis.Analyzer {
	anyOn := slices.ContainsFunc(analyzers, func(a *analysis.Analyzer) bool { return enabled[a] })
	return slices.DeleteFunc(slices.Clone(analyzers), func(a *analysis.Analyzer) bool {
		on, set := enabled[a]
		return !on && (set || anyOn)
	})
}

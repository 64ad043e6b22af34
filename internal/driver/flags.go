package driver

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// options are the standalone driver's settings, from its command line.
type options struct {
	format    string               // the -format flag: a comma-separated list of FORMAT[:FILE]
	output    string               // the -o flag: the file of the one format without a file
	outputs   []output             // what to print where, from -format, -json and -o
	version   bool                 // print the version and exit
	list      bool                 // print the checks and exit
	srcroot   string               // sarif and github paths are relative to this; "" for the default
	context   int                  // if >= 0, print each position's lines and this many around them
	tests     bool                 // analyze the packages' tests too
	analyzers []*analysis.Analyzer // the analyzers that the -NAME flags select
	patterns  []string             // the packages to analyze, as go list patterns
	cpuprof   string               // write a CPU profile of the run here
	memprof   string               // write a heap profile at the end of the run here
	newFrom   string               // report only findings on lines changed since this git revision
	explain   string               // print this check's documentation and exit
	disable   string               // checks and passes not to report, comma-separated
	cache     bool                 // run under go vet, whose cache makes repeat runs cheap (vet.go)
}

// formats are the values of -format; the first is the default.
var formats = []string{"text", "json", "sarif", "github"}

// parseFlags parses the standalone command line. The flags are named as under go vet
// (unitchecker's), so a script can switch drivers: -json, -c, -NAME to select analyzer
// NAME and -NAME.F for its flag F. A bad command line exits 2 with one line, and -h exits 0.
func parseFlags(args []string, analyzers []*analysis.Analyzer) *options {
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	opts := new(options)
	var json bool
	fs.BoolVar(&json, "json", false, "print findings and analyzer errors as JSON (-format=json)")
	fs.StringVar(&opts.format, "format", "",
		"output formats, comma-separated, each FORMAT or FORMAT:FILE; FORMAT is "+strings.Join(formats, ", ")+
			" (default text)")
	fs.StringVar(&opts.output, "o", "",
		"write the output to this file (with several formats, the one that is not text)")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")
	fs.BoolVar(&opts.list, "list", false, "print every check with its pass, severity, state and title, and exit")
	fs.StringVar(&opts.srcroot, "srcroot", "",
		"make sarif and github paths relative to this directory (default: the git top-level, or .)")
	fs.IntVar(&opts.context, "c", -1, "print each position's source lines with this many around them")
	fs.BoolVar(&opts.tests, "test", true, "analyze test files too")
	fs.StringVar(&opts.cpuprof, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&opts.memprof, "memprofile", "", "write a heap profile to this file when done")
	fs.StringVar(&opts.newFrom, "new-from-rev", "", "report only findings on lines (or with witnesses on lines) changed since this git revision")
	fs.StringVar(&opts.explain, "explain", "", "print the documentation of check `CHECK` and exit")
	fs.StringVar(&opts.disable, "disable", "", "comma-separated checks or passes not to report (-disable=misaligned,ptrarith)")
	fs.BoolVar(&opts.cache, "cache", false, "run under go vet, package by package: less memory, and repeat runs reuse go vet's cache")
	enabled := analyzerFlags(fs, analyzers)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: %s [flags] packages...\n", progname)
		fmt.Fprintf(fs.Output(), "   or: go vet -vettool=$(which %s) [flags] packages...\n", progname)
		fmt.Fprintf(fs.Output(), "   or: %s -explain CHECK\n\n", progname)
		fs.PrintDefaults()
	}
	parseArgs(fs, args) // exits on error
	if opts.explain != "" {
		os.Exit(explain(opts.explain))
	}
	if fs.NArg() == 0 && !opts.version && !opts.list {
		fs.Usage()
		os.Exit(2)
	}
	if err := resolveOutputs(opts, json); err != nil {
		fmt.Fprintf(fs.Output(), "%s: %v\n", progname, err)
		fs.Usage()
		os.Exit(2)
	}
	opts.patterns = fs.Args()
	var err error
	if opts.analyzers, err = applyDisable(selectAnalyzers(analyzers, enabled), opts.disable); err != nil {
		fmt.Fprintf(fs.Output(), "%s: %v\n", progname, err)
		os.Exit(2)
	}
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

package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// parseArgs parses args with fs, whose errors are one line on stderr and exit 2, naming the
// nearest flag for an unknown one: the whole usage, a hundred lines for four passes, would bury
// the one that matters. -h prints the usage and exits 0.
func parseArgs(fs *flag.FlagSet, args []string) {
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(os.Stderr)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage()
		os.Exit(0)
	case err != nil:
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
			var names []string
			fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
			msg += checks.DidYouMean(name, names, "-")
		}
		fmt.Fprintf(os.Stderr, "%s: %s (%s -h lists the flags)\n", progname, msg, progname)
		os.Exit(2)
	}
}

// applyDisable applies -disable=CHECK,... to the selected analyzers: each check is added to its
// pass's -disable flag, and each pass is dropped, as -PASS=false drops it.
func applyDisable(analyzers []*analysis.Analyzer, list string) ([]*analysis.Analyzer, error) {
	if list == "" {
		return analyzers, nil
	}
	var names []string
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	byPass, passes, err := checks.SplitDisable(analyzers, names)
	if err != nil {
		return nil, fmt.Errorf("-disable: %w", err)
	}
	for _, a := range analyzers {
		if cs := byPass[a.Name]; len(cs) > 0 {
			f := a.Flags.Lookup("disable")
			if old := f.Value.String(); old != "" {
				cs = append(cs, old)
			}
			if err := f.Value.Set(strings.Join(cs, ",")); err != nil {
				return nil, fmt.Errorf("-disable: %w", err)
			}
		}
	}
	return slices.DeleteFunc(analyzers, func(a *analysis.Analyzer) bool { return passes[a.Name] }), nil
}

// explain prints the documentation of check name, for -explain, and returns the exit code: 2
// for an unknown check, with the list of checks.
func explain(name string) int {
	text := checks.Explain(name)
	if text == "" {
		fmt.Fprintf(os.Stderr, "%s: unknown check %q%s; the checks are:\n", progname, name,
			checks.DidYouMean(name, checkNames(), ""))
		for _, c := range checks.All {
			fmt.Fprintf(os.Stderr, "\t%s\t%s\n", c.Name, c.Title)
		}
		return 2
	}
	fmt.Print(text)
	return 0
}

func checkNames() []string {
	var out []string
	for _, c := range checks.All {
		out = append(out, c.Name)
	}
	return out
}

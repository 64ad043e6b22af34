package driver

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/internal/checks"
)

// printList prints what -list prints, a table of every check: its name, pass, severity,
// state and title. The state is that of this command line, so that with no other flag it is
// each check's default: "on", or "off" when its pass is not selected (-PASS=false, or another
// pass selected alone) or the check is disabled (-PASS.disable=CHECK). all are the registered
// analyzers, selected those that the flags select.
func printList(w io.Writer, all, selected []*analysis.Analyzer) int {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "CHECK\tPASS\tSEVERITY\tSTATE\tTITLE")
	for _, c := range checks.All {
		state := checkState(&c, all, selected)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.Name, c.Pass, c.Severity, state, c.Title)
	}
	if err := tw.Flush(); err != nil {
		return exitError
	}
	return exitClean
}

// checkState returns "on" if c runs with the selected analyzers and their flags, else "off".
func checkState(c *checks.Check, all, selected []*analysis.Analyzer) string {
	i := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == c.Pass })
	if i < 0 || !slices.Contains(selected, all[i]) {
		return "off"
	}
	if f := all[i].Flags.Lookup("disable"); f != nil {
		if d, ok := f.Value.(*checks.Disabled); ok && d.Has(c.Name) {
			return "off"
		}
	}
	return "on"
}

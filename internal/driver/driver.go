// Package driver is the uninitlint command: it runs a registry of analyzers either as a
// go vet tool or standalone over package patterns.
//
// # Under go vet
//
// When invoked by go vet -vettool=$(which uninitlint), with -flags, or with
// a compilation unit's .cfg file as its last argument, Main hands over to
// [unitchecker.Main], which speaks that protocol (go vet always passes -json and prints
// the findings itself); Main answers the -V=full handshake itself, with the module version.
// The driver then sees one package at a time and cannot tell which
// files are generated from a whole-program view, so analyzers that must stay silent in
// generated files check [go/ast.IsGenerated] themselves.
//
// # Standalone
//
//	uninitlint [-format=F] [-srcroot DIR] [-test=false] [-c N] [-NAME[=false]] [-NAME.FLAG=V] packages...
//
// loads the packages and their dependencies from source with
// [golang.org/x/tools/go/packages.Load], including tests by default as go vet and
// staticcheck do, and runs the analyzers with [checker.Analyze]. The -NAME flags select analyzers as multichecker's do: if any is
// true, only those run; otherwise those set false are dropped.
//
// Findings go to stdout, as staticcheck prints them (go vet uses stderr), sorted by file,
// line, column, analyzer and message, without the duplicates that a package and its test
// variant produce, and without those in generated files (analyzers still run on those, for
// facts). Diagnostics of one cause (report.go's group: a check marked ByCause, one function,
// the same witnesses) become one finding at the first use, which lists the others. In text, a
// finding is staticcheck's "file:line:col: message (check)", with "warning: " before the
// message of a warning, the file relative to the current directory when under it, followed
// by one indented line "\tfile:line:col: message" per related position (the "freed here"
// witnesses). With -c N each position is followed by its source lines and N lines around
// them. A summary line ends the run on stderr: "3 findings in 2 of 5 packages".
//
// -format chooses the outputs, a comma-separated list of FORMAT or FORMAT:FILE, and -o names
// the file of the one format without one (outputs.go); all but text print the analyzer errors
// and the errors of the packages that could not be analyzed with the findings:
//
//   - json: one JSON tree in the shape go vet -json prints. -json, which go vet passes, is a
//     synonym; -json with another -format is a usage error.
//   - sarif: a SARIF 2.1.0 log for GitHub code scanning (sarif.go), with every check as a
//     rule, the witnesses as related locations linked from the message, a code flow, levels
//     from the checks' severities, fingerprints that survive lines moving, and the errors as
//     notifications of an unsuccessful invocation.
//   - github: one GitHub Actions ::error or ::warning workflow command per finding and per
//     error, which annotate the pull request (github.go).
//
// -list prints the checks, -version the module version from the build information; -V=full
// prints it in the form go vet requires (version.go).
//
// The sarif and github formats name files relative to -srcroot, by default the top of the
// git checkout around the current directory (found by walking up to .git), else the
// current directory: code scanning and Actions resolve paths from the checkout.
//
// With -new-from-rev REV, only the findings that a change since the git revision REV may have
// caused are printed: those on a line added or modified since REV (in commits, staged or unstaged
// edits, or untracked files), or with a witness on such a line (see newfrom.go). SARIF alone
// stays complete, marking each result new or unchanged, since code scanning closes the alerts
// that an upload leaves out; the exit code counts the new findings.
//
// A package that fails to load or type-check is named on stderr with its errors (in every
// format; SARIF also lists it in its notifications) and is not analyzed, nor is any package
// that imports it, since conclusions drawn from missing types would be wrong. An analyzer
// that fails or panics on a package is named with that package, on stderr in text and
// with the findings otherwise, and the others carry on.
//
// The exit code is 0 when the run is clean, 3 when there are findings, 1 on any error,
// and 2 for a bad command line. Errors take precedence over findings, in every format: a
// run that could not look at every package has not shown that code clean, and a script
// that only checks for 3 must not take it for a partial success.
//
// # Cached
//
// With -cache the standalone command runs go vet -vettool=<itself> -json underneath and reads
// the JSON trees it prints (vet.go): the same report, every format and exit code, one package in
// memory at a time, and go vet's cache for repeat runs. A terminal on stderr shows progress in
// both modes (progress.go).
package driver

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// progname prefixes the driver's error messages.
const progname = "uninitlint"

// Exit codes of the standalone driver (flag errors exit 2, as package flag does).
const (
	exitClean    = 0 // no findings and no errors
	exitError    = 1 // a package failed to load or type-check, or an analyzer failed
	exitFindings = 3 // findings, and no errors
)

// Main runs analyzers as the uninitlint command, under go vet or standalone as its
// arguments say (see the package documentation), and exits; it never returns.
//
// Main replaces the Run function of the analyzers, and of every analyzer they require,
// so that a failure names the analyzer and the package and a panic becomes such a
// failure instead of a crash: it owns the process until it exits.
func Main(analyzers ...*analysis.Analyzer) {
	if err := analysis.Validate(analyzers); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		os.Exit(exitError)
	}
	contain(analyzers)
	if slices.Contains(os.Args[1:], "-V=full") || slices.Contains(os.Args[1:], "--V=full") {
		// unitchecker would print a placeholder for the version: print the module's.
		if err := printFullVersion(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "%s: -V=full: %v\n", progname, err)
			os.Exit(exitError)
		}
		os.Exit(exitClean)
	}
	if isVettool(os.Args[1:]) {
		unitchecker.Main(analyzers...) // exits
	}
	os.Exit(standalone(os.Args[1:], analyzers))
}

// isVettool reports whether args are those of the protocol that go vet -vettool speaks
// to its tool: the -V=full and -flags handshakes, then one run per compilation unit with
// the unit's .cfg file as the last argument, after flags such as -json. unitchecker.Main
// accepts exactly these.
func isVettool(args []string) bool {
	for _, arg := range args {
		switch arg {
		case "-V=full", "--V=full", "-flags", "--flags":
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// standalone runs the analyzers over the packages that args name, prints what they find
// and returns the exit code.
func standalone(args []string, all []*analysis.Analyzer) int {
	opts := parseFlags(args, all)
	switch {
	case opts.version:
		printVersion(os.Stdout)
		return exitClean
	case opts.list:
		return printList(os.Stdout, all, opts.analyzers)
	}
	stop, err := startProfiles(opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		return exitError
	}
	defer stop()
	changes, err := newFrom(opts.newFrom) // before the long part: a bad revision fails at once
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		return exitError
	}
	if opts.cache {
		r, err := runVet(opts, all)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
			return exitError
		}
		for _, line := range r.broken {
			fmt.Fprintf(os.Stderr, "%s: %s\n", progname, line)
		}
		return printReport(r, changes, opts)
	}
	pkgs, err := load(opts.patterns, opts.tests)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		return exitError
	}
	if w := cgoDropped(pkgs); w != "" {
		fmt.Fprintf(os.Stderr, "%s: %s\n", progname, w)
	}
	broken := packageErrors(pkgs)
	for _, e := range broken {
		fmt.Fprintf(os.Stderr, "%s: %s\n", progname, e)
	}
	prog := newLoadedProgress(pkgs)
	actionDone = func(pass *analysis.Pass) { prog.began(pass.Pkg) }
	graph, err := checker.Analyze(opts.analyzers, wellTyped(pkgs), nil)
	prog.stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		return exitError
	}
	r := newReport(graph, generatedFiles(pkgs))
	r.broken, r.packages = broken, countPackages(pkgs)
	return printReport(r, changes, opts)
}

// printReport prints r, keeping only what changes may have caused if they are not nil, ends
// the run with its summary on stderr, and returns the exit code.
func printReport(r *report, changes *changeSet, opts *options) int {
	if changes != nil {
		r.keepNew(changes)
	}
	if err := r.print(os.Stdout, os.Stderr, opts); err != nil {
		fmt.Fprintf(os.Stderr, "%s: print findings: %v\n", progname, err)
		return exitError
	}
	fmt.Fprintf(os.Stderr, "%s: %s\n", progname, r.summary())
	return exitCode(len(r.broken) > 0 || len(r.failures) > 0, len(r.findings) > 0)
}

// startProfiles starts the CPU profile the options ask for, and returns what writes the heap
// profile and stops the CPU profile at the end of the run.
func startProfiles(opts *options) (stop func(), err error) {
	var cpu *os.File
	if opts.cpuprof != "" {
		if cpu, err = os.Create(opts.cpuprof); err != nil {
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if opts.memprof != "" {
			// The heap profile is as of the last completed collection, which in a run
			// of a few large collections may be long before the end: collect first.
			runtime.GC()
			if f, err := os.Create(opts.memprof); err == nil {
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
		}
	}, nil
}

// exitCode returns the exit code of a run that had errors or findings: errors take
// precedence (see the package documentation).
func exitCode(hasErrors, hasFindings bool) int {
	switch {
	case hasErrors:
		return exitError
	case hasFindings:
		return exitFindings
	}
	return exitClean
}

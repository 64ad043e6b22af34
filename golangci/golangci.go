// Package golangci is uninitlint as a golangci-lint v2 module plugin. Build a golangci-lint
// that contains it with `golangci-lint custom` and this .custom-gcl.yml:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/uninitlint/uninitlint
//	    import: github.com/uninitlint/uninitlint/golangci
//	    version: latest
//
// then enable it in .golangci.yml as the custom linter "uninitlint", of type module. Its one
// setting, disable, lists the checks (use-after-free) or whole passes (ptrarith) not to report:
//
//	linters:
//	  enable: [uninitlint]
//	  settings:
//	    custom:
//	      uninitlint:
//	        type: module
//	        settings:
//	          disable: [misaligned]
//
// docs/golangci-lint.md has the whole path, and docs/examples the two files, with which
// TestCustomBinary builds golangci-lint and runs it.
//
// The analyzers are package-level variables, and the plugin changes them for the whole process
// and every driver in it. Importing the package makes them report diagnostics without related
// positions (see init). The settings live in their flags, which [New] sets: golangci-lint builds
// each plugin once per run, from one configuration, so this is safe there; a program that calls
// New twice gets the settings of the last call.
package golangci

import (
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/registry"
)

// Name is the plugin's name: the linter's name in .golangci.yml and in golangci-lint's output.
const Name = checks.Tool

// init leaves //nolint to golangci-lint, and drops the related positions of every diagnostic, because golangci-lint reports each
// related position as an issue of its own ("allocated here"), on its own line, where the
// //nolint:uninitlint that silences the finding does not reach it. Little is lost: each message
// names its key witness line itself ("put back by sync.Pool.Put on line 16").
func init() {
	checks.ApplyNolint = false // golangci-lint applies //nolint, and judges it with nolintlint
	for _, a := range registry.Analyzers() {
		a.Run = withoutRelated(a.Run)
	}
	register.Plugin(Name, New)
}

// withoutRelated returns run with the pass's Report dropping each diagnostic's Related.
func withoutRelated(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			report(d)
		}
		return run(pass)
	}
}

// Settings are the plugin's settings, linters.settings.custom.uninitlint.settings in
// .golangci.yml. A key that is not a field here is an error, so that a typo is not silently
// ignored.
type Settings struct {
	// Disable names checks (use-after-free) and passes (ptrarith) not to report. A check is
	// disabled as by -PASS.disable=CHECK on the command line and a pass as by -PASS=false: a
	// pass that the ignore pass requires still runs, and its directives are still judged.
	Disable []string `json:"disable"`
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from golangci-lint's raw settings. It sets the -disable flag of every
// reporting pass, to the settings' checks or to none, so that its result depends on its
// settings alone and not on an earlier call.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("uninitlint settings: %w", err)
	}
	analyzers, err := configure(registry.Analyzers(), s.Disable)
	if err != nil {
		return nil, fmt.Errorf("uninitlint settings: %w", err)
	}
	return &plugin{analyzers}, nil
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: the passes build SSA and export facts.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// configure applies the disable list to the analyzers' flags and returns the analyzers whose
// findings golangci-lint is to report.
func configure(analyzers []*analysis.Analyzer, disable []string) ([]*analysis.Analyzer, error) {
	byPass, dropped, err := checks.SplitDisable(analyzers, disable)
	if err != nil {
		return nil, fmt.Errorf("disable: %w", err)
	}
	for _, a := range analyzers {
		if f := a.Flags.Lookup("disable"); f != nil {
			if err := f.Value.Set(strings.Join(byPass[a.Name], ",")); err != nil {
				return nil, fmt.Errorf("disable: %w", err)
			}
		}
	}
	return slices.DeleteFunc(analyzers, func(a *analysis.Analyzer) bool { return dropped[a.Name] }), nil
}

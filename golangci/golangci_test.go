package golangci

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/uninitlint/uninitlint/internal/checks"
	"github.com/uninitlint/uninitlint/internal/registry"
	"github.com/uninitlint/uninitlint/passes/escape"
	"github.com/uninitlint/uninitlint/passes/ptrarith"
	"github.com/uninitlint/uninitlint/passes/uninitread"
)

// The tests below do not run in parallel: New sets the flags of the global analyzers.

// build calls the registered constructor, as golangci-lint does, and restores the analyzers'
// flags when the test ends.
func build(t *testing.T, raw any) ([]*analysis.Analyzer, error) {
	t.Helper()
	t.Cleanup(func() {
		if _, err := New(nil); err != nil {
			t.Fatalf("reset: %v", err)
		}
	})
	newPlugin, err := register.GetPlugin("uninitlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(raw)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func disabled(a *analysis.Analyzer) string { return a.Flags.Lookup("disable").Value.String() }

func TestNoSettings(t *testing.T) {
	got, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := registry.Analyzers(); len(got) != len(want) {
		t.Errorf("got %d analyzers, want the registry's %d", len(got), len(want))
	}
}

func TestDisable(t *testing.T) {
	got, err := build(t, map[string]any{"disable": []any{"misaligned", "uninitread", "double-free", "use-after-put"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if a == uninitread.Analyzer {
			t.Errorf("the uninitread pass is disabled but still reported")
		}
	}
	if len(got) != len(registry.Analyzers())-1 {
		t.Errorf("got %d analyzers, want all but uninitread", len(got))
	}
	if d := disabled(escape.Analyzer); d != "double-free,use-after-put" {
		t.Errorf("escape: disable=%q, want double-free,use-after-put", d)
	}
	if d := disabled(ptrarith.Analyzer); d != "misaligned" {
		t.Errorf("ptrarith: disable=%q, want misaligned", d)
	}
}

// TestNewResets proves a second New replaces the first one's settings instead of adding to them.
func TestNewResets(t *testing.T) {
	if _, err := build(t, map[string]any{"disable": []any{"misaligned"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := build(t, map[string]any{"disable": []any{}}); err != nil {
		t.Fatal(err)
	}
	if d := disabled(ptrarith.Analyzer); d != "" {
		t.Errorf("ptrarith: disable=%q after New with no disable, want empty", d)
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		raw  any
		want string
	}{
		{map[string]any{"disabled": []any{"misaligned"}}, `unknown field "disabled"`},
		{map[string]any{"disable": "misaligned"}, "cannot unmarshal string"},
		{map[string]any{"disable": []any{"use-after-fre"}},
			`"use-after-fre" is neither a check nor a pass of uninitlint (checks: use-after-free, `},
		{map[string]any{"disable": []any{"unused-ignore"}}, `disable its pass "ignore"`},
	} {
		_, err := build(t, tc.raw)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want one containing %q", tc.raw, err, tc.want)
		}
	}
}

// TestNoRelated runs a reporting pass as the plugin leaves it, on a package whose findings have
// related positions, and requires diagnostics without them.
func TestNoRelated(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, testdata, escape.Analyzer, "pooluse")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if len(d.Related) > 0 {
				t.Errorf("%s: diagnostic with related positions %v", d.Message, d.Related)
			}
		}
	}
	if n == 0 {
		t.Errorf("no diagnostics: the test proves nothing")
	}
}

// TestNolintLeftToGolangci checks that the analyzers leave //nolint to golangci-lint under the
// plugin: golangci-lint applies it, and its nolintlint would report as unused a //nolint whose
// finding the analyzers had already dropped.
func TestNolintLeftToGolangci(t *testing.T) {
	if checks.ApplyNolint {
		t.Error("checks.ApplyNolint is true under the plugin; want golangci-lint to apply //nolint")
	}
}

package checks

import (
	"reflect"
	"testing"
)

func TestParseDirective(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want *Directive // nil: not ours
	}{
		{"//uninitlint:ignore use-after-free p is static", &Directive{Names: []string{"use-after-free"}, Reason: "p is static"}},
		{"//uninitlint:ignore use-after-free,oob-add  two  checks", &Directive{Names: []string{"use-after-free", "oob-add"}, Reason: "two checks"}},
		{"//uninitlint:ignore use-after-free", &Directive{Names: []string{"use-after-free"}}},
		{"//uninitlint:ignore use-after-free // a comment, not a reason", &Directive{Names: []string{"use-after-free"}}},
		{"//uninitlint:ignore typo why", &Directive{Names: []string{"typo"}, Reason: "why"}},
		{"//uninitlint:ignore", &Directive{}},
		{"//uninitlint:ignored x y", nil},
		{"//lint:ignore SA4006,uninitlint both", &Directive{Names: []string{"uninitlint"}, Reason: "both"}},
		{"//lint:ignore escape,oob-add why", &Directive{Names: []string{"escape", "oob-add"}, Reason: "why"}},
		{"//lint:ignore SA4006 staticcheck's", nil},
		{"//lint:ignore", nil},
		{"//lint:file-ignore uninitlint generated-ish", &Directive{WholeFile: true, Names: []string{"uninitlint"}, Reason: "generated-ish"}},
		{"// uninitlint:ignore use-after-free not a directive (space)", nil},
		{"//nolint:uninitlint", &Directive{Nolint: true, Names: []string{"uninitlint"}}},
		{"//nolint:errcheck,uninitlint // why", &Directive{Nolint: true, Names: []string{"uninitlint"}, Reason: "why"}},
		{"//nolint", &Directive{Nolint: true, Names: []string{"uninitlint"}}},
		{"// nolint:all", &Directive{Nolint: true, Names: []string{"uninitlint"}}},
		{"//nolint:errcheck", nil},
		{"//nolintlint", nil},
	} {
		got := parseDirective(tc.text)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseDirective(%q) = %+v, want %+v", tc.text, got, tc.want)
		}
	}
}

func TestDisabledSet(t *testing.T) {
	t.Parallel()
	d := NewDisabled("escape")
	if err := d.Set("double-free, use-after-grow"); err != nil {
		t.Fatal(err)
	}
	if !d.Has("double-free") || !d.Has("use-after-grow") || d.Has("use-after-free") {
		t.Errorf("Set: got %q", d)
	}
	if got := d.String(); got != "double-free,use-after-grow" {
		t.Errorf("String() = %q, want table order", got)
	}
	for _, bad := range []string{"oob-add", "no-such-check"} {
		if err := d.Set(bad); err == nil {
			t.Errorf("Set(%q): no error, want one (not a check of escape)", bad)
		}
	}
	if err := d.Set(""); err != nil || d.String() != "" {
		t.Errorf(`Set("") = %v, %q; want an empty set`, err, d)
	}
}

package driver

import (
	"runtime/debug"
	"testing"
)

// TestVersionOf checks the version that -version, -V=full and SARIF print, from build info.
func TestVersionOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, "devel"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}, "v0.1.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0a9c750b1e2f3a4b5c6d"}, {Key: "vcs.modified", Value: "true"}}},
			"devel 0a9c750b1e2f+dirty"},
	}
	for _, test := range tests {
		if got := versionOf(test.info); got != test.want {
			t.Errorf("versionOf(%+v) = %q, want %q", test.info, got, test.want)
		}
	}
}

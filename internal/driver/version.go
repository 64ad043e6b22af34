package driver

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// version returns the version of the running binary, from its build information: the module
// version for a binary that go install built from the module proxy (v0.1.0), else "devel"
// with the commit that go build stamped from the checkout (devel 0a9c750b1e2f, and
// "+dirty" if the work tree had edits), else "devel".
func version() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(info)
}

// versionOf returns the version that info describes (see version); info may be nil.
func versionOf(info *debug.BuildInfo) string {
	if info == nil {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			rev = " " + s.Value[:min(12, len(s.Value))]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "+dirty"
		}
	}
	return "devel" + rev + dirty
}

// isReleased reports whether v, from version, is a module version and not a development build.
func isReleased(v string) bool { return !strings.HasPrefix(v, "devel") }

// printVersion prints what -version prints: "uninitlint version v0.1.0 go1.26.0".
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "%s version %s %s\n", progname, version(), runtime.Version())
}

// printFullVersion prints what -V=full prints, in the form that go vet requires of a vet tool
// (cmd/go/internal/work/buildid.go, which unitchecker's -V=full also follows):
//
//	uninitlint version devel uninitlint@v0.1.0 buildID=<hash of the executable>
//
// The third field must contain "devel" for go vet to take the last one, the build ID, as the
// tool's identity in its cache key, so that a rebuilt binary invalidates cached results; the
// module version follows it, for people.
func printFullVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	name := strings.TrimSuffix(filepath.Base(exe), ".exe")
	_, err = fmt.Fprintf(w, "%s version devel %s@%s buildID=%x\n", name, progname, version(), h.Sum(nil))
	return err
}

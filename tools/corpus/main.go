// Command corpus runs uninitlint over pinned versions of real modules and the standard library,
// and prints a table: packages, lines, findings per check, errors, wall time, CPU and peak
// memory. It fetches the modules through the Go module proxy (the only step that needs the
// network) into a scratch module in a temporary directory.
//
//	go run ./tools/corpus                      # every module, without tests
//	go run ./tools/corpus -tests -only pebble  # one module, tests included
//	go run ./tools/corpus -compare             # also the floor, go vet and staticcheck
//
// With -compare it runs, on the same packages, tools/floor (the cost floor: buildssa plus a
// fact), go vet's default suite (with a unique flag value so the vet cache misses) and, if it
// is installed or -staticcheck names it, staticcheck, and prints time and memory ratios.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"
)

// A module of the corpus, pinned.
type module struct {
	name    string // short name for -only and the table
	path    string
	version string
	pattern string // the packages to analyze, relative to path ("..." = all)
}

// corpus is the pinned list (../shared/CORPUS.md of the team): modules heavy in unsafe, cgo or
// hand-managed memory, at versions that resolve through the proxy and build with Go 1.26.
var corpus = []module{
	{"x/sys", "golang.org/x/sys", "v0.49.0", "..."},
	{"pebble", "github.com/cockroachdb/pebble", "v1.1.5", "..."},
	{"ristretto", "github.com/dgraph-io/ristretto/v2", "v2.4.2", "..."},
	{"arrow", "github.com/apache/arrow-go/v18", "v18.8.0", "..."},
	{"sonic", "github.com/bytedance/sonic", "v1.15.5", "..."},
	{"go-json", "github.com/goccy/go-json", "v0.12.0", "..."},
	{"fasthttp", "github.com/valyala/fasthttp", "v1.74.0", "..."},
	{"bbolt", "go.etcd.io/bbolt", "v1.5.0", "..."},
	{"badger", "github.com/dgraph-io/badger/v4", "v4.9.6", "..."},
	{"libc", "modernc.org/libc", "v1.80.1", "..."},
	{"purego", "github.com/ebitengine/purego", "v0.11.3", "..."},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("corpus: ")
	tests := flag.Bool("tests", false, "analyze test files too")
	only := flag.String("only", "", "comma-separated short names of the modules to run (default all, and std)")
	compare := flag.Bool("compare", false, "also run the floor, go vet and staticcheck, and print ratios")
	staticcheck := flag.String("staticcheck", "staticcheck", "the staticcheck binary for -compare")
	flag.Parse()

	work, err := os.MkdirTemp("", "uninitlint-corpus-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	bins := buildTools(work)
	var rows []row
	for i, m := range selectModules(*only) {
		// One scratch module each: fetching them together lets one module's requirements
		// upgrade another's dependencies past what the proxy serves.
		scratch := filepath.Join(work, fmt.Sprint("m", i))
		if err := fetch(scratch, m); err != nil {
			rows = append(rows, row{name: m.name, errors: []string{firstLine(err.Error())}})
			continue
		}
		rows = append(rows, measure(scratch, bins, m, *tests, *compare, *staticcheck))
	}
	if *only == "" || strings.Contains(","+*only+",", ",std,") {
		scratch := filepath.Join(work, "std")
		if err := os.MkdirAll(scratch, 0o777); err != nil {
			log.Fatal(err)
		}
		rows = append(rows, measure(scratch, bins, module{name: "std", pattern: "std"}, *tests, *compare, *staticcheck))
	}
	printTable(rows, *compare)
}

// buildTools builds uninitlint and the floor tool from this checkout.
func buildTools(dir string) map[string]string {
	bins := map[string]string{}
	for name, pkg := range map[string]string{"uninitlint": "./cmd/uninitlint", "floor": "./tools/floor"} {
		bin := filepath.Join(dir, name)
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			log.Fatalf("build %s: %v\n%s", name, err, out)
		}
		bins[name] = bin
	}
	return bins
}

func selectModules(only string) []module {
	if only == "" {
		return corpus
	}
	var out []module
	for _, m := range corpus {
		if strings.Contains(","+only+",", ","+m.name+",") {
			out = append(out, m)
		}
	}
	return out
}

// fetch makes a scratch module in dir that requires m, its tests' dependencies too.
func fetch(dir string, m module) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	if err := run(dir, "go", "mod", "init", "scratch"); err != nil {
		return err
	}
	if run(dir, "go", "get", "-t", m.path+"/...@"+m.version) == nil {
		return nil
	}
	// A pattern with a version also matches nested modules (sonic/loader) at that version,
	// which may not exist: the version first, then the packages.
	if err := run(dir, "go", "get", m.path+"@"+m.version); err != nil {
		return fmt.Errorf("fetch %s: %w", m.path, err)
	}
	if err := run(dir, "go", "get", "-t", m.path+"/..."); err != nil {
		return fmt.Errorf("fetch %s tests' dependencies: %w", m.path, err)
	}
	return nil
}

func run(dir string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// A row of the table: one module.
type row struct {
	name     string
	pkgs     int
	lines    int
	findings map[string]int // by check
	errors   []string
	usage    usage
	others   map[string]usage // -compare: floor, vet, staticcheck
}

// usage is what one run of a tool cost.
type usage struct {
	wall    time.Duration
	cpu     time.Duration // user + sys of the process tree
	maxRSS  int64         // bytes
	skipped string        // why the tool did not run
}

func measure(dir string, bins map[string]string, m module, tests, compare bool, staticcheck string) row {
	pattern := m.pattern
	if m.path != "" {
		pattern = m.path + "/" + m.pattern
	}
	r := row{name: m.name, findings: map[string]int{}, others: map[string]usage{}}
	r.pkgs, r.lines = size(dir, pattern)
	args := []string{"-json", fmt.Sprintf("-test=%v", tests), pattern}
	out, stderr, u := timed(dir, bins["uninitlint"], args...)
	r.usage = u
	r.findings, r.errors = parseJSON(out)
	if s := strings.TrimSpace(summaryLine.ReplaceAllString(stderr, "")); s != "" {
		r.errors = append(r.errors, firstLine(s))
	}
	if compare {
		_, _, r.others["floor"] = timed(dir, bins["floor"], fmt.Sprintf("-test=%v", tests), pattern)
		// A unique -printf.funcs value changes go vet's cache key, so the run is cold.
		_, _, r.others["go vet"] = timed(dir, "go", "vet", "-printf.funcs=corpus"+fmt.Sprint(time.Now().UnixNano()), pattern)
		if _, err := exec.LookPath(staticcheck); err != nil {
			r.others["staticcheck"] = usage{skipped: "not installed"}
		} else {
			// A fresh cache each run, so that staticcheck runs cold as go vet does: with its
			// cache warm it only replays earlier results.
			cache, err := os.MkdirTemp("", "staticcheck-cache-")
			if err != nil {
				log.Fatal(err)
			}
			defer os.RemoveAll(cache)
			_, _, r.others["staticcheck"] = timedEnv(dir, []string{"STATICCHECK_CACHE=" + cache},
				staticcheck, fmt.Sprintf("-tests=%v", tests), pattern)
		}
	}
	log.Printf("%s: %d packages, %s", m.name, r.pkgs, r.usage)
	return r
}

// timed runs a command in dir and returns its output and what it cost.
func timed(dir, name string, args ...string) (stdout, stderr string, u usage) {
	return timedEnv(dir, nil, name, args...)
}

// timedEnv is timed with env added to the environment.
func timedEnv(dir string, env []string, name string, args ...string) (stdout, stderr string, u usage) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	start := time.Now()
	err := cmd.Run()
	u.wall = time.Since(start)
	if cmd.ProcessState == nil {
		u.skipped = err.Error()
		return o.String(), e.String(), u
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.maxRSS = ru.Maxrss * 1024
	}
	u.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return o.String(), e.String(), u
}

func (u usage) String() string {
	if u.skipped != "" {
		return u.skipped
	}
	return fmt.Sprintf("%.1fs wall, %.1fs cpu, %.2f GB", u.wall.Seconds(), u.cpu.Seconds(), float64(u.maxRSS)/1e9)
}

// size returns the number of packages and of non-test Go lines the pattern covers.
func size(dir, pattern string) (pkgs, lines int) {
	cmd := exec.Command("go", "list", "-e", "-f", "{{.Dir}}", pattern)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return 0, 0
	}
	for _, d := range strings.Fields(string(out)) {
		pkgs++
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if n := e.Name(); strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
				lines += countLines(filepath.Join(d, n))
			}
		}
	}
	return pkgs, lines
}

func countLines(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return bytes.Count(data, []byte("\n"))
}

// summaryLine matches the line a run ends with on stderr, which is no error.
var summaryLine = regexp.MustCompile(`(?m)^uninitlint: (no|\d+)( new)? findings? in .*$`)

// parseJSON counts the findings per check in uninitlint's -json output, and collects the
// analyzer errors.
func parseJSON(out string) (map[string]int, []string) {
	counts := map[string]int{}
	var errs []string
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		return counts, []string{"unreadable -json output: " + err.Error()}
	}
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var diags []struct{ Category string }
			if json.Unmarshal(raw, &diags) == nil {
				for _, d := range diags {
					counts[d.Category]++
				}
				continue
			}
			var e struct{ Error string }
			json.Unmarshal(raw, &e)
			errs = append(errs, pkg+": "+analyzer+": "+firstLine(e.Error))
		}
	}
	return counts, errs
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func printTable(rows []row, compare bool) {
	checks := map[string]bool{}
	for _, r := range rows {
		for c := range r.findings {
			checks[c] = true
		}
	}
	names := slices.Sorted(maps.Keys(checks))
	fmt.Println("| module | packages | lines | findings | errors | uninitlint |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	for _, r := range rows {
		var fs []string
		for _, c := range names {
			if n := r.findings[c]; n > 0 {
				fs = append(fs, fmt.Sprintf("%s %d", c, n))
			}
		}
		fmt.Printf("| %s | %d | %d | %s | %d | %s |\n", r.name, r.pkgs, r.lines, orNone(strings.Join(fs, ", ")), len(r.errors), r.usage)
	}
	for _, r := range rows {
		for _, e := range r.errors {
			fmt.Printf("\nerror in %s: %s", r.name, e)
		}
	}
	if compare {
		printComparison(rows)
	}
}

func printComparison(rows []row) {
	fmt.Println("\n| module | tool | cost | CPU ratio (uninitlint/tool) | memory ratio |")
	fmt.Println("| --- | --- | --- | --- | --- |")
	for _, r := range rows {
		for _, tool := range []string{"floor", "go vet", "staticcheck"} {
			o := r.others[tool]
			cpu, mem := "", ""
			if o.skipped == "" && o.cpu > 0 && o.maxRSS > 0 {
				cpu = fmt.Sprintf("%.2f", r.usage.cpu.Seconds()/o.cpu.Seconds())
				mem = fmt.Sprintf("%.2f", float64(r.usage.maxRSS)/float64(o.maxRSS))
			}
			fmt.Printf("| %s | %s | %s | %s | %s |\n", r.name, tool, o, cpu, mem)
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// Command gotest runs uninitlint over every file of $GOROOT/test that is meant to compile on its
// own (the "// run", "// compile" and "// build" tests), one process per file, and fails if any
// run panics, reports an internal error, or hangs. Files that do not type-check here (they need
// flags, other architectures or experiments) are counted and skipped: a clear error is the
// correct answer for them.
//
//	go run ./tools/gotest [-j 2] [-timeout 2m] [-limit N]
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gotest: ")
	jobs := flag.Int("j", runtime.NumCPU(), "files analyzed at once")
	timeout := flag.Duration("timeout", 2*time.Minute, "a run longer than this is a hang")
	limit := flag.Int("limit", 0, "analyze only the first N files (0: all)")
	flag.Parse()

	work, err := os.MkdirTemp("", "uninitlint-gotest-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "uninitlint")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/uninitlint").CombinedOutput(); err != nil {
		log.Fatalf("build: %v\n%s", err, out)
	}
	files := testFiles(filepath.Join(runtime.GOROOT(), "test"))
	if *limit > 0 && *limit < len(files) {
		files = files[:*limit]
	}
	results := analyzeAll(work, bin, files, *jobs, *timeout)
	if !report(results, len(files)) {
		os.Exit(1)
	}
}

// testFiles returns the single-file tests of dir meant to compile: their first line says run,
// compile or build. Multi-file tests (*.dir) and errorcheck tests are left out.
func testFiles(dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && strings.HasSuffix(path, ".dir"):
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(path, ".go") && isCompileTest(path):
			files = append(files, path)
		}
		return nil
	})
	return files
}

func isCompileTest(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		return false
	}
	first := strings.Fields(sc.Text())
	return len(first) >= 2 && first[0] == "//" && (first[1] == "run" || first[1] == "compile" || first[1] == "build")
}

// A result of one file.
type result struct {
	file    string
	outcome string // "ok", "findings", "skipped", "crash", "hang"
	detail  string
}

func analyzeAll(dir, bin string, files []string, jobs int, timeout time.Duration) []result {
	results := make([]result, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i] = analyze(dir, bin, f, timeout)
		}()
	}
	wg.Wait()
	return results
}

// analyze runs the linter on one file, from a directory outside any module, as a
// command-line-arguments package.
func analyze(dir, bin, file string, timeout time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test=false", file)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GO111MODULE=on", "GOFLAGS=", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	text := string(out)
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return result{file, "hang", timeout.String()}
	case strings.Contains(text, "internal error") || strings.Contains(text, "panic:"):
		return result{file, "crash", firstLines(text, 8)}
	case err == nil:
		return result{file, "ok", ""}
	case errors.As(err, &exit) && exit.ExitCode() == 3:
		return result{file, "findings", firstLines(text, 4)}
	}
	return result{file, "skipped", firstLines(text, 1)}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// report prints the counts, the findings and the failures; it reports whether the run passed.
func report(results []result, total int) bool {
	counts := map[string]int{}
	for _, r := range results {
		counts[r.outcome]++
		if r.outcome != "ok" && r.outcome != "skipped" {
			fmt.Printf("%s: %s\n%s\n\n", r.outcome, r.file, r.detail)
		}
	}
	fmt.Printf("%d files: %d clean, %d with findings, %d skipped (do not type-check here), %d crashes, %d hangs\n",
		total, counts["ok"], counts["findings"], counts["skipped"], counts["crash"], counts["hang"])
	return counts["crash"] == 0 && counts["hang"] == 0
}

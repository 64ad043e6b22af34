package driver

import (
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// A progress line on stderr, "uninitlint: 12/40 packages", rewritten in place, for the long
// runs that otherwise print nothing until the end. It shows only when stderr is a terminal:
// in CI and in a pipe it would be noise in the log.
type progress struct {
	mu    sync.Mutex
	n     int // done
	total int // 0: unknown
	shown bool
	seen  map[*types.Package]bool // the standalone driver's packages that began
}

// isTerminal reports whether f is a terminal (a character device, as a tty is; /dev/null is one
// too, but nothing reads it).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// newProgress returns the progress of a go vet run over patterns, or nil (which shows nothing)
// when stderr is no terminal. go vet vets each package once (its test variant if it has tests)
// and each external test package once more: that is the total.
func newProgress(patterns []string) *progress {
	if !isTerminal(os.Stderr) {
		return nil
	}
	p := new(progress)
	_, p.total = listCounts(patterns)
	p.show()
	return p
}

// listCounts returns how many packages patterns name, as the summary counts them (a package
// and its tests once), and how many times go vet will vet them: once each (its test variant if
// it has tests), and once more for each external test package. Both are 0 if go list fails.
func listCounts(patterns []string) (pkgs, vets int) {
	args := append([]string{"list", "-e", "-f", "p{{if .XTestGoFiles}}x{{end}}", "--"}, patterns...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return 0, 0
	}
	for line := range strings.Lines(string(out)) {
		pkgs++
		vets += len(strings.TrimSpace(line)) // p, or px with an external test package
	}
	return pkgs, vets
}

// newLoadedProgress returns the progress of the standalone driver over pkgs and their
// dependencies, all of which the analyzers that export facts visit, or nil when stderr is no
// terminal. A package counts when its first analyzer finishes.
func newLoadedProgress(pkgs []*packages.Package) *progress {
	if !isTerminal(os.Stderr) {
		return nil
	}
	p := &progress{seen: map[*types.Package]bool{}}
	packages.Visit(pkgs, nil, func(*packages.Package) { p.total++ })
	p.show()
	return p
}

// began counts pkg if it is new, for the standalone driver.
func (p *progress) began(pkg *types.Package) {
	if p == nil {
		return
	}
	p.mu.Lock()
	isNew := !p.seen[pkg]
	p.seen[pkg] = true
	p.mu.Unlock()
	if isNew {
		p.done()
	}
}

// done counts one more package done.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.show()
}

func (p *progress) show() {
	if p.total > 0 {
		fmt.Fprintf(os.Stderr, "\r%s: %d/%d packages", progname, min(p.n, p.total), p.total)
	} else {
		fmt.Fprintf(os.Stderr, "\r%s: %d packages", progname, p.n)
	}
	p.shown = true
}

// stop erases the progress line.
func (p *progress) stop() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprintf(os.Stderr, "\r\033[K")
	}
}

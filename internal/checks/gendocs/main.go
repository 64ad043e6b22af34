// Command gendocs writes docs/<pass>.md from the table of checks in internal/checks.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/uninitlint/uninitlint/internal/checks"
)

func main() {
	out := flag.String("out", "docs", "the directory to write")
	flag.Parse()
	for _, pass := range checks.Passes() {
		path := filepath.Join(*out, pass+".md")
		if err := os.WriteFile(path, []byte(checks.Markdown(pass)), 0o666); err != nil {
			log.Fatalf("write docs: %v", err)
		}
	}
}

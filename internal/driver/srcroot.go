package driver

import (
	"os"
	"path/filepath"
)

// sourceRoot returns the absolute directory that SARIF and GitHub paths are relative to:
// flagValue if set, else the top-level of the git checkout around the current directory,
// which is where code scanning and Actions resolve paths from, else the current directory.
// The checkout is found by walking up to a .git entry (a directory, or a file in a worktree
// or submodule), so that no git binary is needed.
func sourceRoot(flagValue string) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return dir, nil
		}
	}
}

package vec_test

import (
	"fmt"
	"testing"
)

// mustPanic calls f and fails t unless f panics with a value whose message
// is want.
func mustPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		switch r := recover(); {
		case r == nil:
			t.Errorf("no panic, want %q", want)
		case fmt.Sprint(r) != want:
			t.Errorf("panic %q, want %q", fmt.Sprint(r), want)
		}
	}()
	f()
}

// panicMessage calls f and returns the message it panicked with, and whether
// it panicked.
func panicMessage(f func()) (msg string, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			msg, panicked = fmt.Sprint(r), true
		}
	}()
	f()
	return "", false
}

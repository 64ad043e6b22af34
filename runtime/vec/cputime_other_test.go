//go:build !linux

package vec_test

import "time"

// threadCPU reports that this system does not tell a thread's CPU time; the
// benchmarks then report sec/op only.
func threadCPU() (time.Duration, bool) { return 0, false }

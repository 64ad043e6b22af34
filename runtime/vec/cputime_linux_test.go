package vec_test

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time the calling thread has used so far. The
// benchmarks lock their goroutine to its thread and report the difference per
// op as cpu-ns/op: on a shared machine it leaves out the time the thread
// waited for a core, which sec/op counts.
func threadCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

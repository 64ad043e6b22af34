//go:build !vecdebug

package vecmutant

// debug turns on the run-time checks described under "Debugging" in the
// package doc; build with -tags vecdebug to set it.
const debug = false

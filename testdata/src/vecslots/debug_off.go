//go:build !vecdebug

package vecslots

// debug turns on the run-time checks described under "Debugging" in the
// package doc; build with -tags vecdebug to set it.
const debug = false

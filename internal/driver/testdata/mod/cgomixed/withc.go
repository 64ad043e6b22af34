package cgomixed

// static int two(void) { return 2; }
import "C"

func WithC() int { return int(C.two()) }

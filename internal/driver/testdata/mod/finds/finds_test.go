package finds

// g is found only with -test (the default).
func g() {
	bad()
}

// Package clean calls no function named bad: the driver exits 0.
package clean

func good() {}

func f() { good() }

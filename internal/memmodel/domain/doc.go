// Package domain holds the model's pure lattices and arithmetic: integer intervals with
// saturating ends, divisibility (strides), linear forms over an atom, sets of byte ranges, and
// the copy-on-write map the dataflow states share. It imports nothing of the model and nothing
// of go/ssa: what an atom is, and what a range of bytes belongs to, is the model's business
// (internal/memmodel), which instantiates these types. Each value here is immutable or says
// who may write it, so states can share them freely.
package domain

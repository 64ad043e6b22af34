// Package ssaq holds the model's stateless queries of SSA values and their types: integer
// constants, conversions looked through, integer widths, array lengths. Each answer depends on
// its arguments alone, never on the model's state, so any stage of the model may ask, and each
// query is tested on its own (as staticcheck's analysis/code and x/tools' go/ssa/ssautil).
package ssaq

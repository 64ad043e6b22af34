package memmodel

import "github.com/uninitlint/uninitlint/internal/memmodel/domain"

// An Interval is a set of integers [Lo, Hi], with saturating unbounded ends (domain.Interval).
// The model's API speaks of it, so the name stays here.
type Interval = domain.Interval

// Top is the interval of a value the model knows nothing about.
var Top = domain.Top

// Point returns the interval holding exactly c.
func Point(c int64) Interval { return domain.Point(c) }

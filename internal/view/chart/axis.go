package chart

import (
	"math"
	"strconv"
)

// Axis places a sweep's values along a plot by what they are, not by
// their order: linearly when they are evenly spaced or span less than ten
// times, logarithmically when they grow by a factor over ten times or
// more. A log axis sets a 0 apart at its left, one average step before the
// smallest positive value, as the log of 0 is nowhere.
type Axis struct {
	Log bool // the positions are logarithmic
	// Zero says a log axis sets 0 apart at its left end.
	Zero bool
	// lo and hi are the values at the ends (their logs on a log axis);
	// zeroAt is the fraction of the width 0 takes on a log axis with Zero.
	lo, hi, zeroAt float64
}

// NewAxis chooses the axis of values, numbers in ascending order (values
// that are not numbers count as 0).
func NewAxis(values []string) Axis {
	vs := numbers(values)
	if len(vs) == 0 {
		return Axis{}
	}
	a := Axis{lo: vs[0], hi: vs[len(vs)-1]}
	var pos []float64
	for _, v := range vs {
		if v > 0 {
			pos = append(pos, v)
		}
	}
	zeros := len(vs) - len(pos)
	if zeros > 1 || len(pos) < 3 || pos[len(pos)-1] < 10*pos[0] || evenly(vs) || a.lo < 0 {
		return a
	}
	a.Log, a.Zero = true, zeros == 1
	a.lo, a.hi = math.Log(pos[0]), math.Log(pos[len(pos)-1])
	if a.Zero {
		step := (a.hi - a.lo) / float64(len(pos)-1)
		a.zeroAt = step / (a.hi - a.lo + step)
	}
	return a
}

// numbers parses values.
func numbers(values []string) []float64 {
	out := make([]float64, len(values))
	for i, s := range values {
		out[i], _ = strconv.ParseFloat(s, 64)
	}
	return out
}

// evenly says whether vs step by the same amount, to within 1 %.
func evenly(vs []float64) bool {
	if len(vs) < 3 {
		return true
	}
	step := (vs[len(vs)-1] - vs[0]) / float64(len(vs)-1)
	for i := 1; i < len(vs); i++ {
		if math.Abs(vs[i]-vs[i-1]-step) > 0.01*step {
			return false
		}
	}
	return true
}

// Frac is where v sits along the axis, from 0 (its left end) to 1 (its
// right end); values beyond the ends are held at them.
func (a Axis) Frac(v float64) float64 {
	if a.hi == a.lo {
		return 0.5
	}
	if !a.Log {
		return clamp((v - a.lo) / (a.hi - a.lo))
	}
	if a.Zero {
		if min0 := math.Exp(a.lo); v < min0 {
			return clamp(a.zeroAt * v / min0) // between 0 and the smallest, linearly
		}
		return clamp(a.zeroAt + (1-a.zeroAt)*(math.Log(v)-a.lo)/(a.hi-a.lo))
	}
	if v <= 0 {
		return 0
	}
	return clamp((math.Log(v) - a.lo) / (a.hi - a.lo))
}

func clamp(f float64) float64 { return min(max(f, 0), 1) }

// Ticks picks which of values (in ascending order, at xs) label the axis
// when a label w(s) wide centred on its x needs gap pixels from the next:
// the first and the last always, the others from the left as they fit.
func Ticks(values []string, xs []float64, w func(string) float64, gap float64) []int {
	n := len(values)
	if n == 0 {
		return nil
	}
	right := func(i int) float64 { return xs[i] + w(values[i])/2 }
	left := func(i int) float64 { return xs[i] - w(values[i])/2 }
	out := []int{0}
	for i := 1; i < n-1; i++ {
		if left(i) >= right(out[len(out)-1])+gap && right(i)+gap <= left(n-1) {
			out = append(out, i)
		}
	}
	if n > 1 {
		if left(n-1) < right(out[len(out)-1])+gap && len(out) > 1 {
			out = out[:len(out)-1]
		}
		out = append(out, n-1)
	}
	return out
}

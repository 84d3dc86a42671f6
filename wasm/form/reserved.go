package form

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
)

// TimeParam is the query parameter that holds the scrub position, in
// virtual ms, so that a shared link opens at that moment of the run. It is
// the playground's, not the scenario's: [Merge] leaves it out without
// reporting it, and Scenario.Parse never sees it.
const TimeParam = "t"

// PatternParam is the query parameter of the embed page (embed.html) that
// names the demo to mount, so that one page serves every scenario.
const PatternParam = "pattern"

// SpeedParam is the query parameter that holds the playback speed, a
// multiple of real time, when it is not [Fit].
const SpeedParam = "speed"

// Fit is the speed that plays each run in about 15 s (view.FitSpeed): the
// default, which follows the run's length.
const Fit = "fit"

// Reserved are the query names the playground keeps for itself.
var Reserved = []string{TimeParam, PatternParam, SpeedParam}

// IsReserved reports whether a query name is the playground's.
func IsReserved(name string) bool { return slices.Contains(Reserved, name) }

// Time reads the scrub position from a query: ok is false when it is
// absent, and a value that is not a finite number from 0 up is reported
// as bad.
func Time(query map[string]string) (t float64, ok bool, bad string) {
	s, ok := query[TimeParam]
	if !ok {
		return 0, false, ""
	}
	t, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
		return 0, false, "Ignored t=" + strconv.Quote(clip(s)) + ": the time must be a number of virtual ms from 0 up."
	}
	return t, true, ""
}

// FormatTime writes a scrub position for the query: short, and exact
// enough that reading it back shows the same frame (to a microsecond of
// virtual time).
func FormatTime(t float64) string {
	return strconv.FormatFloat(math.Round(t*1000)/1000, 'f', -1, 64)
}

// Speed reads the playback speed from a query: fit is true when it is
// absent or "fit", and a value that is not a number in view's speed range
// is reported as bad (and reads as fit).
func Speed(query map[string]string) (speed float64, fit bool, bad string) {
	s, ok := query[SpeedParam]
	if !ok || s == Fit {
		return 0, true, ""
	}
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "x"), 64)
	if err != nil || !(v >= view.MinSpeed && v <= view.MaxSpeed) {
		return 0, true, "Ignored speed=" + strconv.Quote(clip(s)) + ": the speed must be fit or a number from " +
			strconv.FormatFloat(view.MinSpeed, 'f', -1, 64) + " to " + strconv.FormatFloat(view.MaxSpeed, 'f', -1, 64) + "."
	}
	return v, false, ""
}

// FormatSpeed writes a speed for the query and the readout: at most three
// significant digits, no exponent.
func FormatSpeed(s float64) string {
	scale := math.Pow(10, float64(max(0, 2-int(math.Floor(math.Log10(s))))))
	return strconv.FormatFloat(math.Round(s*scale)/scale, 'f', -1, 64)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

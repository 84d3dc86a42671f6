// Package readings reads back the counts a pattern's picture draws in
// words ("4 restarts", "granted 30") as figures of the run's summary, so
// that a test can hold the picture to the summary: the native tests of
// the views, and the browser tests through the texts the canvas drew.
package readings

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A rule reads one summary figure from the texts of a frame: the sum, over
// every text, of each match's number (the first submatch), or of 1 a match
// for a pattern without one. A figure no text draws reads 0, so a picture
// that leaves a non-zero figure out disagrees with the summary.
type rule struct {
	key string
	re  *regexp.Regexp
}

func r(key, pattern string) rule { return rule{key, regexp.MustCompile(pattern)} }

// n matches a count as the pictures write it: 1,234.
const n = `([0-9][0-9,]*)`

// rules are, for each pattern, the figures its picture draws at the end of
// a run, as a desktop-wide frame words them. Several rules of one key add
// up: the supervisor's errors and panics are the summary's crashes.
var rules = map[string][]rule{
	"consumer": {r("produced", `^producer: made `+n+` of `), r("started", `(?:^|· )started `+n+` · `), r("ok", ` · ok `+n+`(?: · |$)`),
		r("failed", ` · failed `+n+`(?: · |$)`), r("restarted", ` · restarted `+n+`(?: · |$)`), r("stopped", ` · stopped `+n+`$`),
		r("max_concurrent", `^children alive: .* · most `+n+` · `), r("gave_up", `^✕ gave up · `)},
	"limiter": {r("granted", `^granted `+n+` · `), r("gave_up", ` · gave up `+n+` · `), r("max_waiting", ` · max waiting `+n+`$`)},
	"pool": {r("served", `^done: `+n+` served`), r("served", ` · `+n+` lost their worker`), r("timed_out", ` · `+n+` timed out`),
		r("max_waiting", `^queue: .*\(max `+n+`\)`)},
	"spawn": {r("served", ` `+n+` answered\b`), r("shed", `, `+n+` shed$`), r("failed", `^✕ out of memory at .*: `+n+` requests? lost$`),
		r("crashed", `^✕ out of memory`), r("max_goroutines", `^[0-9,]+ now · peak `+n+`(?: · |$)`)},
	"stage": {r("processed", `^processed `+n+` · `), r("failed", ` · failed `+n+` · `), r("dropped", `^made .* · dropped `+n+` · `),
		r("produced", `^made `+n+` · `), r("batches", `^batcher: `+n+` flushed`), r("max_buffer", `^buffer: .*, most `+n+`$`)},
	"stream": {r("ok", `; tasks ended: (?:.*, )?`+n+` ok`), r("failed", `; tasks ended: .*\b`+n+` errors?\b`),
		r("failed", `; tasks ended: .*\b`+n+` crash(?:es)?\b`), r("timed_out", `; tasks ended: .*\b`+n+` timed out`),
		r("cancelled", `^results: .*, `+n+` cancelled`)},
	"supervisor": {r("children", `^`+n+` started$`), r("restarts", `^`+n+` restarts?$`), r("restarts", `^#[0-9]+ ↻`+n+`$`),
		r("crashes", `^`+n+` errors?$`), r("crashes", `^`+n+` panics?$`), r("start_failures", `^`+n+` failed starts?$`), r("abandoned", `^`+n+` abandoned$`),
		r("max_children_refused", `^`+n+` refused$`), r("gave_up", `^✕ GAVE UP`)},
	"tasks": {r("ok", ` · `+n+` ok · `), r("crashed", ` · `+n+` crashed`), r("crashed", ` · `+n+` errors`),
		r("refused", ` · `+n+` refused(?: · |$)`), r("lost", ` · `+n+` lost$`), r("died", `^the program died`)},
	"timeout": {r("ok", `^`+n+` in time · `), r("timed_out", ` · `+n+` timed out`), r("late", ` · `+n+` late`),
		r("abandoned", ` · `+n+` abandoned`), r("crashed", ` · `+n+` crashed`)},
}

// Keys are the summary figures the picture of pattern draws, in their
// first rule's order; none for a pattern without rules.
func Keys(pattern string) []string {
	var keys []string
	seen := map[string]bool{}
	for _, ru := range rules[pattern] {
		if !seen[ru.key] {
			seen[ru.key] = true
			keys = append(keys, ru.key)
		}
	}
	return keys
}

// Read reads the figures of pattern's summary that texts, the texts of one
// frame, draw. The supervisor's lanes count restarts twice (the lanes'
// labels and the counts block): Read keeps the two apart, as "restarts"
// from the counts and "restarts (lanes)" from the labels.
func Read(pattern string, texts []string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, ru := range rules[pattern] {
		key := ru.key
		if pattern == "supervisor" && strings.HasPrefix(ru.re.String(), "^#") {
			key += " (lanes)"
		}
		out[key] += 0
		for _, s := range texts {
			for _, m := range ru.re.FindAllStringSubmatch(s, -1) {
				if len(m) < 2 {
					out[key]++
					continue
				}
				v, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
				if err != nil {
					return nil, fmt.Errorf("%s: %q in %q: %w", pattern, m[1], s, err)
				}
				out[key] += float64(v)
			}
		}
	}
	return out, nil
}

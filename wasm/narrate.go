//go:build js && wasm

package main

import (
	"sort"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// How often the words follow the picture while it plays, in real ms: the
// log is text to read, not an animation, and a screen reader must be able
// to finish a sentence.
const (
	logEvery   = 250.0
	speakEvery = 2500.0
)

// narration is the event log and the spoken narration of the run shown.
// Both are functions of the time shown, like the picture, but updated at
// most every logEvery and speakEvery while playing.
type narration struct {
	ui    ui
	words func(event.Record) string
	trace []event.Record
	marks []view.Mark

	shown      int     // events up to the time the log shows; -1 for none yet
	loggedAt   float64 // when the log was last written, real ms
	spokenAt   float64 // when the narration last spoke, real ms
	spokenUpTo float64 // the virtual time marks were narrated up to
	saidAt     float64 // the virtual time the narration speaks of; -1 for none
	jumped     bool    // the time shown was moved (a seek, Home) since the last call of at
}

func newNarration(u ui, words func(event.Record) string) narration {
	return narration{ui: u, words: words, shown: -1, saidAt: -1}
}

// reset starts over for a run (nil for a preview) and its marks.
func (n *narration) reset(r *result, marks []view.Mark) {
	n.trace, n.marks = nil, marks
	if r != nil {
		n.trace = r.trace
	}
	n.shown, n.spokenUpTo, n.saidAt, n.jumped = -1, 0, -1, false
	n.ui.live.SetText("")
	n.render(0)
}

// at follows the time shown, t, at real time ts.
func (n *narration) at(t float64, playing bool, ts float64) {
	count := n.upTo(t)
	if count != n.shown && (!playing || ts-n.loggedAt >= logEvery) {
		n.render(count)
		n.loggedAt = ts
	}
	if n.jumped && t != n.saidAt {
		n.stale(t)
	}
	n.jumped = false
	if !playing {
		n.spokenUpTo = t
		return
	}
	if ts-n.spokenAt < speakEvery {
		return
	}
	var news []string
	for _, m := range n.marks {
		if m.T > n.spokenUpTo && m.T <= t {
			news = append(news, m.Label)
		}
	}
	n.spokenUpTo = t
	if len(news) > 0 {
		n.say(t, news)
		n.spokenAt = ts
	}
}

// tell says what happened at exactly t, after a step.
func (n *narration) tell(t float64) {
	var news []string
	for i := n.upTo(t) - 1; i >= 0 && view.Millis(n.trace[i].At) == t; i-- {
		news = append(news, n.words(n.trace[i]))
	}
	for i, j := 0, len(news)-1; i < j; i, j = i+1, j-1 {
		news[i], news[j] = news[j], news[i]
	}
	if len(news) == 0 {
		news = []string{"nothing happens"}
	}
	n.say(t, news)
}

// jump notes that the time shown was moved (a seek, Home): a narration of
// another moment is then stale.
func (n *narration) jump() { n.jumped = true }

// stale answers a jump away from the moment the narration speaks of: back
// at the start it says so, elsewhere it goes quiet rather than tell of
// another time.
func (n *narration) stale(t float64) {
	if t == 0 {
		n.say(0, []string{"the start, nothing has happened yet"})
		return
	}
	n.saidAt = -1
	n.ui.live.SetText("")
}

// say speaks the first few pieces of news at t, and counts the rest.
func (n *narration) say(t float64, news []string) {
	const most = 3
	s := "At " + view.Ms(t) + " ms: " + strings.Join(news[:min(len(news), most)], "; ")
	if len(news) > most {
		s += "; and " + strconv.Itoa(len(news)-most) + " more"
	}
	n.ui.live.SetText(s + ".")
	n.saidAt = t
}

// upTo counts the events at or before t.
func (n *narration) upTo(t float64) int {
	return sort.Search(len(n.trace), func(i int) bool { return view.Millis(n.trace[i].At) > t })
}

// render lists the latest of the first count events, newest first.
func (n *narration) render(count int) {
	n.shown = count
	for i, li := range n.ui.log {
		k := count - 1 - i
		if k < 0 {
			li.SetHidden(true)
			continue
		}
		r := n.trace[k]
		li.SetText(view.Ms(view.Millis(r.At)) + " ms · " + n.words(r))
		li.SetHidden(false)
	}
	if count == 0 && len(n.ui.log) > 0 {
		n.ui.log[0].SetText("No events yet.")
		n.ui.log[0].SetHidden(false)
	}
}

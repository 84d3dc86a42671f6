//go:build js && wasm

package main

import (
	"strconv"
	"syscall/js"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
)

// leadMs is how much real time a guided moment plays before it pauses at
// its event: enough to see it come, and a short wait however long the run.
const leadMs = 2500.0

// moment is a guided moment's goal: the nth event of a kind (-1 for the
// last) in the run of the form's edit it set.
type moment struct {
	kind event.Kind
	nth  int
	edit int
	btn  dom.Element
}

// spot is the moment reached: the event, where it shows and what it says.
type spot struct {
	t     float64
	rec   event.Record
	look  view.Look
	ring  bool    // the visual placed the ring; otherwise only the words show
	width float64 // the picture's width look was worked out for; 0 before
}

// tryButtons ties the page's moment buttons (see web/playground) to the
// demo each names (the page's first, or the second side of a pair that
// is), and enables them.
func tryButtons(doc dom.Document, demos []*demo) {
	for _, b := range doc.QuerySelectorAll("button.pg-try") {
		at, _ := b.Attr("data-demo")
		i, _ := strconv.Atoi(at)
		if i < 0 || i >= len(demos) || demos[i] == nil {
			continue
		}
		d := demos[i]
		text, _ := b.Attr("data-params")
		params, err := dom.ParseStringMap(text)
		name, _ := b.Attr("data-stop")
		kind, known := event.ParseKind(name)
		n, _ := b.Attr("data-nth")
		nth, _ := strconv.Atoi(n)
		if err != nil || !known {
			continue // the site's build checks them: this is not one of its pages
		}
		if nth == 0 {
			nth = 1
		}
		d.on(b, "click", func(dom.Event) { d.try(b, params, kind, nth) })
		dom.AsButton(b).SetDisabled(false)
	}
}

// try applies a moment's parameters over the page's own, as a preset is,
// and runs them; the run then plays to the moment (see reach).
func (d *demo) try(b dom.Element, params map[string]string, kind event.Kind, nth int) {
	raw, _ := form.Merge(d.scn, d.page, params)
	d.setForm(raw)
	if len(d.kit.Presets) > 0 {
		d.ui.preset.SetValue("")
	}
	d.spot, d.stopAt = nil, -1
	if d.pair != nil {
		d.pair.other(d).spot = nil
	}
	if d.changed(raw); !d.valid { // a pair's other side takes the parameters both share, and re-runs
		return
	}
	d.goal = &moment{kind: kind, nth: nth, edit: d.edit, btn: b}
	d.rerun.Stop()
	d.compute(true)
	// The button may be far below the demo: bring the picture into view,
	// or it would play out of sight (and pause there, as it leaves).
	d.ui.canvas.Reveal()
}

// reach plays the run just computed for g up to its event and pauses there
// (with reduced motion it goes there at once).
func (d *demo) reach(g *moment) {
	i := nthOf(d.last.trace, g.kind, g.nth)
	if i < 0 {
		d.story.ui.live.SetText("This run has no " + g.kind.String() + " event to pause at.")
		return
	}
	r := d.last.trace[i]
	t := view.Millis(r.At)
	d.spot = &spot{t: t, rec: r}
	d.stopAt = t
	d.autoPaused, d.still = false, false
	if d.reduced {
		d.pauseAtMoment()
		return
	}
	d.player.Seek(max(t-leadMs*d.player.Speed(), 0))
	d.player.Play()
}

// nthOf is the index in trace of the nth event of kind k (from 1; -1 for
// the last), or -1 when there is no such event.
func nthOf(trace []event.Record, k event.Kind, nth int) int {
	found, seen := -1, 0
	for i, r := range trace {
		if r.Kind != k {
			continue
		}
		if found, seen = i, seen+1; seen == nth {
			return i
		}
	}
	if nth < 0 {
		return found
	}
	return -1
}

// arriving pauses playback at the moment's event once it gets there; it
// runs after each step of playback.
func (d *demo) arriving() {
	if d.stopAt >= 0 && d.player.T() >= d.stopAt { // the run's end may have stopped it already
		d.pauseAtMoment()
	}
}

// pauseAtMoment shows the moment's event, paused, and says what happened there.
func (d *demo) pauseAtMoment() {
	d.player.Pause()
	d.player.Seek(d.stopAt)
	d.stopAt, d.chosen = -1, true
	d.story.tell(d.player.T())
	d.settle()
}

// showSpot rings what the moment shows while the picture is paused on it,
// and hides the ring once the time shown moves.
func (d *demo) showSpot(t float64) {
	s := d.spot
	on := d.atSpot(t)
	if on && s.width != d.width {
		s.width, s.ring = d.width, false
		s.look = view.Look{Say: d.kit.WordsOf()(s.rec)}
		if l, ok := d.vis.(view.Looker); ok {
			if look, found := l.Look(s.rec, t, d.width); found {
				s.look.At, s.ring = look.At, true
				if look.Say != "" {
					s.look.Say = look.Say
				}
			}
		}
		d.ui.spotTx.SetText("Look here: " + s.look.Say + ".")
		d.ui.spotTx.SetHidden(false) // to be measured
		const m = 4                  // the ring stands clear of what it rings
		r := s.look.At
		w, h := d.ui.spotTx.OffsetSize()
		top := view.WordsTop(d.vis.Plan(t, d.width), r, s.ring, w, h)
		px := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "px" }
		d.ui.spot.SetStyle("left", px(r.X-m))
		d.ui.spot.SetStyle("top", px(r.Y-m))
		d.ui.spot.SetStyle("width", px(r.W+2*m))
		d.ui.spot.SetStyle("height", px(r.H+2*m))
		d.ui.spotTx.SetStyle("top", px(top))
	}
	d.ui.spot.SetHidden(!on || !s.ring)
	d.ui.spotTx.SetHidden(!on)
}

// atSpot reports whether the picture rests at the guided moment reached.
func (d *demo) atSpot(t float64) bool {
	return d.spot != nil && d.stopAt < 0 && !d.player.Playing() && t == d.spot.t
}

// momentObject is the moment reached, for the page's scripts and tests:
// null before one or once the time shown left it.
func (d *demo) momentObject() js.Value {
	s := d.spot
	if !d.atSpot(d.player.T()) || s.width == 0 {
		return js.Null()
	}
	obj := js.Global().Get("Object").New()
	obj.Set("t", s.t)
	obj.Set("kind", s.rec.Kind.String())
	obj.Set("id", int(s.rec.ID))
	obj.Set("say", s.look.Say)
	obj.Set("ring", s.ring)
	return obj
}

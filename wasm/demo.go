//go:build js && wasm

package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/form"
)

// demo is one live demo. Its methods run in callbacks from JavaScript, one
// at a time on one thread, so it needs no lock; none of them blocks.
type demo struct {
	root    dom.Element
	scn     *scenario.Scenario
	kit     view.Kit
	page    map[string]string // the page's parameters (data-params)
	syncURL bool              // the first demo keeps the page URL in step
	ui      ui
	release []func() // listeners, released if the demo breaks or is replaced
	// withdraw takes the demo's functions out of window.playgrounds, when
	// the replay page replaces it; nil until api is called.
	withdraw func()
	// The clock: the demo's own, or the one the two sides of a pair share.
	*clock
	pair *pair // the pair the demo is a side of; nil for a demo alone

	values scenario.Values // the form's values, when valid
	valid  bool
	edit   int // counts the valid values the form took, to tell a job of them
	// unshown holds values a number input could not show (say "abc" from
	// the URL), so that the field's message keeps quoting what was given
	// until the field is edited.
	unshown map[string]string
	broken  bool // a callback panicked: the demo stays as it is

	job      *job       // the computation under way, nil when none
	rerun    *dom.Timer // an edit's re-run, a moment after the last edit
	waiting  []pending  // run() promises awaiting the computation
	last     *result    // the last computed run, nil before one
	sweeping *sweep     // the sweep being run, nil when none
	goal     *moment    // the guided moment whose run is being computed, nil when none
	spot     *spot      // the guided moment reached, or being played to

	// What the canvases show: the last run, or before one a preview of the
	// form's values.
	vis      view.Visual
	charts   *chart.Data // nil before a run
	palette  view.Palette
	paint    struct{ anim, marks, charts, sweep *painter }
	width    float64 // the canvases' CSS width, measured once per resize
	measured bool    // width and colours fit the page as it is now
	reduced  bool    // prefers-reduced-motion: no autoplay, discrete steps
	frames   *dom.Frames
	shown    int // counts the visuals shown, to know one from the next
	// tickCache holds the strip's ticks for a visual shown and a width.
	tickCache struct {
		shown int
		inner float64
		ticks []tick
	}

	// Arrival and pace: a demo plays when it comes on screen and pauses
	// when it leaves, at a speed that fits its run unless one was chosen.
	sight     *dom.Sight
	onScreen  bool
	panelOpen bool // the parameters' panel, on a phone

	urlDue        bool         // the time shown changed since the link last took it
	controlsShown controlState // what the controls show now
	story         narration    // the event log and the spoken narration
}

// clock is what playback is: the time shown, whether and how fast it
// moves, and why. A demo alone has its own; the two sides of a pair share
// one, so that whatever moves one picture moves the other the same.
type clock struct {
	player     view.Player
	startAt    float64 // where the first run opens, paused, as a link asked; -1 for none
	stopAt     float64 // where playback pauses for a guided moment; -1 for none
	autoPaused bool    // paused by leaving the screen: plays again on coming back
	chosen     bool    // the moment shown was chosen (a seek, a step, a pause): the link keeps it
	still      bool    // showing the still that stands for the run, with reduced motion
	fit        bool    // the speed follows each run's length (view.FitSpeed)
	speed      float64 // the speed chosen, when not fit
	lastFrame  float64 // timestamp of the previous frame while playing; 0 when paused
}

// result is a computed run.
type result struct {
	trace   []event.Record
	summary map[string]float64
	values  scenario.Values
}

// pending is a promise awaiting a computation.
type pending struct{ resolve, reject func(any) }

// newDemo builds the demo the element asks for. query is the page URL's
// query when this is the page's first demo, nil otherwise. A panic while
// building is returned as an error, so one broken demo leaves the others.
func newDemo(doc dom.Document, el dom.Element, index int, query map[string]string) (_ *demo, err error) {
	defer func() {
		if r := recover(); r != nil {
			//lint:ignore ST1005 the reader sees it as a sentence, under the demo
			err = fmt.Errorf("This demo could not start because of a bug in the playground: panic: %v.", r)
		}
	}()
	name, _ := el.Attr("data-playground")
	scn, ok := scenario.Lookup(name)
	if !ok {
		//lint:ignore ST1005 the reader sees it as a sentence, under the demo
		return nil, fmt.Errorf("This page asks for a demo named %q, which this playground does not have (it has %s).",
			name, strings.Join(scenario.Names(), ", "))
	}
	d := &demo{root: el, scn: scn, kit: visuals.For(name), syncURL: query != nil, clock: &clock{startAt: -1, stopAt: -1}}
	var notes []string
	if text, ok := el.Attr("data-params"); ok && strings.TrimSpace(text) != "" {
		page, err := dom.ParseStringMap(text)
		if err != nil {
			notes = append(notes, "The page's parameters are unreadable ("+err.Error()+"); the defaults apply.")
		}
		d.page = page
	}
	raw, unknown := form.Merge(scn, d.page, query)
	for _, n := range unknown {
		notes = append(notes, "Ignored "+strconv.Quote(n)+": it is not a parameter of "+scn.Name+".")
	}
	if t, ok, bad := form.Time(query); ok {
		d.startAt, d.chosen = t, true
	} else if bad != "" {
		notes = append(notes, bad)
	}
	var bad string
	d.speed, d.fit, bad = form.Speed(query)
	if bad != "" {
		notes = append(notes, bad)
	}

	d.ui = buildUI(doc, "pg"+strconv.Itoa(index), scn, d.kit)
	defaults, _ := scn.Parse(nil)
	d.vis = d.kit.New(nil, defaults) // until the form holds valid values
	d.paint.anim = newPainter(d.ui.canvas, &d.palette)
	d.paint.marks = newPainter(d.ui.bar.marks, &d.palette)
	d.paint.charts = newPainter(d.ui.charts, &d.palette)
	d.paint.sweep = newPainter(d.ui.sweepCv, &d.palette)
	d.story = newNarration(d.ui, d.kit.WordsOf())
	d.frames = dom.NewFrames(func(ts float64) { d.guard(func() { d.frame(ts) }) })
	d.rerun = dom.NewTimer(func() { d.guard(func() { d.compute(false) }) })
	d.listen()
	d.setForm(raw)
	d.check(raw, notes)
	d.showSpeed()

	if fallback, ok := el.QuerySelector(".playground-fallback"); ok {
		fallback.SetHidden(true) // with the picture the page was built with
	}
	if loading, ok := el.QuerySelector(".playground-loading"); ok {
		loading.Remove()
	}
	el.Append(d.ui.parts...)
	d.resize()
	// Watched once it is in the page: the first report says whether it
	// is on screen already, and the run starts then.
	d.sight = dom.Watch(d.ui.canvas.Element, func(f float64) { d.guard(func() { d.sighted(f) }) }, onScreenAt)
	d.release = append(d.release, d.sight.Release, d.rerun.Release)
	return d, nil
}

// listen wires the controls. Form edits are caught once, on the form, as
// they bubble; the bar's likewise on the bar.
func (d *demo) listen() {
	on := d.on
	u, b := d.ui, d.ui.bar
	on(u.form, "submit", func(e dom.Event) { e.PreventDefault(); d.rerun.Stop(); d.compute(false) })
	on(u.form, "input", d.edited)
	on(u.form, "change", d.edited)
	on(b.box, "input", d.played)
	on(b.box, "change", d.played)
	on(b.pause.Element, "click", func(dom.Event) { d.toggle() })
	on(b.step.Element, "click", func(dom.Event) { d.stepBy(1) })
	on(b.back.Element, "click", func(dom.Event) { d.stepBy(-1) })
	on(b.reset.Element, "click", func(dom.Event) { d.reset() })
	on(b.fit.Element, "click", func(dom.Event) { d.fitSpeed() })
	on(b.marks.Element, "pointerdown", func(e dom.Event) { d.scrubTo(e) })
	on(b.panel.Element, "click", func(dom.Event) { d.togglePanel() })
	on(u.closeP.Element, "click", func(dom.Event) { d.togglePanel() })
	on(u.json.Element, "click", func(dom.Event) { d.download("json") })
	on(u.chrome.Element, "click", func(dom.Event) { d.download("chrome") })
	on(u.helpBtn.Element, "click", func(dom.Event) { d.toggleHelp() })
	on(u.embed.open.Element, "click", func(dom.Event) { d.toggleEmbed() })
	on(d.root, "keydown", d.key)
	if d.kit.Sweep.Param != "" {
		on(u.sweep.Element, "click", func(dom.Event) { d.startSweep(nil) })
		on(u.sweepCv.Element, "click", d.sweepClicked)
		on(u.sweepTb, "click", d.sweepTableClicked)
	}
	reduced := dom.MatchMedia("(prefers-reduced-motion: reduce)")
	d.reduced = reduced.Matches()
	d.release = append(d.release,
		dom.OnWindow("resize", func(dom.Event) { d.guard(d.resize) }),
		dom.MatchMedia("(prefers-color-scheme: dark)").OnChange(func() { d.guard(d.resize) }),
		reduced.OnChange(func() { d.guard(func() { d.reduced = reduced.Matches(); d.redraw() }) }))
}

// guard runs a callback's body; a panic in it breaks this demo, visibly,
// and nothing else.
func (d *demo) guard(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			d.fail(fmt.Sprint("panic: ", r))
		}
	}()
	if !d.broken {
		fn()
	}
}

// fail shows why the demo stopped and disables it. The page's text is not
// touched.
func (d *demo) fail(why string) {
	if d.broken {
		return
	}
	d.broken = true
	defer func() { _ = recover() }() // the DOM itself may be what failed
	d.stop(why)
	d.ui.failure.SetText("This demo stopped because of a bug in the playground: " + why +
		". The text of the page still holds; reloading the page starts the demo again.")
	d.ui.failure.SetHidden(false)
	b := d.ui.bar
	for _, btn := range []dom.Button{b.back, b.pause, b.step, b.reset, b.fit, d.ui.json, d.ui.chrome} {
		btn.SetDisabled(true)
	}
	d.showBusy(false)
	d.unhook()
}

// stop gives up what the demo has under way: its computation, and the
// promises awaiting it or a sweep, which are rejected with why.
func (d *demo) stop(why string) {
	if d.job != nil {
		d.job.supersede()
		d.job = nil
	}
	for _, w := range d.waiting {
		w.reject(dom.NewError(why))
	}
	d.waiting = nil
	if d.sweeping != nil {
		d.sweeping.fail(why)
	}
}

// unhook releases the demo's listeners, observers, timers and frames: no
// callback of the page reaches it after this.
func (d *demo) unhook() {
	for _, r := range d.release {
		r()
	}
	d.release = nil
	d.frames.Release()
}

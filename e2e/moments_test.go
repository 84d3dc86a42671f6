package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reached is what a test reads of a guided moment once its button was
// pressed: the demo's state, and the moment's event as the trace has it.
type reached struct {
	Playing bool    `json:"playing"`
	Time    float64 `json:"time"`
	Moment  struct {
		T    float64 `json:"t"`
		Kind string  `json:"kind"`
		ID   int     `json:"id"`
		Say  string  `json:"say"`
		Ring bool    `json:"ring"`
	} `json:"moment"`
	EventT   float64 `json:"eventT"`   // the time of the button's event in the trace, -1 for none
	Applied  bool    `json:"applied"`  // the form holds every parameter the button sets
	Ring     box     `json:"ring"`     // the ring over the picture
	Canvas   box     `json:"canvas"`   // the picture
	Caption  string  `json:"caption"`  // the words beside the ring
	Words    box     `json:"words"`    // where those words are
	Disabled bool    `json:"disabled"` // the button as the demo left it
	PairT    float64 `json:"pairT"`    // the time the other side of a pair shows; the demo's own when alone
}

// box is an element's place on the screen.
type box struct{ X, Y, W, H float64 }

// demoOf is the index of the demo button i of the page plays in: the
// page's first, or the second side of a pair the moment sets apart.
const demoOf = `(i => +(document.querySelectorAll("button.pg-try")[i].dataset.demo || 0))`

// readMoment reads the demo of button i of the page, and its moment.
const readMoment = `(i => {
	const b = document.querySelectorAll("button.pg-try")[i], k = ` + demoOf + `(i), d = playgrounds[k];
	const root = document.querySelectorAll("[data-playground]")[k];
	const want = JSON.parse(b.dataset.params), got = d.params();
	const events = d.trace().filter(r => r.kind === b.dataset.stop), n = +b.dataset.nth;
	const ev = n < 0 ? events[events.length - 1] : events[n - 1];
	const box = e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; };
	const ring = root.querySelector(".pg-spot"), words = root.querySelector(".pg-spot-text");
	return {playing: d.playing(), time: d.time(), moment: d.moment(), eventT: ev ? ev.t : -1,
		applied: Object.keys(want).every(k => got[k] === want[k]),
		ring: ring.hidden ? {x: 0, y: 0, w: 0, h: 0} : box(ring), canvas: box(root.querySelector("canvas")),
		caption: words.hidden ? "" : words.textContent, words: box(words), disabled: b.disabled,
		pairT: d.pairOf === undefined ? d.time() : playgrounds[d.pairOf].time()};
})`

// perTab is how many moments one tab plays, one after the other.
const perTab = 4

// TestGuidedMoments presses every guided moment's button of every pattern
// page, some by keyboard, and checks that each ends with the page's
// first demo paused at the moment's event, the event's time read from the
// trace, with the button's parameters in the form and the ring and its
// words drawn over the picture. It saves a screenshot of each moment.
func TestGuidedMoments(t *testing.T) {
	for _, page := range patternPages {
		name := page + ".html"
		t.Run(page, func(t *testing.T) {
			p := demoPage(t, name)
			n := eval[int](p, `document.querySelectorAll("button.pg-try").length`)
			require.Positive(t, n, "the page has guided moments")
			for i := range n {
				if i > 0 && i%perTab == 0 { // a tab's actions have a minute
					p.noConsoleErrors()
					p = demoPage(t, name)
				}
				label := eval[string](p, `document.querySelectorAll("button.pg-try")[`+jsNum(i)+`].textContent`)
				eval[bool](p, `(document.querySelectorAll("button.pg-try").forEach((b, j) => b.id = j === `+jsNum(i)+` ? "pg-try-now" : ""), true)`)
				if i%perTab == 0 {
					// A button in the prose, reached and pressed from the keyboard.
					run(p, "pressing "+label, chromedp.Steps(chromedp.Focus(chromedp.CSS("#pg-try-now")), chromedp.KeyEvent(kb.Enter)))
				} else {
					run(p, "clicking "+label, chromedp.Click(chromedp.CSS("#pg-try-now")))
				}
				where := name + " moment " + strconv.Itoa(i+1) + " (" + label + ")"
				got := p.momentReached(i, where)
				t.Logf("%s: %s at %.1f ms: %s", where, got.Moment.Kind, got.Moment.T, got.Moment.Say)
				p.shootDemo(eval[int](p, demoOf+`(`+jsNum(i)+`)`), "moment-"+strings.TrimSuffix(name, ".html")+"-"+strconv.Itoa(i+1))
			}
			// Playing on from a moment leaves it: the ring goes.
			eval[bool](p, `(playgrounds[0].seek(0), true)`)
			await[bool](p, nextFrame)
			assert.True(t, eval[bool](p, `[...document.querySelectorAll(".pg-spot")].every(s => s.hidden)`), "the ring goes once the time shown moves")
			p.noConsoleErrors()
		})
	}
}

// momentReached waits for the moment of button i, pressed, and checks it:
// paused at its event's time with the button's parameters in the form, and
// the ring and its words drawn on the picture, the words clear of the ring.
func (p *page) momentReached(i int, where string) reached {
	t := p.t
	t.Helper()
	demo := `playgrounds[` + demoOf + `(` + jsNum(i) + `)]`
	run(p, "reaching "+where, chromedp.Poll[bool](demo+`.moment() !== null`, chromedp.WithPollingTimeout(40*time.Second)))
	await[bool](p, nextFrame)
	got := eval[reached](p, readMoment+`(`+jsNum(i)+`)`)
	assert.False(t, got.Playing, "%s: paused", where)
	assert.False(t, got.Disabled, "%s: the button is enabled", where)
	assert.True(t, got.Applied, "%s: its parameters are the form's", where)
	assert.GreaterOrEqual(t, got.EventT, 0.0, "%s: its event is in the trace", where)
	assert.Equal(t, got.EventT, got.Moment.T, "%s: at its event's time", where)
	assert.Equal(t, got.Moment.T, got.Time, "%s: the time shown", where)
	assert.Equal(t, got.Time, got.PairT, "%s: a pair's other side shows the same time", where)
	assert.True(t, got.Moment.Ring, "%s: the picture rings what it shows", where)
	assert.Positive(t, got.Ring.W*got.Ring.H, "%s: the ring is drawn", where)
	c := got.Canvas
	assert.True(t, got.Ring.X+got.Ring.W > c.X && got.Ring.X < c.X+c.W && got.Ring.Y+got.Ring.H > c.Y && got.Ring.Y < c.Y+c.H,
		"%s: the ring %+v is on the picture %+v", where, got.Ring, c)
	assert.Contains(t, got.Caption, got.Moment.Say, "%s: its words are shown", where)
	w, r := got.Words, got.Ring
	assert.False(t, w.X < r.X+r.W && r.X < w.X+w.W && w.Y < r.Y+r.H && r.Y < w.Y+w.H,
		"%s: the words %+v leave the ring %+v clear", where, w, r)
	assert.NotEmpty(t, got.Moment.Say, where)
	return got
}

// TestGuidedMomentsOnAPhone presses each pattern page's first guided
// moment on a phone in the dark, where the picture is narrowest: the ring
// and its words must fit the picture and keep clear of each other. It
// saves a screenshot of each.
func TestGuidedMomentsOnAPhone(t *testing.T) {
	for _, page := range patternPages {
		name := page + ".html"
		t.Run(page, func(t *testing.T) {
			p := newPage(t)
			p.show(phone.inDark())
			p.open(name)
			p.waitReady()
			label := eval[string](p, `document.querySelector("button.pg-try").textContent`)
			run(p, "pressing "+label, chromedp.Click(chromedp.CSS("button.pg-try")))
			got := p.momentReached(0, name+" on a phone, first moment ("+label+")")
			c, w := got.Canvas, got.Words
			assert.True(t, w.X >= c.X-1 && w.X+w.W <= c.X+c.W+1, "%s: the words %+v fit the picture's width %+v", name, w, c)
			p.shootDemo(eval[int](p, demoOf+`(0)`), "moment-phone-dark-"+page)
			p.noConsoleErrors()
		})
	}
}

// TestGuidedMomentsWithoutJavaScript: without the demo, a moment's button
// is the item's text, disabled, and the item reads as prose.
func TestGuidedMomentsWithoutJavaScript(t *testing.T) {
	p := newPage(t)
	p.withoutJavaScript()
	p.show(desktop)
	p.open("stream.html")
	assert.True(t, eval[bool](p, `[...document.querySelectorAll("button.pg-try")].every(b => b.disabled)`), "nothing to press")
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), "Watch the ordered buffer: with the settings as")
	p.screenshot("moments-no-javascript")
}

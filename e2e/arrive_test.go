package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rect is an element's box on screen, in CSS pixels.
type rect struct{ Top, Bottom, Left, Right float64 }

// rectOf is the box of the first element matching css.
func (p *page) rectOf(css string) rect {
	p.t.Helper()
	return eval[rect](p, `(r => ({top: r.top, bottom: r.bottom, left: r.left, right: r.right}))(document.querySelector(`+jsString(css)+`).getBoundingClientRect())`)
}

// TestPictureFirst opens every pattern's page as it arrives, on a desktop
// and on a phone: the first demo's picture starts within the first
// screen. On the desktop its knobs are beside the picture, in view, and
// the other parameters wait, closed, under "More parameters"; on the phone
// they open as a panel from the playback bar. A page that opens with a
// pair puts the pair's one form under both pictures and its bar, across
// the width, so there the knobs are under the picture, not beside it.
func TestPictureFirst(t *testing.T) {
	eachPage(t, patternPages, []screen{desktop, phone}, func(t *testing.T, p *page, _ string, s screen) {
		p.waitReady()
		require.Zero(t, eval[float64](p, `scrollY`), "nothing scrolled the page")
		height := eval[float64](p, `innerHeight`)
		canvas := p.rectOf(".playground .pg-canvas")
		assert.Less(t, canvas.Top, height, "the picture starts within the first screen")
		assert.Positive(t, canvas.Bottom-canvas.Top, "the picture has a height")

		// The first demo's own element, or the pair it is a side of.
		const box = `(d => d.closest(".pg-pair") || d)(document.querySelector(".playground"))`
		paired := eval[bool](p, box+`.matches(".pg-pair")`)
		knobs := eval[int](p, box+`.querySelectorAll(".pg-knob").length`)
		assert.GreaterOrEqual(t, knobs, 2)
		assert.LessOrEqual(t, knobs, 3)
		assert.False(t, eval[bool](p, box+`.querySelector(".pg-params").open`), "more parameters stay closed")
		if s.phone {
			assert.False(t, eval[bool](p, box+`.querySelector(".pg-side").checkVisibility()`), "on a phone the form waits in its panel")
			return
		}
		first := eval[rect](p, `(r => ({top: r.top, bottom: r.bottom, left: r.left, right: r.right}))([...`+box+`.querySelectorAll(".pg-knob")].find(k => k.checkVisibility()).getBoundingClientRect())`)
		if paired {
			assert.GreaterOrEqual(t, first.Top, canvas.Bottom, "a pair's knobs are under its pictures")
			p.noConsoleErrors()
			return
		}
		assert.GreaterOrEqual(t, first.Left, canvas.Right, "the knobs are beside the picture")
		assert.Less(t, first.Top, canvas.Bottom)
		assert.True(t, eval[bool](p, `[...document.querySelector(".playground").querySelectorAll(".pg-knob :is(.pg-slider, input[type=checkbox], select)")]
			.every(e => { const r = e.getBoundingClientRect(); return r.bottom <= innerHeight && r.height > 0; })`),
			"every knob's slider or toggle is in view")
		p.noConsoleErrors()
	})
}

// TestMovesOnArrival: a demo starts playing once it is on screen, with
// nothing pressed, and pauses when it leaves. The pool's page has three
// demos: the last waits, not even computed, until the reader scrolls to it.
func TestMovesOnArrival(t *testing.T) {
	p := demoPage(t, "pool.html")
	run(p, "the first demo plays on its own", chromedp.Poll[bool](`playgrounds[0].playing() && playgrounds[0].time() > 0`))
	assert.True(t, eval[bool](p, `playgrounds[2].summary() === null && playgrounds[2].time() === 0`), "the last demo waits for the reader")
	assert.Nil(t, eval[any](p, `playgrounds[2].exportTrace("json")`), "nothing to export before its run")

	eval[bool](p, `(document.querySelectorAll(".playground")[2].querySelector(".pg-canvas").scrollIntoView({block: "center"}), true)`)
	run(p, "the last demo plays once on screen", chromedp.Poll[bool](`playgrounds[2].playing() && playgrounds[2].time() > 0`))
	run(p, "the first has paused, out of sight", chromedp.Poll[bool](`!playgrounds[0].playing()`))

	eval[bool](p, `(scrollTo(0, 0), true)`)
	run(p, "the last pauses when it leaves", chromedp.Poll[bool](`!playgrounds[2].playing()`))
	left := eval[float64](p, `playgrounds[2].time()`)
	run(p, "the first plays on where it was", chromedp.Poll[bool](`playgrounds[0].playing()`))
	assert.Equal(t, left, eval[float64](p, `playgrounds[2].time()`), "a demo out of sight does not move")
	p.noConsoleErrors()
}

// reduceMotion makes the tab prefer reduced motion, in the light scheme.
// Call it before open.
func (p *page) reduceMotion() {
	p.t.Helper()
	run(p, "reducing motion", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}, {Name: "prefers-color-scheme", Value: "light"}},
		})
		return err
	}))
}

// TestReducedMotionShowsAStill: with reduced motion a demo computes its
// run on arrival but does not play it: it shows a moment of the run, still,
// and a Play button, which plays the run from its start.
func TestReducedMotionShowsAStill(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.reduceMotion()
	p.open("stream.html")
	p.waitReady()
	run(p, "the run is computed", chromedp.Poll[bool](`playgrounds[0].summary() !== null`))
	still := eval[float64](p, `playgrounds[0].time()`)
	end := eval[float64](p, `playgrounds[0].summary().virtual_ms`)
	assert.Greater(t, still, end/4, "a moment well into the run, not its empty start")
	// The moment of the picture the page showed before its wasm, as its
	// label says it ("The demo's run at 1,234 of …").
	built := strings.ReplaceAll(eval[string](p, `(document.querySelector(".pg-picture")?.getAttribute("aria-label") ?? "").replace(/^The demo's run at ([0-9,]+) of .*/, "$1")`), ",", "")
	assert.Equal(t, strconv.Itoa(int(still)), built, "the still is the moment of the page's picture")
	await[bool](p, `new Promise(r => setTimeout(() => r(true), 1000))`)
	assert.False(t, eval[bool](p, `playgrounds[0].playing()`))
	assert.Equal(t, still, eval[float64](p, `playgrounds[0].time()`), "the still stays still")
	assert.Equal(t, "Play", eval[string](p, `document.querySelector(".playground .pg-pause").textContent`))
	assert.NotContains(t, run(p, "url", chromedp.Location()), "t=", "the still is no moment the reader chose")

	run(p, "pressing Play", chromedp.Click(chromedp.CSS(".playground .pg-pause")))
	run(p, "it plays", chromedp.Poll[bool](`playgrounds[0].playing()`))
	assert.Less(t, eval[float64](p, `playgrounds[0].time()`), still, "from the start")
	p.noConsoleErrors()
}

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPhoneBarStaysInReach: on a 360 px phone, with the picture scrolled
// out of sight above, the playback bar is still on screen, at its top, on
// top of what scrolls under it, and its buttons work; the parameters open as a panel
// over the lower screen, with the picture in sight above it.
func TestPhoneBarStaysInReach(t *testing.T) {
	p := newPage(t)
	p.show(phone)
	p.open("stream.html")
	p.waitReady()
	run(p, "playing", chromedp.Poll[bool](`playgrounds[0].playing()`))

	// Read on, past the picture: its bottom edge goes 40 px above the screen.
	eval[bool](p, `(scrollBy(0, document.querySelector(".playground .pg-canvas").getBoundingClientRect().bottom + 40), true)`)
	require.Less(t, p.rectOf(".playground .pg-canvas").Bottom, 0.0, "the picture is above the screen")
	height := eval[float64](p, `innerHeight`)
	bar := p.rectOf(".playground .pg-bar")
	assert.GreaterOrEqual(t, bar.Top, 0.0)
	assert.LessOrEqual(t, bar.Bottom, height+1, "the bar is on screen")
	for _, css := range []string{".pg-pause", ".pg-timeline input", ".pg-open"} {
		assert.True(t, eval[bool](p, `(e => { const r = e.getBoundingClientRect();
			return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === e; })(document.querySelector(".playground `+css+`"))`),
			"%s is on top, where a finger lands", css)
	}
	run(p, "paused, as the picture left the screen", chromedp.Poll[bool](`!playgrounds[0].playing()`))
	run(p, "playing from the bar", chromedp.Click(chromedp.CSS(".playground .pg-pause")))
	assert.True(t, eval[bool](p, `playgrounds[0].playing()`))
	run(p, "pausing from the bar", chromedp.Click(chromedp.CSS(".playground .pg-pause")))
	assert.False(t, eval[bool](p, `playgrounds[0].playing()`))
	t0 := eval[float64](p, `playgrounds[0].time()`)
	run(p, "stepping from the bar", chromedp.Click(chromedp.CSS(".playground .pg-bar [aria-label='Step to the next event']")))
	assert.Greater(t, eval[float64](p, `playgrounds[0].time()`), t0)

	run(p, "opening the parameters", chromedp.Click(chromedp.CSS(".playground .pg-open")))
	assert.Equal(t, "true", eval[string](p, `document.querySelector(".playground .pg-open").getAttribute("aria-expanded")`))
	side := p.rectOf(".playground .pg-side")
	assert.Equal(t, "fixed", eval[string](p, `getComputedStyle(document.querySelector(".playground .pg-side")).position`), "a panel")
	assert.LessOrEqual(t, side.Bottom, height+1)
	assert.Greater(t, side.Top, height/3, "over the lower part of the screen")
	canvas := p.rectOf(".playground .pg-canvas")
	assert.GreaterOrEqual(t, canvas.Top, -1.0, "the picture is brought in sight")
	assert.Less(t, canvas.Top, side.Top, "above the panel")
	knob := p.rectOf(".playground .pg-knob .pg-slider")
	assert.True(t, knob.Top >= side.Top && knob.Bottom <= height, "the first knob is in the panel, on screen")
	run(p, "closing with Escape", chromedp.KeyEvent(kb.Escape))
	assert.False(t, eval[bool](p, `document.querySelector(".playground .pg-side").checkVisibility()`))
	p.fitsScreen()
	p.noConsoleErrors()
}

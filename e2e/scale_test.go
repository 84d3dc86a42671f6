package e2e

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
)

// textRecorder wraps the canvas's fillText, before any script of the page
// runs, so that every text a demo draws is measured where it lands: its
// left and right edges and its y in CSS pixels (the demo scales its
// context by the device pixel ratio), and the width of its canvas.
const textRecorder = `(() => {
	const fill = CanvasRenderingContext2D.prototype.fillText;
	window.pgTexts = [];
	CanvasRenderingContext2D.prototype.fillText = function (s, x, y) {
		const m = this.measureText(s);
		window.pgTexts.push({s: String(s), left: x - m.actualBoundingBoxLeft, right: x + m.actualBoundingBoxRight, y: y,
			width: this.canvas.clientWidth, cls: this.canvas.className,
			demo: [...document.querySelectorAll("[data-playground]")].findIndex(e => e.contains(this.canvas))});
		return fill.apply(this, arguments);
	};
})()`

// recordTexts installs textRecorder in the tab. Call it before open.
func (p *page) recordTexts() {
	p.t.Helper()
	run(p, "recording canvas texts", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: textRecorder})
		return err
	}))
}

type drawnText struct {
	S           string
	Left, Right float64
	Y           float64
	Width       float64
	Cls         string
	Demo        int // the index of the demo whose canvas drew it
}

// TestCanvasAtMaxParams runs the first of the largest runs of each
// pattern (see scenariotest.Largest) in its page's first demo on a phone,
// where text is the tightest, and the stream's on a desktop too, and looks
// at moments through each: no canvas of the demo is taller than 900 CSS
// px, and no text the canvases draw runs off them, as the browser
// measures it. (The views' native tests cover every width and more
// moments; a run this large takes seconds to compute in the browser.)
func TestCanvasAtMaxParams(t *testing.T) {
	for _, name := range scenario.Names() {
		raw := scenariotest.Largest[name][0]
		query := url.Values{}
		for k, v := range raw {
			query.Set(k, v)
		}
		screens := []screen{phone}
		if name == "stream" {
			screens = append(screens, desktop)
		}
		for _, s := range screens {
			t.Run(name+"-"+s.name, func(t *testing.T) {
				p := newPage(t)
				p.recordTexts()
				p.show(s)
				run(p, "opening", chromedp.Navigate(env.baseURL+name+".html?"+query.Encode()))
				p.waitReady()
				require.Equal(t, name, eval[string](p, `playgrounds[0].pattern`))
				start := time.Now()
				await[map[string]float64](p, `playgrounds[0].run()`)
				t.Logf("%s computed in %v", name, time.Since(start).Round(time.Millisecond))
				end := eval[float64](p, `playgrounds[0].summary().virtual_ms`)
				for _, f := range []float64{0.05, 0.5, 1} {
					eval[bool](p, `(window.pgTexts = [], true)`)
					eval[float64](p, `playgrounds[0].seek(`+jsNum(end*f)+`)`)
					await[bool](p, nextFrame)
					texts := eval[[]drawnText](p, `window.pgTexts`)
					require.NotEmpty(t, texts, "the demo drew its frame at %v ms", end*f)
					for _, tx := range texts {
						assert.True(t, tx.Left >= -0.5 && tx.Right <= tx.Width+0.5,
							"%s at %v ms: %q runs from %.0f to %.0f px on a %v px canvas (%s)", name, end*f, tx.S, tx.Left, tx.Right, tx.Width, tx.Cls)
					}
				}
				heights := eval[[]float64](p, `[...document.querySelectorAll(".playground")[0].querySelectorAll("canvas")].map(c => c.getBoundingClientRect().height)`)
				assert.Positive(t, slices.Max(heights), "the demo's canvases show")
				for _, h := range heights {
					assert.LessOrEqual(t, h, 900.0, "a canvas of the %s demo at its largest", name)
				}
				p.fitsScreen()
				p.noConsoleErrors()
				if s.phone {
					p.shootDemo(0, "max-"+strings.ReplaceAll(name, "/", "-")+"-"+s.name)
				}
			})
		}
	}
}

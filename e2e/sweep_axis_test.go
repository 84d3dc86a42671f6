package e2e

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sweepRun is what playgrounds[i].sweep() resolves to.
type sweepRun struct {
	Param  string           `json:"param"`
	Figure string           `json:"figure"`
	Points []map[string]any `json:"points"`
}

// sweptPage opens name's page on s, recording what its canvases draw, and
// sweeps its first demo with the sweep's section open.
func sweptPage(t *testing.T, name string, s screen) (*page, sweepRun) {
	t.Helper()
	p := newPage(t)
	p.recordTexts()
	p.show(s)
	p.open(name + ".html")
	p.waitReady()
	eval[bool](p, `(document.querySelector(":is(.playground, .pg-pair) .pg-sweep").open = true, window.pgTexts = [], true)`)
	sw := await[sweepRun](p, `playgrounds[0].sweep()`)
	require.GreaterOrEqual(t, len(sw.Points), 3, "the sweep ran")
	return p, sw
}

// sweepTexts are the texts of the first demo's sweep plot drawn since
// pgTexts was last emptied.
func sweepTexts(p *page) []drawnText {
	all := eval[[]drawnText](p, `window.pgTexts`)
	var out []drawnText
	for _, tx := range all {
		if strings.Contains(tx.Cls, "pg-sweep-chart") {
			out = append(out, tx)
		}
	}
	return out
}

func labels(texts []drawnText) []string {
	out := make([]string, len(texts))
	for i, tx := range texts {
		out[i] = tx.S
	}
	return out
}

func abs(v float64) float64 { return max(v, -v) }

func centre(tx drawnText) float64 { return (tx.Left + tx.Right) / 2 }

// firstAxis is the labels of the first plot's axis, left to right: of the
// lines of texts that are all values of the sweep, the longest and then
// the highest, up to where the values start again (the next plot, side by
// side).
func firstAxis(t *testing.T, texts []drawnText, sw sweepRun) []drawnText {
	t.Helper()
	values := map[string]bool{}
	for _, pt := range sw.Points {
		values[pt["value"].(string)] = true
	}
	rows := map[float64][]drawnText{}
	for _, tx := range texts {
		rows[tx.Y] = append(rows[tx.Y], tx)
	}
	var row []drawnText
	for y, r := range rows {
		all := len(r) >= 2
		for _, tx := range r {
			all = all && values[tx.S]
		}
		if all && (row == nil || len(r) > len(row) || len(r) == len(row) && y < row[0].Y) {
			row = r
		}
	}
	require.NotNil(t, row, "the plot's axis is labelled with the values swept")
	slices.SortFunc(row, func(a, b drawnText) int { return cmp.Compare(a.Left, b.Left) })
	for i := 1; i < len(row); i++ {
		if num(t, row[i].S) <= num(t, row[i-1].S) {
			return row[:i]
		}
	}
	return row
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, "%q is a number", s)
	return f
}

// nowLabel is the first "now: …" text of texts.
func nowLabel(t *testing.T, texts []drawnText) drawnText {
	t.Helper()
	for _, tx := range texts {
		if strings.HasPrefix(tx.S, "now: ") {
			return tx
		}
	}
	require.Fail(t, "the plot marks the form's value")
	return drawnText{}
}

// checkMarker holds the marker's label to value, between the axis labels
// of the values around it.
func checkMarker(t *testing.T, axis []drawnText, now drawnText, value string) {
	t.Helper()
	assert.Equal(t, "now: "+value, now.S)
	v := num(t, value)
	for i, tx := range axis {
		switch x := num(t, tx.S); {
		case x == v:
			// Both labels are centred on the value's x, unless the plot's
			// edge pushed one of them in.
			near := 2.0
			if i == 0 || i == len(axis)-1 {
				near = (now.Right - now.Left) / 2
			}
			assert.InDelta(t, centre(tx), centre(now), near, "the marker stands at %s", value)
		case x < v:
			assert.Greater(t, centre(now), centre(tx), "the marker at %s is right of %s", value, tx.S)
		default:
			assert.Less(t, centre(now), centre(tx), "the marker at %s is left of %s", value, tx.S)
		}
	}
}

// TestSweepAxisMarkerAndLoad sweeps the first demo of every pattern's
// page. The plot's axis is labelled with the values swept, in increasing
// order at increasing x, from the first to the last; the marker stands at
// the form's value and moves with it; a click on a point loads that
// point's run: the form and the link take its value, and the demo's run
// is the sweep's run of it.
func TestSweepAxisMarkerAndLoad(t *testing.T) {
	for _, name := range patternPages {
		t.Run(name, func(t *testing.T) {
			p, sw := sweptPage(t, name, desktop)
			texts := sweepTexts(p)
			axis := firstAxis(t, texts, sw)
			require.GreaterOrEqual(t, len(axis), 3, "the axis labels three values at least")
			assert.Equal(t, sw.Points[0]["value"], axis[0].S, "the axis starts at the first value")
			assert.Equal(t, sw.Points[len(sw.Points)-1]["value"], axis[len(axis)-1].S, "and ends at the last")
			for i := 1; i < len(axis); i++ {
				assert.Greater(t, num(t, axis[i].S), num(t, axis[i-1].S))
				assert.Greater(t, axis[i].Left, axis[i-1].Right, "%q and %q apart", axis[i-1].S, axis[i].S)
			}
			current := eval[string](p, `playgrounds[0].params()[`+jsString(sw.Param)+`]`)
			before := nowLabel(t, texts)
			checkMarker(t, axis, before, current)

			// Load, by a click on its point, the run of the labelled value
			// furthest from the form's whose figure differs from the run shown:
			// the run that follows is then known to be a new one.
			shown := await[map[string]float64](p, `playgrounds[0].run()`)
			byValue := map[string]map[string]any{}
			for _, pt := range sw.Points {
				byValue[pt["value"].(string)] = pt
			}
			far := slices.Clone(axis)
			slices.SortStableFunc(far, func(a, b drawnText) int {
				return -cmp.Compare(abs(num(t, a.S)-num(t, current)), abs(num(t, b.S)-num(t, current)))
			})
			i := slices.IndexFunc(far, func(tx drawnText) bool { return byValue[tx.S][sw.Figure] != shown[sw.Figure] })
			require.GreaterOrEqual(t, i, 0, "a value of the axis gives another %s than %v", sw.Figure, shown[sw.Figure])
			target, want := far[i], byValue[far[i].S]
			t.Logf("%s: axis %v, the form's %s, a click on %s", sw.Param, labels(axis), current, target.S)
			eval[bool](p, `(document.querySelector(":is(.playground, .pg-pair) .pg-sweep-chart").scrollIntoView({block: "center"}), window.pgTexts = [], true)`)
			box := p.rectOf(":is(.playground, .pg-pair) .pg-sweep-chart")
			run(p, "clicking the point of "+target.S, chromedp.MouseClickXY(box.Left+centre(target), box.Top+target.Y-4))
			run(p, "the form takes "+target.S, chromedp.Poll[bool](`playgrounds[0].params()[`+jsString(sw.Param)+`] === `+jsString(target.S)))
			run(p, "the link takes it", chromedp.Poll[bool](`new URLSearchParams(location.search).get(`+jsString(sw.Param)+`) === `+jsString(target.S)))
			run(p, "the demo runs it", chromedp.Poll[bool](`(s => s !== null && s[`+jsString(sw.Figure)+`] === `+jsNum(want[sw.Figure].(float64))+`)(playgrounds[0].summary())`))
			sum := eval[map[string]float64](p, `playgrounds[0].summary()`)
			for k, v := range sum {
				assert.Equal(t, want[k], v, "the demo's %s is the sweep's at %s = %s", k, sw.Param, target.S)
			}
			after := nowLabel(t, sweepTexts(p))
			checkMarker(t, axis, after, target.S)
			assert.NotEqual(t, centre(before), centre(after), "the marker moved")
			p.noConsoleErrors()
		})
	}
}

// TestSweepLoadsFromItsTable: each value in the table under the plot is a
// button that loads its run, from the keyboard too.
func TestSweepLoadsFromItsTable(t *testing.T) {
	p, sw := sweptPage(t, "stage", desktop)
	last := sw.Points[len(sw.Points)-1]["value"].(string)
	button := `.playground .pg-sweep-table button[data-value=` + jsString(last) + `]`
	assert.Equal(t, "Load the run with rate = "+last, eval[string](p, `document.querySelector(`+jsString(button)+`).getAttribute("aria-label")`))
	eval[bool](p, `(document.querySelector(`+jsString(button)+`).focus(), true)`)
	run(p, "pressing Enter", chromedp.KeyEvent("\r"))
	run(p, "the form takes "+last, chromedp.Poll[bool](`playgrounds[0].params().rate === `+jsString(last)))
	run(p, "the demo runs it", chromedp.Poll[bool](`(s => s !== null && s.max_buffer === `+jsNum(sw.Points[len(sw.Points)-1]["max_buffer"].(float64))+`)(playgrounds[0].summary())`))
	p.noConsoleErrors()
}

// TestSweepReadsOnEveryScreen sweeps the supervisor's first demo, whose
// titles are the longest, and the stage's, whose axis sets 0 apart, on a
// desktop and a phone, light and dark: no text of the plot runs off it or
// into another, and it is saved for a person to look at.
func TestSweepReadsOnEveryScreen(t *testing.T) {
	for _, name := range []string{"supervisor", "stage"} {
		for _, s := range allScreens {
			t.Run(name+"-"+s.name, func(t *testing.T) {
				p, _ := sweptPage(t, name, s)
				texts := sweepTexts(p)
				require.NotEmpty(t, texts)
				for i, a := range texts {
					assert.True(t, a.Left >= -0.5 && a.Right <= a.Width+0.5, "%q runs from %.0f to %.0f px on a %v px canvas", a.S, a.Left, a.Right, a.Width)
					for _, b := range texts[i+1:] {
						if a.Y == b.Y {
							assert.False(t, a.Left < b.Right && b.Left < a.Right, "%q and %q run into each other", a.S, b.S)
						}
					}
				}
				eval[bool](p, `(document.querySelector(":is(.playground, .pg-pair) .pg-sweep").scrollIntoView(), true)`)
				saveArtifact(t, "sweep-"+name+"-"+s.name, run(p, "screenshot", chromedp.Screenshot(chromedp.CSS(":is(.playground, .pg-pair) .pg-sweep"))))
				p.fitsScreen()
				p.noConsoleErrors()
			})
		}
	}
}

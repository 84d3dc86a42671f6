package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pairPages are the pages whose comparisons are pairs, and the index in
// window.playgrounds of each pair's first side.
var pairPages = map[string][]int{
	"tasks.html":  {0},
	"spawn.html":  {0},
	"stream.html": {1},
	"review.html": {0, 2, 4},
}

// pairState is what a test reads of a pair: both sides' times, whether
// they play, the bar's slider, the runs' ends and the diff line.
type pairState struct {
	T        [2]float64 `json:"t"`
	Playing  [2]bool    `json:"playing"`
	Max      float64    `json:"max"`
	Value    float64    `json:"value"`
	Ends     [2]float64 `json:"ends"`
	Diff     string     `json:"diff"`
	Summary  [2]string  `json:"summary"`
	Labels   [2]string  `json:"labels"`
	Headings [2]string  `json:"headings"`
}

// readPair reads the pair whose first side is playgrounds[i].
const readPair = `(i => {
	const a = playgrounds[i], b = playgrounds[a.pairOf];
	const pair = document.querySelectorAll("[data-playground]")[i].closest(".pg-pair");
	const slider = pair.querySelector(".pg-pair-controls input[aria-label=time]");
	const sides = [...pair.querySelectorAll(".pg-pair-side")];
	const end = d => { const t = d.trace(); return t.length ? t[t.length - 1].t : 0; };
	return {t: [a.time(), b.time()], playing: [a.playing(), b.playing()], max: +slider.max, value: +slider.value,
		ends: [end(a), end(b)], diff: pair.querySelector(".pg-pair-diff").textContent,
		summary: sides.map(s => s.querySelector(".pg-summary").textContent),
		labels: [a.label, b.label], headings: sides.map(s => s.querySelector(".pg-pair-label").textContent)};
})`

func (p *page) pair(i int) pairState {
	p.t.Helper()
	return eval[pairState](p, readPair+`(`+jsNum(i)+`)`)
}

// TestPairsShareOneClock: on each page with pairs, the two sides of each
// show the same virtual time after playing, a seek, a scrub of the one
// bar, a step and the keyboard; the bar spans the longer run, the
// shorter says it ended, and the line under the pair lists exactly the
// figures the two summaries differ in.
func TestPairsShareOneClock(t *testing.T) {
	for name, firsts := range pairPages {
		t.Run(strings.TrimSuffix(name, ".html"), func(t *testing.T) {
			p := demoPage(t, name)
			for _, i := range firsts {
				require.Equal(t, i+1, eval[int](p, `playgrounds[`+jsNum(i)+`].pairOf`))
				require.Equal(t, i, eval[int](p, `playgrounds[`+jsNum(i+1)+`].pairOf`))
				demo := `playgrounds[` + jsNum(i) + `]`
				eval[bool](p, `(document.querySelectorAll("[data-playground]")[`+jsNum(i)+`].scrollIntoView({block: "center"}), true)`)
				run(p, "both runs in", chromedp.Poll[bool](demo+`.summary() !== null && playgrounds[`+jsNum(i+1)+`].summary() !== null`))
				await[bool](p, nextFrame)
				s := p.pair(i)
				assert.Equal(t, s.T[0], s.T[1], "one time after arrival")
				assert.Equal(t, s.Playing[0], s.Playing[1])
				assert.Equal(t, max(s.Ends[0], s.Ends[1]), s.Max, "the bar spans the longer run")
				assert.Equal(t, s.Labels, s.Headings, "each picture's heading names its side") // before either ends

				// A seek through one side moves both, past the shorter end.
				short := 0
				if s.Ends[1] < s.Ends[0] {
					short = 1
				}
				at := (s.Ends[short] + s.Max) / 2
				eval[float64](p, `playgrounds[`+jsNum(i+1)+`].seek(`+jsNum(at)+`)`)
				await[bool](p, nextFrame)
				s = p.pair(i)
				assert.Equal(t, [2]float64{at, at}, s.T, "a seek moves both")
				assert.Equal(t, at, s.Value, "the bar shows it")
				if s.Ends[short] < s.Max {
					assert.Contains(t, s.Headings[short], "ended at", "the shorter run says it ended")
				}

				// Stepping on the bar, and the keyboard on the second picture.
				bar := `document.querySelectorAll("[data-playground]")[` + jsNum(i) + `].closest(".pg-pair").querySelector(".pg-pair-controls")`
				eval[bool](p, `(`+demo+`.seek(0), `+bar+`.querySelector("button[aria-label='Step to the next event']").click(), true)`)
				await[bool](p, nextFrame)
				s = p.pair(i)
				assert.Positive(t, s.T[0], "a step moves on")
				assert.Equal(t, s.T[0], s.T[1], "a step moves both")
				eval[bool](p, `(document.querySelectorAll("[data-playground]")[`+jsNum(i+1)+`].querySelector(".pg-canvas").focus(), true)`)
				run(p, "a key", chromedp.KeyEvent(kb.ArrowRight))
				await[bool](p, nextFrame)
				k := p.pair(i)
				assert.Greater(t, k.T[0], s.T[0], "the key stepped on")
				assert.Equal(t, k.T[0], k.T[1], "the key moves both")

				// Scrubbing the bar's slider, as a drag does.
				eval[bool](p, `(s => { s.value = String(`+jsNum(s.Max/3)+`); s.dispatchEvent(new Event("input", {bubbles: true})); s.dispatchEvent(new Event("change", {bubbles: true})); return true; })(`+bar+`.querySelector("input[aria-label=time]"))`)
				await[bool](p, nextFrame)
				s = p.pair(i)
				assert.InDelta(t, s.Max/3, s.T[0], 1e-6, "the scrub moves the first")
				assert.Equal(t, s.T[0], s.T[1], "and the second with it")

				// Play: both move, and stay together at every frame read.
				eval[bool](p, `(`+bar+`.querySelector(".pg-pause").click(), true)`)
				for range 5 {
					await[bool](p, nextFrame)
					s = p.pair(i)
					require.Equal(t, s.T[0], s.T[1], "playing, one time")
				}
				eval[bool](p, `(`+bar+`.querySelector(".pg-pause").click(), true)`)
				checkDiff(t, s)
			}
			p.noConsoleErrors()
		})
	}
}

// checkDiff checks the pair's diff line against both summary lines: it
// names every figure whose numbers differ, with both numbers, and none
// that are the same.
func checkDiff(t *testing.T, s pairState) {
	t.Helper()
	figures := func(line string) map[string]string {
		line = strings.TrimPrefix(line, "Whole run: ")
		out := map[string]string{}
		for _, part := range strings.Split(line, " · ") {
			if strings.Contains(part, "virtual ms") {
				out["virtual ms"] = strings.Fields(part)[0]
				continue
			}
			i := strings.LastIndex(part, " ")
			out[part[:i]] = part[i+1:]
		}
		return out
	}
	a, b := figures(s.Summary[0]), figures(s.Summary[1])
	require.NotEmpty(t, a)
	for k, x := range a {
		pair := k + " " + x + " vs " + b[k]
		if x != b[k] {
			assert.Contains(t, s.Diff, pair, "the diff names what differs")
		} else {
			assert.NotContains(t, s.Diff, " "+k+" ", "the diff leaves out what is the same")
		}
	}
}

// TestPairScreens saves each pair page's first pair, played to the
// middle of the longer run, on a desktop and a phone, light and dark.
func TestPairScreens(t *testing.T) {
	for _, name := range []string{"tasks.html", "spawn.html", "stream.html", "review.html"} {
		onScreens(t, name, func(t *testing.T, p *page, s screen) {
			i := pairPages[name][0]
			eval[bool](p, `(document.querySelectorAll("[data-playground]")[`+jsNum(i)+`].scrollIntoView({block: "start"}), true)`)
			run(p, "both runs in", chromedp.Poll[bool](`playgrounds[`+jsNum(i)+`].summary() !== null && playgrounds[`+jsNum(i+1)+`].summary() !== null`))
			st := p.pair(i)
			eval[float64](p, `playgrounds[`+jsNum(i)+`].seek(`+jsNum(st.Max*0.6)+`)`)
			await[bool](p, nextFrame)
			eval[bool](p, `(document.querySelectorAll(".pg-pair").forEach((d, j) => d.id = d.contains(document.querySelectorAll("[data-playground]")[`+jsNum(i)+`]) ? "pg-shot" : ""), true)`)
			saveArtifact(t, "pair-"+strings.TrimSuffix(name, ".html")+"-"+s.name, run(p, "screenshot", chromedp.Screenshot(chromedp.CSS("#pg-shot"))))
		})
	}
}

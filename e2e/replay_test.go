package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/trace"
)

// recorded is a trace the example program wrote, on real time, into the
// served site, and the program's own tally of its results.
type recorded struct {
	file  string // its name in the site's folder
	path  string // on disk
	tally map[string]float64
	trace trace.Trace
}

// recordProgram runs examples/record natively and puts its trace in the
// site, for the test's length.
func recordProgram(t *testing.T) recorded {
	t.Helper()
	needBrowser(t)
	r := recorded{file: fmt.Sprintf("replay-test-%d.json", rand.Int64())}
	r.path = filepath.Join(env.site, r.file)
	t.Cleanup(func() { os.Remove(r.path) })
	cmd := exec.Command("go", "run", "./examples/record", "-o", r.path)
	cmd.Dir = ".."
	out, err := cmd.Output()
	require.NoError(t, err, "go run ./examples/record")
	require.NoError(t, json.Unmarshal(out, &r.tally), "%s", out)
	data, err := os.ReadFile(r.path)
	require.NoError(t, err)
	r.trace, _, err = trace.Read(bytes.NewReader(data))
	require.NoError(t, err)
	require.NotEmpty(t, r.trace.Events)
	return r
}

// replayShown waits for the replay and checks it against the recording:
// the summary's counts are the program's own tally, the demo holds every
// event, its timeline ends at the last one and the canvas draws them.
func (p *page) replayShown(r recorded) {
	p.t.Helper()
	run(p, "waiting for the replay", chromedp.Poll[bool](`playgrounds[0].summary() !== null`))
	sum := eval[map[string]float64](p, `playgrounds[0].summary()`)
	for k, v := range r.tally {
		assert.Equal(p.t, v, sum[k], "%s: the page's summary against the program's tally", k)
	}
	assert.Equal(p.t, len(r.trace.Events), eval[int](p, `playgrounds[0].trace().length`))
	end := float64(r.trace.Events[len(r.trace.Events)-1].At) / 1e6
	assert.InDelta(p.t, end, eval[float64](p, `Number(document.querySelector('.playground input[aria-label="time"]').max)`), 1e-6)
	assert.Contains(p.t, eval[string](p, `document.querySelector(".replay-status").textContent`), "of real time")
	assert.True(p.t, eval[bool](p, `document.querySelector(".replay-problem").hidden`))

	// The download of what is shown reads back as the recorded events.
	back, _, err := trace.Read(strings.NewReader(eval[string](p, `playgrounds[0].exportTrace("json")`)))
	require.NoError(p.t, err)
	assert.Equal(p.t, r.trace.Events, back.Events)
	run(p, "letting it draw", chromedp.Poll[bool](inkedPixels+` > 1000`))
}

// TestReplayByAddress opens the program's trace from trace=, and checks
// that a pause at one moment draws the same picture as the same trace
// opened from the file picker.
func TestReplayByAddress(t *testing.T) {
	r := recordProgram(t)
	p := demoPage(t, "replay.html?trace="+r.file)
	p.replayShown(r)
	at := float64(r.trace.Events[len(r.trace.Events)/2].At) / 1e6
	byAddress := p.frameAt(at)

	q := demoPage(t, "replay.html")
	assert.Equal(t, "No trace opened yet.", eval[string](q, `document.querySelector(".replay-status").textContent`))
	run(q, "picking the file", chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{r.path}))
	q.replayShown(r)
	assert.Equal(t, byAddress, q.frameAt(at), "the same trace draws the same picture either way")
	p.noConsoleErrors()
	q.noConsoleErrors()
}

// TestReplayRefusesBadFiles: each bad file or address gets its reason, and
// what the page showed stays.
func TestReplayRefusesBadFiles(t *testing.T) {
	r := recordProgram(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	other := strings.Replace(string(trace.Encode(r.trace)), `"pattern":"stream"`, `"pattern":"pool"`, 1)
	files := []struct{ path, says string }{
		{write("notes.json", "my shopping list"), "not valid JSON"},
		{write("newer.json", `{"format":"concurrency-patterns-trace","version":2}`), "version 2; this reader reads version 1"},
		{write("pool.json", other), `trace of the "pool" pattern`},
	}
	problem := `document.querySelector(".replay-problem")`

	p := demoPage(t, "replay.html")
	run(p, "picking the good file", chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{r.path}))
	p.replayShown(r)
	for _, f := range files {
		run(p, "picking "+f.path, chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{f.path}))
		run(p, "waiting for the message", chromedp.Poll[bool](`!`+problem+`.hidden && `+problem+`.textContent.includes(`+jsString(filepath.Base(f.path))+`)`))
		assert.Contains(t, eval[string](p, problem+`.textContent`), f.says)
		assert.Equal(t, r.tally["ok"], eval[float64](p, `playgrounds[0].summary().ok`), "the replay shown stays")
	}
	p.noConsoleErrors()

	for _, c := range []struct{ address, says string }{
		{"https://example.com/trace.json", "not on this site"},
		{"http://[::1", "not a valid address"},
		{"missing-trace.json", "404"},
	} {
		t.Run(c.address, func(t *testing.T) {
			q := demoPage(t, "replay.html?trace="+url.QueryEscape(c.address))
			run(q, "waiting for the message", chromedp.Poll[bool](`!`+problem+`.hidden`))
			assert.Contains(t, eval[string](q, problem+`.textContent`), c.says)
			assert.Equal(t, "stream", eval[string](q, `playgrounds[0].pattern`), "the demo still works")
			q.noConsoleErrors("404")
		})
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestReplayByDrop drops the program's trace on the page, as a person
// drags a file from their desktop.
func TestReplayByDrop(t *testing.T) {
	r := recordProgram(t)
	p := demoPage(t, "replay.html")
	await[bool](p, `(async () => {
		const text = await (await fetch(`+jsString(r.file)+`)).text();
		const dt = new DataTransfer();
		dt.items.add(new File([text], "dropped.json", {type: "application/json"}));
		document.querySelector("main h1").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
	p.replayShown(r)
	assert.Contains(t, eval[string](p, `document.querySelector(".replay-status").textContent`), "dropped.json")
	p.noConsoleErrors()
}

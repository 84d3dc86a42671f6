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
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/trace"
)

// recordedPatterns are the patterns examples/record has a workload of:
// every library pattern the playground draws.
var recordedPatterns = []string{"tasks", "stream", "timeout", "stage", "limiter", "pool", "supervisor"}

// recorded is a trace the example program wrote, on real time, into the
// served site, and the program's own tally of its results.
type recorded struct {
	file  string // its name in the site's folder
	path  string // on disk
	tally map[string]float64
	trace trace.Trace
}

// recorder is examples/record, built once for the run.
var recorder struct {
	once sync.Once
	path string
	err  error
}

// recordProgram runs examples/record natively for the pattern and puts its
// trace in the site, for the test's length.
func recordProgram(t *testing.T, pattern string) recorded {
	t.Helper()
	needBrowser(t)
	recorder.once.Do(func() {
		recorder.path = filepath.Join(env.tmp, "record")
		cmd := exec.Command("go", "build", "-o", recorder.path, "./examples/record")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			recorder.err = fmt.Errorf("go build ./examples/record: %v: %s", err, out)
		}
	})
	require.NoError(t, recorder.err)
	r := recorded{file: fmt.Sprintf("replay-test-%s-%d.json", pattern, rand.Int64())}
	r.path = filepath.Join(env.site, r.file)
	t.Cleanup(func() { os.Remove(r.path) })
	out, err := exec.Command(recorder.path, "-pattern", pattern, "-o", r.path).Output()
	require.NoError(t, err, "examples/record -pattern %s", pattern)
	require.NoError(t, json.Unmarshal(out, &r.tally), "%s", out)
	data, err := os.ReadFile(r.path)
	require.NoError(t, err)
	r.trace, _, err = trace.Read(bytes.NewReader(data))
	require.NoError(t, err)
	require.Equal(t, pattern, r.trace.Pattern)
	require.NotEmpty(t, r.trace.Events)
	return r
}

// replayOpened waits until the page replays the file of that name, in a
// demo of the trace's pattern.
func (p *page) replayOpened(pattern, name string) {
	p.t.Helper()
	run(p, "waiting for the replay of "+name, chromedp.Poll[bool](`playgrounds[0].pattern === `+jsString(pattern)+
		` && document.querySelector(".replay-status").textContent.startsWith("Replaying "+`+jsString(name)+`)`+
		` && playgrounds[0].summary() !== null`))
}

// replayShown waits for the replay of name and checks it against the
// recording: the demo is of the trace's pattern, the summary's counts are
// the program's own tally, the demo holds every event, its timeline ends
// at the last one and the canvas draws them.
func (p *page) replayShown(r recorded, name string) {
	p.t.Helper()
	p.replayOpened(r.trace.Pattern, name)
	assert.Equal(p.t, r.trace.Pattern, eval[string](p, `document.querySelector(".playground").dataset.playground`))
	sum := eval[map[string]float64](p, `playgrounds[0].summary()`)
	require.NotEmpty(p.t, r.tally)
	for k, v := range r.tally {
		assert.Contains(p.t, sum, k, "the tally's %s is a figure of the page's summary", k)
		assert.Equal(p.t, v, sum[k], "%s: the page's summary against the program's tally", k)
	}
	p.replayMatches(r.trace)
	assert.Contains(p.t, eval[string](p, `document.querySelector(".replay-status").textContent`), "of real time")
}

// replayMatches checks that the demo shown holds the trace's events, that
// its timeline ends at the last one, and that its canvas draws.
func (p *page) replayMatches(tr trace.Trace) {
	p.t.Helper()
	assert.True(p.t, eval[bool](p, `document.querySelector(".replay-problem").hidden`))
	assert.Equal(p.t, len(tr.Events), eval[int](p, `playgrounds[0].trace().length`))
	end := float64(tr.Events[len(tr.Events)-1].At) / 1e6
	assert.InDelta(p.t, end, eval[float64](p, `Number(document.querySelector('.playground input[aria-label="time"]').max)`), 1e-6)
	// The download of what is shown reads back as the trace's events.
	back, _, err := trace.Read(strings.NewReader(eval[string](p, `playgrounds[0].exportTrace("json")`)))
	require.NoError(p.t, err)
	assert.Equal(p.t, tr.Events, back.Events)
	run(p, "letting it draw", chromedp.Poll[bool](inkedPixels+` > 1000`))
}

// TestReplayByAddress opens the program's trace from trace=, and checks
// that a pause at one moment draws the same picture as the same trace
// opened from the file picker.
func TestReplayByAddress(t *testing.T) {
	r := recordProgram(t, "stream")
	p := demoPage(t, "replay.html?trace="+r.file)
	p.replayShown(r, r.file)
	at := float64(r.trace.Events[len(r.trace.Events)/2].At) / 1e6
	byAddress := p.frameAt(at)

	q := demoPage(t, "replay.html")
	assert.Equal(t, "No trace opened yet.", eval[string](q, `document.querySelector(".replay-status").textContent`))
	run(q, "picking the file", chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{r.path}))
	q.replayShown(r, r.file)
	assert.Equal(t, byAddress, q.frameAt(at), "the same trace draws the same picture either way")
	p.noConsoleErrors()
	q.noConsoleErrors()
}

// TestReplayRefusesBadFiles: each bad file or address gets its reason, and
// what the page showed stays.
func TestReplayRefusesBadFiles(t *testing.T) {
	r := recordProgram(t, "pool")
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	unknown := strings.Replace(string(trace.Encode(r.trace)), `"pattern":"pool"`, `"pattern":"juggler"`, 1)
	huge := filepath.Join(dir, "huge.json")
	require.NoError(t, os.WriteFile(huge, nil, 0o644))
	require.NoError(t, os.Truncate(huge, trace.MaxBytes+1))
	files := []struct{ path, says string }{
		{write("notes.json", "my shopping list"), "not valid JSON"},
		{write("newer.json", `{"format":"concurrency-patterns-trace","version":2}`), "version 2; this reader reads version 1"},
		{write("juggler.json", unknown), `trace of the "juggler" pattern, which this playground does not draw (it draws `},
		{huge, "more than the 32 MB this page opens"},
	}
	problem := `document.querySelector(".replay-problem")`

	p := demoPage(t, "replay.html")
	run(p, "picking the good file", chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{r.path}))
	p.replayShown(r, filepath.Base(r.path))
	for _, f := range files {
		run(p, "picking "+f.path, chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{f.path}))
		run(p, "waiting for the message", chromedp.Poll[bool](`!`+problem+`.hidden && `+problem+`.textContent.includes(`+jsString(filepath.Base(f.path))+`)`))
		assert.Contains(t, eval[string](p, problem+`.textContent`), f.says)
		assert.Equal(t, "pool", eval[string](p, `playgrounds[0].pattern`), "the replay shown stays")
		assert.Equal(t, r.tally["served"], eval[float64](p, `playgrounds[0].summary().served`), "the replay shown stays")
		assert.Equal(t, len(r.trace.Events), eval[int](p, `playgrounds[0].trace().length`))
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

// drop drops a file of the site on the page under the given name, as a
// person drags a file from their desktop.
func (p *page) drop(file, name string) {
	p.t.Helper()
	await[bool](p, `(async () => {
		const text = await (await fetch(`+jsString(file)+`)).text();
		const dt = new DataTransfer();
		dt.items.add(new File([text], `+jsString(name)+`, {type: "application/json"}));
		document.querySelector("main h1").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
}

// TestReplayByDrop drops the program's trace on the page.
func TestReplayByDrop(t *testing.T) {
	r := recordProgram(t, "stream")
	p := demoPage(t, "replay.html")
	p.drop(r.file, "dropped.json")
	p.replayShown(r, "dropped.json")
	p.noConsoleErrors()
}

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// artifacts is where screenshots go; git ignores it.
const artifacts = "artifacts"

// page is one browser tab and what its console reported.
type page struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string // console errors, uncaught exceptions, failed loads, in order
}

// newPage opens a tab. It listens from the tab's first moment, in the
// order the browser reports events, so no console error escapes.
func newPage(t *testing.T) *page {
	t.Helper()
	needBrowser(t)
	p := &page{t: t}
	tab, closeTab := chromedp.NewContext(env.browser, chromedp.WithListener(p.listen))
	t.Cleanup(closeTab)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// The tab lives until the test ends; this limit is for its actions.
	ctx, cancel := context.WithTimeout(tab, time.Minute)
	t.Cleanup(cancel)
	p.ctx = ctx
	return p
}

// demoPage opens a page with demos on a desktop, waits until they are
// interactive, and checks that the page's text holds each of texts.
func demoPage(t *testing.T, name string, texts ...string) *page {
	t.Helper()
	p := newPage(t)
	p.show(desktop)
	p.open(name)
	p.waitReady()
	if len(texts) > 0 {
		text := run(p, "text", chromedp.Text(chromedp.CSS("main")))
		for _, want := range texts {
			assert.Contains(t, text, want)
		}
	}
	return p
}

// listen records the problems a person would see in the browser console.
// It runs in the tab's event loop, so it only appends.
func (p *page) listen(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			problem = "console." + string(ev.Type) + ": " + argsText(ev.Args)
		}
	case *runtime.EventExceptionThrown:
		problem = "uncaught: " + ev.ExceptionDetails.Text
		if ex := ev.ExceptionDetails.Exception; ex != nil {
			problem += " " + ex.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			problem = fmt.Sprintf("%s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	}
	if problem != "" {
		p.mu.Lock()
		p.problems = append(p.problems, problem)
		p.mu.Unlock()
	}
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Description != "" {
			parts = append(parts, a.Description)
		} else {
			parts = append(parts, string(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// run runs an action in the tab and fails the test if it fails.
func run[T any](p *page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, a)
	if err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](p *page, expr string) T {
	p.t.Helper()
	return run(p, expr, chromedp.Evaluate[T](expr))
}

// screen is a viewport and a colour scheme to look at a page in.
type screen struct {
	name          string
	width, height int64
	phone, dark   bool
}

var (
	desktop = screen{name: "desktop", width: 1280, height: 900}
	phone   = screen{name: "phone", width: 360, height: 800, phone: true}
)

func (s screen) inDark() screen {
	s.name, s.dark = s.name+"-dark", true
	return s
}

// allScreens are the screens a person looks at the pages on: a desktop and
// a phone, light and dark.
var allScreens = []screen{desktop, phone, desktop.inDark(), phone.inDark()}

// show makes the tab look like s. Call it before open.
func (p *page) show(s screen) {
	p.t.Helper()
	viewport := []chromedp.EmulateViewportOption{}
	if s.phone {
		viewport = append(viewport, chromedp.EmulateScale(2), chromedp.EmulateMobile)
	}
	scheme := "light"
	if s.dark {
		scheme = "dark"
	}
	run(p, "emulating "+s.name, chromedp.Steps(
		chromedp.EmulateViewport(s.width, s.height, viewport...),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
	))
}

// withoutJavaScript turns scripts off for the tab, as a reader may have.
// Call it before open.
func (p *page) withoutJavaScript() {
	p.t.Helper()
	run(p, "disabling JavaScript", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
}

// open loads a page of the site and waits until its heading shows.
func (p *page) open(name string) {
	p.t.Helper()
	run(p, "opening "+name, chromedp.Steps(
		chromedp.Navigate(env.baseURL+name),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	))
}

// screenshot saves the whole page as artifacts/NAME.png.
func (p *page) screenshot(name string) {
	p.t.Helper()
	saveArtifact(p.t, name, run(p, "screenshot", chromedp.FullScreenshot(100)))
}

// saveArtifact saves a screenshot as artifacts/NAME.png, for a person to
// look at.
func saveArtifact(t *testing.T, name string, png []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(artifacts, name)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(artifacts, name+".png"), png, 0o644))
}

// fitsScreen fails the test if something makes the page wider than the
// screen.
func (p *page) fitsScreen() {
	p.t.Helper()
	assert.True(p.t, eval[bool](p, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`),
		"the page is wider than the screen: %d px", eval[int](p, `document.documentElement.scrollWidth`))
}

// noConsoleErrors fails the test if the page reported a console error, an
// uncaught exception or a failed load, except those containing one of the
// allowed strings.
func (p *page) noConsoleErrors(allowed ...string) {
	p.t.Helper()
	// A round trip: every event sent before its reply has been recorded
	// once it returns (see chromedp.WithListener).
	eval[int](p, "0")
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, problem := range p.problems {
		if !slices.ContainsFunc(allowed, func(a string) bool { return strings.Contains(problem, a) }) {
			p.t.Errorf("console: %s", problem)
		}
	}
}

// linksResolve fetches every URL of the site that the page refers to
// (stylesheets, scripts, the icon, links, images) and fails the test for
// any that does not answer 200, except the files named in pending. A
// browser may fetch an icon late or not at all, so the console alone
// would not catch a missing one.
func (p *page) linksResolve(pending ...string) {
	p.t.Helper()
	urls := eval[[]string](p, `[...document.querySelectorAll("[href], [src]")].map(e => e.href || e.src)`)
	checked := 0
	for _, u := range urls {
		parsed, err := url.Parse(u)
		if err != nil {
			p.t.Errorf("bad URL %q: %v", u, err)
			continue
		}
		if !strings.HasPrefix(u, env.baseURL) || slices.Contains(pending, path.Base(parsed.Path)) {
			continue
		}
		parsed.Fragment = ""
		res, err := client.Get(parsed.String())
		if err != nil {
			p.t.Errorf("GET %s: %v", parsed, err)
			continue
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			p.t.Errorf("GET %s: %s", parsed, res.Status)
		}
		checked++
	}
	if checked == 0 {
		p.t.Error("the page refers to no file of the site; is the query right?")
	}
}

// jsNum writes a number as JavaScript reads it.
func jsNum[N int | float64](n N) string {
	b, _ := json.Marshal(n)
	return string(b)
}

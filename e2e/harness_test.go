package e2e

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is the browser the tests drive: Debian's package, which
// `make deps` installs.
const chromium = "/usr/bin/chromium"

// env is what every test shares: one server of the built site, one
// browser. Each test opens its own tab.
var env struct {
	site    string          // the built site's folder
	tmp     string          // a folder for the run's own files, removed at its end
	baseURL string          // where the server serves it, ending in "/"
	browser context.Context // a chromedp context owning the browser
	skip    string          // why the tests cannot run here, if they cannot
}

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

// runTests sets up the shared environment, runs the tests and tears it all
// down; a deferred cleanup would not run past os.Exit.
func runTests(m *testing.M) int {
	if _, err := os.Stat(chromium); err != nil {
		env.skip = "no headless browser at " + chromium + " (make deps installs it)"
		return m.Run() // every test skips, or fails under CI
	}
	var cleanups []func()
	defer func() {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
	}()
	if err := setUp(&cleanups); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: setting up:", err)
		return 1
	}
	return m.Run()
}

func setUp(cleanups *[]func()) error {
	tmp, err := os.MkdirTemp("", "playground-e2e-")
	if err != nil {
		return err
	}
	*cleanups = append(*cleanups, func() { os.RemoveAll(tmp) })
	env.tmp = tmp

	site := os.Getenv("PLAYGROUND_SITE")
	if site == "" {
		site = filepath.Join(tmp, "site")
		if err := buildSite(site); err != nil {
			return err
		}
	}
	env.site = site
	stop, err := startServer(tmp, site)
	if err != nil {
		return err
	}
	*cleanups = append(*cleanups, stop)

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
	)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	*cleanups = append(*cleanups, cancelAlloc, cancelBrowser)
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("starting %s: %w", chromium, err)
	}
	env.browser = browser
	return nil
}

// buildSite builds the site with `make site`, exactly as a user does.
func buildSite(dir string) error {
	cmd := exec.Command("make", "-C", "..", "site", "SITE="+dir)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("make site: %w", err)
	}
	return nil
}

// startServer builds serve/ and runs it on a free port, and returns the
// func that stops it.
func startServer(tmp, site string) (stop func(), err error) {
	bin := filepath.Join(tmp, "serve")
	if err := goCmd(nil, "build", "-o", bin, "./serve"); err != nil {
		return nil, err
	}
	// PLAYGROUND_BASE=/concurrency/ serves the site under a sub-path, as
	// GitHub Pages serves a project site: the URL the server prints, and
	// so env.baseURL, then ends with it.
	cmd := exec.Command(bin, "-dir", site, "-port", "0", "-base", cmp.Or(os.Getenv("PLAYGROUND_BASE"), "/"))
	out := &firstLine{line: make(chan string, 1)}
	cmd.Stdout, cmd.Stderr = out, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan struct{})
	var exitErr error
	go func() {
		exitErr = cmd.Wait()
		close(exited)
	}()
	stop = func() {
		_ = cmd.Process.Signal(os.Interrupt)
		<-exited
	}

	// The server prints its URL once it listens: "serving DIR at URL (…)".
	select {
	case line := <-out.line:
		_, url, found := strings.Cut(line, " at http://")
		if !found {
			stop()
			return nil, fmt.Errorf("the server printed %q, not its URL", line)
		}
		url, _, _ = strings.Cut(url, " ")
		env.baseURL = "http://" + url
	case <-exited:
		return nil, fmt.Errorf("the server stopped before serving: %v", exitErr)
	case <-time.After(time.Minute):
		stop()
		return nil, errors.New("the server printed no URL within a minute")
	}
	if err := answers(env.baseURL); err != nil {
		stop()
		return nil, err
	}
	return stop, nil
}

// firstLine is a writer that hands on the first line written to it and
// drops the rest.
type firstLine struct {
	mu   sync.Mutex
	buf  []byte
	sent bool
	line chan string // buffered, so Write never blocks
}

func (w *firstLine) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.sent {
		w.buf = append(w.buf, p...)
		if i := bytes.IndexByte(w.buf, '\n'); i >= 0 {
			w.line <- string(w.buf[:i])
			w.sent, w.buf = true, nil
		}
	}
	return len(p), nil
}

// client fetches from the server outside the browser.
var client = http.Client{Timeout: 10 * time.Second}

// answers checks that the server serves the index.
func answers(url string) error {
	res, err := client.Get(url)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, res.Status)
	}
	return nil
}

// goCmd runs the go command in the repository root with extra environment
// variables, showing its output only when it fails.
func goCmd(env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// needBrowser skips a test that cannot run here, or fails it under CI,
// where a missing browser is a broken setup and not a choice.
func needBrowser(t *testing.T) {
	t.Helper()
	if env.skip == "" {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal(env.skip)
	}
	t.Skip(env.skip)
}

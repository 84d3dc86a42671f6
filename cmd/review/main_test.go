package main_test

import (
	"bufio"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// The sample module marks each line the reviewer must flag with a
// "// finding: question, question" comment; every other line must stay
// quiet.
const sample = "testdata/mod"

// bin is the command, built once for all the tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "review")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "review")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	code := 1
	if err == nil {
		code = m.Run()
	} else {
		os.Stderr.Write(out)
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// finding is one line of the command's output.
type finding struct {
	file     string
	line     int
	question string
	url      string
}

var findingLine = regexp.MustCompile(`^(?:vet: )?(\S+\.go):(\d+):\d+: ([a-z ]+): .+; see (\S+)$`)

func TestStandalone(t *testing.T) {
	out, code := run(t, bin, "./...")
	if code != 3 {
		t.Errorf("exit code %d, want 3 (findings)\n%s", code, out)
	}
	checkFindings(t, parse(t, out), "https://concurrency-patterns.github.io/playground/")
}

func TestVetTool(t *testing.T) {
	out, code := run(t, "go", "vet", "-vettool="+bin, "-pages=http://localhost:8080/site/", "./...")
	if code != 1 {
		t.Errorf("go vet exit code %d, want 1 (findings)\n%s", code, out)
	}
	checkFindings(t, parse(t, out), "http://localhost:8080/site/")
}

func TestBadPagesAddress(t *testing.T) {
	out, code := run(t, bin, "-pages=ftp://example.com/", "./...")
	if code == 0 || code == 3 || !strings.Contains(out, "want http or https") {
		t.Errorf("exit code %d, output:\n%s", code, out)
	}
}

// checkFindings compares what was reported with the sample's marks, and
// checks that every link opens a demo that takes its parameters.
func checkFindings(t *testing.T, got []finding, base string) {
	t.Helper()
	want := marks(t)
	var seen []string
	for _, f := range got {
		key := filepath.Base(f.file) + ":" + strconv.Itoa(f.line) + ": " + f.question
		seen = append(seen, key)
		if !slices.Contains(want, key) {
			t.Errorf("unexpected finding %s", key)
		}
		if !strings.HasPrefix(f.url, base) {
			t.Errorf("%s: link %s is not under %s", key, f.url, base)
		}
		checkLink(t, key, strings.TrimPrefix(f.url, base))
	}
	for _, w := range want {
		if !slices.Contains(seen, w) {
			t.Errorf("missing finding %s", w)
		}
	}
}

// checkLink checks that a page exists, that its first demo is of a
// scenario, and that the scenario accepts the link's parameters.
func checkLink(t *testing.T, key, rel string) {
	t.Helper()
	u, err := url.Parse(rel)
	if err != nil {
		t.Errorf("%s: %v", key, err)
		return
	}
	page := strings.TrimSuffix(u.Path, ".html")
	name := firstDemo(t, filepath.Join("..", "..", "content", page+".md"))
	s, ok := scenario.Lookup(name)
	if !ok {
		t.Errorf("%s: page %s shows %q, which is no scenario", key, page, name)
		return
	}
	raw := map[string]string{}
	for k, v := range u.Query() {
		if _, ok := s.Param(k); !ok {
			t.Errorf("%s: %s has no parameter %q", key, name, k)
		}
		raw[k] = v[0]
	}
	if len(raw) == 0 {
		t.Errorf("%s: the link sets up nothing: %s", key, rel)
	}
	if _, errs := s.Parse(raw); len(errs) > 0 {
		t.Errorf("%s: %s refuses %v: %v", key, name, raw, errs)
	}
}

// firstDemo is the scenario of a page's first playground fence: the demo
// a page URL's query sets up.
func firstDemo(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no page: %v", err)
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "```playground "); ok {
			return strings.TrimSpace(rest)
		}
	}
	t.Fatalf("%s has no demo", path)
	return ""
}

// marks reads the sample's "// finding:" comments as file:line: question.
func marks(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(sample, "*.go"))
	var want []string
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			_, qs, ok := strings.Cut(sc.Text(), "// finding: ")
			for q := range strings.SplitSeq(qs, ",") {
				if ok {
					want = append(want, filepath.Base(path)+":"+strconv.Itoa(n)+": "+strings.TrimSpace(q))
				}
			}
		}
		f.Close()
	}
	if len(want) == 0 {
		t.Fatal("the sample marks no findings")
	}
	return want
}

func parse(t *testing.T, out string) []finding {
	t.Helper()
	var fs []finding
	for line := range strings.Lines(out) {
		m := findingLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		fs = append(fs, finding{file: m[1], line: n, question: m[3], url: m[4]})
	}
	return fs
}

// run runs a command in the sample module and returns its combined
// output and exit code.
func run(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = sample
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return string(out), 0
}

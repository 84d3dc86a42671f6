package supview_test

import (
	"fmt"
	"html"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// runSupervisor records a real run of the supervisor scenario.
func runSupervisor(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	return scenariotest.Record(t, "supervisor", params)
}

// values parses params as the scenario does.
func values(t *testing.T, params map[string]string) scenario.Values {
	t.Helper()
	s, _ := scenario.Lookup("supervisor")
	v, errs := s.Parse(params)
	require.Empty(t, errs)
	return v
}

// ev is one trace record at ms virtual milliseconds.
func ev(ms float64, k event.Kind, id, slot, n int, detail string) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot), N: int32(n), Detail: detail}
}

// dumpSVG writes p as an SVG into $SUPVIEW_SVG/name.svg, for a person to
// look at while working on the layout; without the variable it does
// nothing.
func dumpSVG(t *testing.T, name string, p view.Plan) {
	dir := os.Getenv("SUPVIEW_SVG")
	if dir == "" {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%v" height="%v"><rect width="100%%" height="100%%" fill="#fff"/>`, p.W, p.H)
	for role, rects := range p.Fills {
		for _, r := range rects {
			fmt.Fprintf(&b, `<rect x="%v" y="%v" width="%v" height="%v" fill="%s"/>`, r.X, r.Y, r.W, r.H, view.Light[role])
		}
	}
	for _, tx := range p.Texts {
		anchor := [...]string{"start", "end", "middle"}[tx.Align]
		font := [...]string{"12px sans-serif", "10px monospace", "bold 15px monospace"}[tx.Font]
		fmt.Fprintf(&b, `<text x="%v" y="%v" dominant-baseline="central" text-anchor="%s" style="font:%s" fill="%s">%s</text>`,
			tx.X, tx.Y, anchor, font, view.Light[tx.Role], html.EscapeString(tx.S))
	}
	b.WriteString("</svg>")
	require.NoError(t, os.WriteFile(dir+"/"+name+".svg", []byte(b.String()), 0o644))
}

func itoa(n int) string { return fmt.Sprint(n) }

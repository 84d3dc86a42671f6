//go:build js && wasm

package main

import (
	"slices"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// pair is two demos of one scenario side by side on one clock (see
// web/playground's compare line): they share a [clock], so every way of
// moving one moves the other to the same time, and the first side's
// playback bar and form, moved under both, drive both. The parameters
// that tell the sides apart stay each side's own; an edit of any other
// parameter is made on both sides, which re-run.
type pair struct {
	sides    [2]*demo
	root     dom.Element
	labels   [2]dom.Element // each side's heading
	said     [2]string      // what each heading says now
	diff     dom.Element    // the line of the figures that differ
	compared []string       // the parameters the sides set apart
	syncing  bool           // an edit is being copied to the other side
}

// pairUp ties two demos built from one pair's mount points into a pair.
func pairUp(doc dom.Document, root dom.Element, a, b *demo) *pair {
	p := &pair{sides: [2]*demo{a, b}, root: root}
	b.clock = a.clock
	a.pair, b.pair = p, p
	for k, v := range a.page {
		if b.page[k] != v {
			p.compared = append(p.compared, k)
		}
	}
	for k := range b.page {
		if _, ok := a.page[k]; !ok {
			p.compared = append(p.compared, k)
		}
	}
	slices.Sort(p.compared)
	for i, d := range p.sides {
		if side, ok := d.root.Closest(".pg-pair-side"); ok {
			p.labels[i], _ = side.QuerySelector(".pg-pair-label")
		}
	}
	p.diff, _ = root.QuerySelector(".pg-pair-diff")
	p.diff.SetText("The runs are computed once the pair is on screen.")

	// One bar and one form, under both pictures: the first side's.
	controls := doc.New("div", "pg-pair-controls", "")
	controls.Append(a.ui.bar.box)
	a.on(a.ui.bar.box, "keydown", a.key) // out of the demo's element, whose listener it was
	b.ui.bar.box.Remove()
	b.ui.side.Remove()
	note := doc.New("p", "pg-pair-note", "These parameters are those of both runs, but for "+
		strings.Join(p.compared, ", ")+", which tells them apart.")
	a.ui.side.Append(note)
	for _, f := range a.ui.fields {
		if slices.Contains(p.compared, f.Name) {
			f.box.SetStyle("display", "none") // each side's label says it
		}
	}
	// Under the bar, each side's charts, tools and log, side by side too.
	more := doc.New("div", "pg-pair-more", "")
	for _, d := range p.sides {
		col := doc.New("div", "pg-pair-col", "")
		col.Append(d.ui.parts[1:]...)
		more.Append(col)
	}
	root.Append(controls, p.diff, a.ui.side, more)
	p.follow(a) // a link's parameters, given to the first side, hold for both
	p.span()
	a.showSpeed()
	return p
}

// side is d's index in its pair.
func (d *demo) side() int {
	if d.pair.sides[1] == d {
		return 1
	}
	return 0
}

// other is the side that is not d.
func (p *pair) other(d *demo) *demo {
	if p.sides[0] == d {
		return p.sides[1]
	}
	return p.sides[0]
}

// follow copies the parameters d's form holds, but those that tell the
// sides apart, to the other side, which re-runs when it has run before.
// Values d does not accept stay d's alone until they are mended.
func (p *pair) follow(d *demo) {
	if p.syncing || !d.valid {
		return
	}
	p.syncing = true
	defer func() { p.syncing = false }()
	o := p.other(d)
	raw, mine := d.readForm(), o.readForm()
	same := true
	for k, v := range raw {
		if !slices.Contains(p.compared, k) && mine[k] != v {
			mine[k], same = v, false
		}
	}
	if same {
		return
	}
	o.setForm(mine)
	if len(o.kit.Presets) > 0 {
		o.ui.preset.SetValue("")
	}
	if o.last == nil {
		o.check(mine, nil)
		return
	}
	o.changed(mine)
}

// common drops from params those that tell the sides apart: a preset
// applied to one side keeps it the side it is.
func (p *pair) common(params map[string]string) map[string]string {
	out := make(map[string]string, len(params))
	for k, v := range params {
		if !slices.Contains(p.compared, k) {
			out[k] = v
		}
	}
	return out
}

// span sets the shared player over both sides' runs: its steps stop at
// the events of either, and it ends with the longer.
func (p *pair) span() {
	var times []float64
	end := 0.0
	for _, d := range p.sides {
		if d.vis == nil {
			continue
		}
		times = append(times, d.vis.Times()...)
		end = max(end, d.vis.End())
	}
	slices.Sort(times)
	p.sides[0].player = view.NewPlayer(slices.Compact(times), end)
	p.share()
}

// share draws both pictures, and both sides' charts, to one scale: the
// union of their own, so that the two read side by side. A run drawn
// alone, such as a preview, keeps its own.
func (p *pair) share() {
	a, b := p.sides[0], p.sides[1]
	sa, okA := a.vis.(view.Sharer)
	sb, okB := b.vis.(view.Sharer)
	if okA && okB && a.last != nil && b.last != nil {
		shareScale(sa, sb)
	}
	if a.charts != nil && b.charts != nil {
		shareScale(a.charts, b.charts)
	}
}

// shareScale draws a and b to the union of their own scales.
func shareScale(a, b view.Sharer) {
	s := a.Scale().Union(b.Scale())
	a.Share(s)
	b.Share(s)
}

// stillT is the moment the pair's still shows: the later of the two
// sides' own, so that both pictures have come to what they show.
func (p *pair) stillT() float64 {
	t := 0.0
	for _, d := range p.sides {
		if d.last != nil {
			t = max(t, d.kit.StillOf(d.last.trace))
		}
	}
	return t
}

// onScreen reports whether either picture is on screen.
func (p *pair) onScreen() bool { return p.sides[0].onScreen || p.sides[1].onScreen }

// inSight reports whether the demo, or either side of its pair, is on
// screen: what decides whether a run plays on arrival.
func (d *demo) inSight() bool {
	if d.pair != nil {
		return d.pair.onScreen()
	}
	return d.onScreen
}

// stillT is the moment a reduced-motion still of a run shows: the kit's,
// or for a side of a pair the pair's.
func (d *demo) stillT(trace []event.Record) float64 {
	if d.pair != nil {
		return d.pair.stillT()
	}
	return d.kit.StillOf(trace)
}

// marks are both runs' notable events, for the one timeline.
func (p *pair) marks() []view.Mark {
	return append(slices.Clone(p.sides[0].vis.Marks()), p.sides[1].vis.Marks()...)
}

// label says over side i which run it is and, past its end, that it ended.
func (p *pair) label(i int, t float64) {
	d := p.sides[i]
	text, _ := d.root.Attr("data-pair-label")
	if d.last != nil && t > d.vis.End() {
		text += " · ended at " + view.Ms(d.vis.End()) + " ms"
	}
	if text != p.said[i] && p.labels[i].JSValue().Truthy() {
		p.said[i] = text
		p.labels[i].SetText(text)
	}
}

// showDiff says, under the pair, the figures of the two whole runs that
// differ, in the summary's words and numbers.
func (p *pair) showDiff() {
	a, b := p.sides[0], p.sides[1]
	if a.last == nil || b.last == nil {
		return
	}
	p.diff.SetText(diffText(a, b))
}

// diffText is the figures two runs' summaries differ in: "served 12 vs
// 1,940 · crashed 1 vs 0", the first side's first.
func diffText(a, b *demo) string {
	name := func(d *demo) string { s, _ := d.root.Attr("data-pair-label"); return s }
	var parts []string
	for _, k := range a.scn.Summary {
		x, y := view.Ms(a.last.summary[k]), view.Ms(b.last.summary[k])
		if x != y {
			parts = append(parts, figureName(k)+" "+x+" vs "+y)
		}
	}
	head := "Whole runs, " + name(a) + " vs " + name(b) + ": "
	if len(parts) == 0 {
		return head + "the same figures."
	}
	return head + strings.Join(parts, " · ") + "."
}

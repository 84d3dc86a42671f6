package supview

import "github.com/concurrency-patterns/playground/internal/view"

// countKey is one figure of the counts block, with the colour it is drawn
// in elsewhere.
type countKey struct {
	name   string
	plural bool // name is a noun: "1 restart", "2 restarts"
	role   view.Role
	of     func(Counts) int
}

var countKeys = []countKey{
	{"started", false, view.RoleCount, func(c Counts) int { return c.Children }},
	{"running", false, view.RoleRunning, func(c Counts) int { return c.Running }},
	{"restart", true, view.RoleRestart, func(c Counts) int { return c.Restarts }},
	{"normal exit", true, view.RoleOK, func(c Counts) int { return c.Exits }},
	{"error", true, view.RoleFailed, func(c Counts) int { return c.Errors }},
	{"panic", true, view.RoleCrashed, func(c Counts) int { return c.Panics }},
	{"failed start", true, view.RoleFailed, func(c Counts) int { return c.StartFailures }},
	{"shutdown", true, view.RoleCancelled, func(c Counts) int { return c.Shutdowns }},
	{"abandoned", false, view.RoleAbandoned, func(c Counts) int { return c.Abandoned }},
	{"refused", false, view.RoleAlert, func(c Counts) int { return c.Refused }},
}

// counts draws every figure with a swatch of its colour, in columns.
func (l Layout) counts(p *view.Plan, s Scene) {
	for i, k := range countKeys {
		x := pad + float64(i%l.countCol)*countW
		y := l.countsY + float64(i/l.countCol)*lineH
		if k.role < view.RoleCount {
			p.Fill(k.role, view.Rect{X: x, Y: y - 4, W: 8, H: 8})
		}
		n, text := k.of(s.Counts), itoa(k.of(s.Counts))+" "+k.name
		if k.plural {
			text = view.Plural(n, k.name)
		}
		l.text(p, x+13, y, text, view.RoleText, view.FontCaption, view.AlignLeft)
	}
}

// refusedCells draws one cell per start max_children refused.
func (l Layout) refusedCells(p *view.Plan, s Scene) {
	g := l.refGrid
	n := s.Counts.Refused
	c := "max_children " + itoa(l.cfg.MaxChildren) + ": " + view.Plural(n, "start") + " refused"
	if n == 0 {
		c = "max_children " + itoa(l.cfg.MaxChildren) + ": no start refused yet"
	}
	shown := min(n, g.cols*g.rows)
	if shown < n {
		c += " (" + itoa(shown) + " shown)"
	}
	l.text(p, pad, l.refCap, c, view.RoleMuted, view.FontCaption, view.AlignLeft)
	for i := range shown {
		p.Fill(view.RoleAlert, view.Rect{X: g.x + float64(i%g.cols)*(cell+1), Y: g.y + float64(i/g.cols)*(cell+1), W: cell, H: cell})
	}
}

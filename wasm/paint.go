//go:build js && wasm

package main

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/view"
)

// fonts maps the plan's text styles to CSS fonts.
var fonts = [...]string{
	view.FontCaption: "12px system-ui, sans-serif",
	view.FontLabel:   "10px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
	view.FontClock:   "bold 15px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
}

var aligns = [...]string{view.AlignLeft: "left", view.AlignRight: "right"}

// painter issues the canvas calls a plan lists, and nothing else: one path
// per colour role, and a style set only when it changes.
type painter struct {
	canvas  dom.Canvas
	ctx     dom.Context2D
	palette view.Palette
	w, h    float64 // the CSS size the drawing buffer was made for
	dpr     float64
}

func newPainter(c dom.Canvas) painter { return painter{canvas: c, ctx: c.Context2D()} }

// theme reads the colours of the page's scheme from the CSS custom
// properties --pg-<role>, keeping the default for any not set.
func (p *painter) theme(from dom.Element) {
	style := from.ComputedStyle()
	for r := range view.RoleCount {
		p.palette[r] = view.Light[r]
		if c := style.Get("--pg-" + r.String()); c != "" {
			p.palette[r] = c
		}
	}
}

func (p *painter) paint(plan view.Plan) {
	if dpr := dom.DevicePixelRatio(); plan.W != p.w || plan.H != p.h || dpr != p.dpr {
		p.w, p.h, p.dpr = plan.W, plan.H, dpr
		p.canvas.SetStyle("height", strconv.FormatFloat(plan.H, 'f', -1, 64)+"px")
		p.canvas.SetSize(int(math.Round(plan.W*dpr)), int(math.Round(plan.H*dpr))) // also clears
		p.ctx.SetTransform(dpr, 0, 0, dpr, 0, 0)
		p.ctx.SetTextBaseline("middle")
	} else {
		p.ctx.ClearRect(0, 0, plan.W, plan.H)
	}
	for role, rects := range plan.Fills {
		if len(rects) == 0 {
			continue
		}
		p.ctx.SetFillStyle(p.palette[role])
		p.ctx.BeginPath()
		for _, r := range rects {
			p.ctx.Rect(r.X, r.Y, r.W, r.H)
		}
		p.ctx.Fill()
	}
	font, align, fill := -1, -1, -1
	for _, t := range plan.Texts {
		if int(t.Font) != font {
			font = int(t.Font)
			p.ctx.SetFont(fonts[t.Font])
		}
		if int(t.Align) != align {
			align = int(t.Align)
			p.ctx.SetTextAlign(aligns[t.Align])
		}
		if int(t.Role) != fill {
			fill = int(t.Role)
			p.ctx.SetFillStyle(p.palette[t.Role])
		}
		p.ctx.FillText(t.S, t.X, t.Y)
	}
}

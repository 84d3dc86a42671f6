//go:build js && wasm

package main

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// fonts maps the plan's text styles to CSS fonts.
var fonts = [...]string{
	view.FontCaption: "12px system-ui, sans-serif",
	view.FontLabel:   "10px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
	view.FontClock:   "bold 15px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
}

var aligns = [...]string{view.AlignLeft: "left", view.AlignRight: "right", view.AlignCenter: "center"}

// painter issues the canvas calls a plan lists, and nothing else: one batch
// of rectangles per colour role, one call per line, and a style set only
// when it changes. Each canvas of a demo has its own painter.
type painter struct {
	canvas  dom.Canvas
	ctx     dom.Context2D
	palette *view.Palette // shared by a demo's painters
	w, h    float64       // the CSS size the drawing buffer was made for
	dpr     float64
	floats  dom.Floats
	scratch []float32
}

func newPainter(c dom.Canvas, palette *view.Palette) *painter {
	return &painter{canvas: c, ctx: c.Context2D(), palette: palette}
}

// theme reads the colours of the page's scheme from the CSS custom
// properties --pg-<role>, keeping the default for any not set.
func theme(p *view.Palette, from dom.Element) {
	style := from.ComputedStyle()
	for r := range view.RoleCount {
		p[r] = view.Light[r]
		if c := style.Get("--pg-" + r.String()); c != "" {
			p[r] = c
		}
	}
}

// invalidate makes the next paint size the drawing buffer afresh, as after
// a change of colour scheme.
func (p *painter) invalidate() { p.w = -1 }

func (p *painter) paint(plan view.Plan) {
	if dpr := dom.DevicePixelRatio(); plan.W != p.w || plan.H != p.h || dpr != p.dpr {
		p.w, p.h, p.dpr = plan.W, plan.H, dpr
		p.canvas.SetStyle("height", strconv.FormatFloat(plan.H, 'f', -1, 64)+"px")
		p.canvas.SetSize(int(math.Round(plan.W*dpr)), int(math.Round(plan.H*dpr))) // also clears
		p.ctx.SetTransform(dpr, 0, 0, dpr, 0, 0)
		p.ctx.SetTextBaseline("middle")
		p.ctx.SetLineWidth(1.5)
		p.ctx.SetLineJoin("round")
	} else {
		p.ctx.ClearRect(0, 0, plan.W, plan.H)
	}
	for role, rects := range plan.Fills {
		if len(rects) == 0 {
			continue
		}
		p.ctx.SetFillStyle(p.palette[role])
		p.fillRects(rects)
	}
	for role, levels := range plan.Shades {
		for l, rects := range levels {
			if len(rects) == 0 {
				continue
			}
			p.ctx.SetFillStyle(p.palette[role])
			p.ctx.SetGlobalAlpha(view.ShadeOpacity(l))
			p.fillRects(rects)
			p.ctx.SetGlobalAlpha(1)
		}
	}
	for _, l := range plan.Lines {
		p.ctx.SetStrokeStyle(p.palette[l.Role])
		p.scratch = p.scratch[:0]
		for _, v := range l.Pts {
			p.scratch = append(p.scratch, float32(v))
		}
		p.ctx.StrokeLine(&p.floats, p.scratch)
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

// fillRects fills rects in the fill style set, as one path.
func (p *painter) fillRects(rects []view.Rect) {
	p.scratch = p.scratch[:0]
	for _, r := range rects {
		p.scratch = append(p.scratch, float32(r.X), float32(r.Y), float32(r.W), float32(r.H))
	}
	p.ctx.FillRects(&p.floats, p.scratch)
}

package picture

import (
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
)

// svgTemplate draws a plan as the canvas does: every rectangle of a role as
// one path, role by role, then the lines, then the texts. Colours and fonts
// are classes, which the stylesheet maps to the --pg-<role> colours of the
// page's scheme, light or dark, as it does for the canvas: the page's
// Content-Security-Policy allows no inline style.
var svgTemplate = template.Must(template.New("svg").Parse(
	`<svg class="{{.Class}}" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}" role="img" aria-label="{{.Label}}">` +
		`{{range .Fills}}<path class="pg-fill-{{.Role}}"{{with .Opacity}} fill-opacity="{{.}}"{{end}} d="{{.D}}"/>{{end}}` +
		`{{range .Lines}}<polyline class="pg-line-{{.Role}}" points="{{.Points}}"/>{{end}}` +
		`{{range .Texts}}<text class="pg-{{.Font}} pg-text-{{.Role}}" x="{{.X}}" y="{{.Y}}"{{with .Anchor}} text-anchor="{{.}}"{{end}}>{{.S}}</text>{{end}}` +
		`</svg>`))

// fontClass names each of the plan's fonts for the stylesheet.
var fontClass = [...]string{view.FontCaption: "caption", view.FontLabel: "label", view.FontClock: "clock"}

var anchors = [...]string{view.AlignLeft: "", view.AlignRight: "end", view.AlignCenter: "middle"}

type svgView struct {
	Class, Label, W, H string
	Fills              []svgFill
	Lines              []svgLine
	Texts              []svgText
}

type svgFill struct{ Role, Opacity, D string }

type svgLine struct{ Role, Points string }

type svgText struct{ Font, Role, X, Y, Anchor, S string }

// WriteSVG writes p as an SVG element of class, labelled for screen
// readers with label.
func WriteSVG(w io.Writer, p view.Plan, class, label string) error {
	v := svgView{Class: class, Label: label, W: num(p.W), H: num(p.H)}
	for role, rects := range p.Fills {
		v.addFill(view.Role(role), "", rects)
	}
	for role, levels := range p.Shades {
		for l, rects := range levels {
			v.addFill(view.Role(role), num(view.ShadeOpacity(l)), rects)
		}
	}
	for _, l := range p.Lines {
		pts := make([]string, 0, len(l.Pts)/2)
		for i := 0; i+1 < len(l.Pts); i += 2 {
			pts = append(pts, num(l.Pts[i])+","+num(l.Pts[i+1]))
		}
		v.Lines = append(v.Lines, svgLine{Role: l.Role.String(), Points: strings.Join(pts, " ")})
	}
	for _, t := range p.Texts {
		v.Texts = append(v.Texts, svgText{Font: fontClass[t.Font], Role: t.Role.String(),
			X: num(t.X), Y: num(t.Y), Anchor: anchors[t.Align], S: t.S})
	}
	return svgTemplate.Execute(w, v)
}

// addFill adds rects of role as one path; opacity is "" for a full fill.
func (v *svgView) addFill(role view.Role, opacity string, rects []view.Rect) {
	if len(rects) == 0 {
		return
	}
	var d strings.Builder
	for _, r := range rects {
		d.WriteString("M" + num(r.X) + " " + num(r.Y) + "h" + num(r.W) + "v" + num(r.H) + "h" + num(-r.W) + "z")
	}
	v.Fills = append(v.Fills, svgFill{Role: role.String(), Opacity: opacity, D: d.String()})
}

// num writes a coordinate to a hundredth of a pixel, finer than a screen
// shows, so that a picture is a few bytes a number and the same on every
// build.
func num(f float64) string {
	f = math.Round(f*100) / 100
	if f == 0 {
		f = 0 // not -0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

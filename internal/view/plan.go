package view

import (
	"math"
	"strconv"
	"strings"
)

// Rect is a rectangle in CSS pixels.
type Rect struct{ X, Y, W, H float64 }

// Font is one of the few text styles of the canvas; the drawer maps each to
// a CSS font.
type Font uint8

// Fonts.
const (
	FontCaption Font = iota // section captions and the status line
	FontLabel               // item ids in lanes, axis values: monospace
	FontClock               // the clock readout, monospace
)

// Align says which end of a text its X is.
type Align uint8

// Alignments.
const (
	AlignLeft Align = iota
	AlignRight
	AlignCenter
)

// Text is one run of text, vertically centred on Y.
type Text struct {
	X, Y  float64
	S     string
	Role  Role
	Font  Font
	Align Align
}

// Line is a polyline stroked in one colour: X, Y pairs in Pts. Charts use
// it; one line is one path, however many points it has.
type Line struct {
	Role Role
	Pts  []float64
}

// Plan is one frame as plain data: every rectangle grouped by colour role,
// to be filled as one path per role in role order, then the shaded ones,
// then the lines, then the texts in order. Drawing it decides nothing.
type Plan struct {
	W, H  float64
	Fills [RoleCount][]Rect
	// Shades are rectangles of a role filled at part strength: the cells
	// of a heat map. Level l is drawn at [ShadeOpacity](l), over the fills.
	Shades [RoleCount][ShadeLevels][]Rect
	Lines  []Line
	Texts  []Text
}

// ShadeLevels is how many strengths a shade has.
const ShadeLevels = 4

// ShadeOpacity is the opacity of shade level l: a quarter, a half, three
// quarters, whole.
func ShadeOpacity(l int) float64 { return float64(l+1) / ShadeLevels }

// Fill adds a rectangle of role r.
func (p *Plan) Fill(r Role, rect Rect) { p.Fills[r] = append(p.Fills[r], rect) }

// Shade adds a rectangle of role r at the strength of share, from 0 to 1:
// the level whose opacity is the nearest above it. A share of 0 adds
// nothing.
func (p *Plan) Shade(r Role, share float64, rect Rect) {
	if l := level(share); l >= 0 {
		p.Shades[r][l] = append(p.Shades[r][l], rect)
	}
}

// level is the shade level of share; -1 for none.
func level(share float64) int {
	if share <= 0 {
		return -1
	}
	return min(int(math.Ceil(share*ShadeLevels))-1, ShadeLevels-1)
}

// Text adds a run of text.
func (p *Plan) Text(t Text) { p.Texts = append(p.Texts, t) }

// Line adds a polyline.
func (p *Plan) Line(r Role, pts []float64) {
	if len(pts) >= 4 {
		p.Lines = append(p.Lines, Line{Role: r, Pts: pts})
	}
}

// Count is how many rectangles the plan fills: a measure of what a frame
// costs.
func (p *Plan) Count() int {
	n := 0
	for r, rs := range p.Fills {
		n += len(rs)
		for _, ls := range p.Shades[r] {
			n += len(ls)
		}
	}
	return n
}

// Ms formats virtual milliseconds as a whole number with thousands
// separators, e.g. "12,345".
func Ms(v float64) string {
	s := strconv.FormatInt(int64(v), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Plural is "1 task", "2 tasks".
func Plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

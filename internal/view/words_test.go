package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWordsTop places a 300×40 box of words on a 610×400 picture; the box
// spans x 302 to 602.
func TestWordsTop(t *testing.T) {
	header := Text{X: 600, Y: 14, S: "✕ gave up at 13,248 ms: restart 4 within 5 s", Font: FontCaption, Align: AlignRight}
	under := Text{X: 600, Y: 250, S: "a long line of text right here", Font: FontCaption, Align: AlignRight}
	left := Rect{X: 10, Y: 100, W: 50, H: 20}     // a ring off the box's side
	across := Rect{X: 400, Y: 150, W: 100, H: 40} // a ring in the box's path
	running := func(p *Plan, rs ...Rect) { p.Fills[RoleRunning] = rs }
	tests := []struct {
		name   string
		texts  []Text
		fills  func(*Plan)
		ring   Rect
		ringed bool
		want   float64
	}{
		{"a ring to the side: level with it", nil, nil, left, true, 60},
		{"a ring to the side, a text under it: level with the ring, clear of the text", []Text{header, under},
			nil, Rect{X: 10, Y: 200, W: 50, H: 20}, true, 160},
		{"a ring in the way at the top: right under it", nil, nil, Rect{X: 500, Y: 0, W: 100, H: 40}, true, 44},
		{"a ring in the way: right over it", nil, nil, across, true, 106},
		{"no ring, a text at the top: the first place clear of it", []Text{header}, nil, Rect{}, false, 22},
		{"everything filled but a band: the band, though farther", []Text{header},
			func(p *Plan) { running(p, Rect{X: 0, Y: 0, W: 610, H: 300}, Rect{X: 0, Y: 340, W: 610, H: 60}) }, across, true, 300},
		{"lanes under and over the ring, an empty track: the track", nil, func(p *Plan) {
			running(p, Rect{X: 0, Y: 0, W: 610, H: 146}, Rect{X: 0, Y: 194, W: 610, H: 106})
			p.Fills[RoleTrack] = []Rect{{X: 0, Y: 300, W: 610, H: 100}}
		}, across, true, 300},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Plan{W: 610, H: 400, Texts: tc.texts}
			if tc.fills != nil {
				tc.fills(&p)
			}
			assert.Equal(t, tc.want, WordsTop(p, tc.ring, tc.ringed, 300, 40))
		})
	}
}

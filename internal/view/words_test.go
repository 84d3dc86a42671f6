package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordsTop(t *testing.T) {
	header := Text{X: 600, Y: 14, S: "✕ gave up at 13,248 ms: restart 4 within 5 s", Font: FontCaption, Align: AlignRight}
	reason := Text{X: 600, Y: 300, S: "reason: child 2 crashed", Font: FontCaption, Align: AlignRight}
	tests := []struct {
		name   string
		texts  []Text
		ring   Rect
		ringed bool
		want   float64
	}{
		{"nothing in the way: the top", nil, Rect{X: 10, Y: 100, W: 50, H: 20}, true, 6},
		{"the top holds a text: under the ring", []Text{header}, Rect{X: 10, Y: 100, W: 50, H: 20}, true, 128},
		{"the ring at the top: under it", nil, Rect{X: 500, Y: 0, W: 100, H: 40}, true, 48},
		{"under the ring a text: over it", []Text{header, {X: 600, Y: 250, S: "a long line of text right here", Font: FontCaption, Align: AlignRight}},
			Rect{X: 10, Y: 200, W: 50, H: 20}, true, 152},
		{"no ring, the top taken: the bottom", []Text{header}, Rect{}, false, 354},
		{"every place taken: the least covered", []Text{header, reason, {X: 600, Y: 390, S: "x", Font: FontLabel, Align: AlignRight}}, Rect{}, false, 354},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Plan{W: 610, H: 400, Texts: tc.texts}
			assert.Equal(t, tc.want, WordsTop(p, tc.ring, tc.ringed, 300, 40))
		})
	}
}

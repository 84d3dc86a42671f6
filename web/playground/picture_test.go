package playground_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/web/playground"
)

func convertWith(paint playground.Painter, src string) (string, error) {
	var out bytes.Buffer
	err := goldmark.New(goldmark.WithExtensions(playground.WithPictures(paint))).Convert([]byte(src), &out)
	return out.String(), err
}

// TestPictureInTheFallback: with a painter, the fallback opens with the
// demo's picture for both screens and its legend, says which moment it
// shows, and keeps the settings, folded.
func TestPictureInTheFallback(t *testing.T) {
	var asked []string
	paint := func(s *scenario.Scenario, v scenario.Values) (*playground.Picture, error) {
		asked = append(asked, s.Name+" items="+v.Raw()["items"])
		return &playground.Picture{Wide: `<svg class="pg-picture">wide</svg>`, Narrow: `<svg class="pg-picture">narrow</svg>`,
			Legend: []view.Key{{Role: view.RoleTimedOut, Text: "timed <out>"}}, T: 1234.5}, nil
	}
	out, err := convertWith(paint, "```playground stream\nitems: 50\n```\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"stream items=50"}, asked, "the painter draws the fence's values")
	for _, want := range []string{
		`<div class="playground-fallback">` + "\n" + `<figure class="pg-still">`,
		`<div class="pg-still-wide"><svg class="pg-picture">wide</svg></div>`,
		`<div class="pg-still-narrow"><svg class="pg-picture">narrow</svg></div>`,
		`<li><span class="pg-swatch pg-key-timed-out"></span><span>timed &lt;out&gt;</span></li>`,
		"its run at 1,234 virtual ms",
		`<details class="playground-settings">`,
		"<code>items</code> = <code>50</code>",
	} {
		assert.Contains(t, out, want)
	}
}

func TestPictureThatFails(t *testing.T) {
	paint := func(*scenario.Scenario, scenario.Values) (*playground.Picture, error) {
		return nil, errors.New("stalled")
	}
	_, err := convertWith(paint, "Text.\n\n```playground stream\n```\n")
	var pe *playground.Error
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line, "the fence's line")
	assert.Equal(t, "line 3: playground stream: its picture could not be drawn: stalled", err.Error())
}

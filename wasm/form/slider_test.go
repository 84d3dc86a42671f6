package form_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/wasm/form"
)

func lookup(t *testing.T, name string) *scenario.Scenario {
	t.Helper()
	s, ok := scenario.Lookup(name)
	require.True(t, ok)
	return s
}

func TestLinearSlider(t *testing.T) {
	sl, ok := form.NewSlider(lookup(t, "stream"), view.Knob{Param: "max_concurrency", Min: 1, Max: 64})
	require.True(t, ok)
	lo, hi, step := sl.Attrs()
	assert.Equal(t, []string{"1", "64", "1"}, []string{lo, hi, step})
	assert.Equal(t, "7", sl.Value(7))
	assert.Equal(t, "64", sl.Value(200), "kept within the slider")
	pos, ok := sl.Pos("500")
	assert.True(t, ok)
	assert.Equal(t, 64.0, pos, "a value past the slider shows at its end")
	_, ok = sl.Pos("abc")
	assert.False(t, ok)

	rate, ok := form.NewSlider(lookup(t, "stream"), view.Knob{Param: "fail_rate", Min: 0, Max: 1})
	require.True(t, ok)
	_, _, step = rate.Attrs()
	assert.Equal(t, "0.01", step)
	assert.Equal(t, "0.25", rate.Value(0.2500001))
}

func TestLogSlider(t *testing.T) {
	sl, ok := form.NewSlider(lookup(t, "stream"), view.Knob{Param: "items", Min: 1, Max: 2000, Log: true})
	require.True(t, ok)
	lo, hi, _ := sl.Attrs()
	assert.Equal(t, []string{"0", "1000"}, []string{lo, hi})
	assert.Equal(t, "1", sl.Value(0))
	assert.Equal(t, "2000", sl.Value(1000))
	assert.Equal(t, "1200", sl.Value(933), "two significant digits from 100 up")
	for _, v := range []string{"1", "5", "30", "400", "2000"} {
		pos, ok := sl.Pos(v)
		require.True(t, ok)
		assert.Equal(t, v, sl.Value(pos), "position of %s and back", v)
	}

	// A Min of 0 is the far left; 1 comes next.
	buf, ok := form.NewSlider(lookup(t, "stage"), view.Knob{Param: "buffer_size", Min: 0, Max: 10000, Log: true})
	require.True(t, ok)
	assert.Equal(t, "0", buf.Value(0))
	assert.Equal(t, "1", buf.Value(1))
	pos, _ := buf.Pos("0")
	assert.Zero(t, pos)
	pos, _ = buf.Pos("1")
	assert.Equal(t, 1.0, pos, "1 is not drawn as 0")
	pos, _ = buf.Pos("10000")
	assert.Equal(t, 1000.0, pos)
}

func TestSliderOfInfinity(t *testing.T) {
	sl, ok := form.NewSlider(lookup(t, "timeout"), view.Knob{Param: "timeout", Min: 50, Max: 3000})
	require.True(t, ok)
	pos, ok := sl.Pos("infinity")
	assert.True(t, ok)
	assert.Equal(t, 3000.0, pos, "infinity shows at the far end")
}

func TestNoSliderForToggles(t *testing.T) {
	_, ok := form.NewSlider(lookup(t, "stream"), view.Knob{Param: "ordered"})
	assert.False(t, ok)
	_, ok = form.NewSlider(lookup(t, "tasks"), view.Knob{Param: "mode"})
	assert.False(t, ok)
	_, ok = form.NewSlider(lookup(t, "stream"), view.Knob{Param: "no such", Min: 1, Max: 2})
	assert.False(t, ok)
}

package form_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/wasm/form"
)

func stream(t *testing.T) *scenario.Scenario {
	s, ok := scenario.Lookup("stream")
	require.True(t, ok)
	return s
}

func TestFields(t *testing.T) {
	s := stream(t)
	fields := form.Fields(s)
	require.Len(t, fields, len(s.Params))
	byName := map[string]form.Field{}
	for i, f := range fields {
		assert.Equal(t, s.Params[i].Name, f.Name, "scenario order")
		assert.NotEmpty(t, f.Help)
		byName[f.Name] = f
	}
	assert.Equal(t, form.Field{Name: "items", Type: "number", Min: "1", Max: "20000", Step: "1",
		Help: "How many inputs the stream processes. A whole number from 1 to 20000."}, byName["items"])
	assert.Equal(t, "checkbox", byName["ordered"].Type)
	assert.Equal(t, []string{"exit", "kill_task"}, byName["on_timeout"].Options)
	assert.Equal(t, "text", byName["timeout"].Type, "infinity does not fit a number input")
	assert.Contains(t, byName["timeout"].Help, "or infinity")
	assert.Equal(t, "number", byName["work_ms_min"].Type)
	assert.Equal(t, "any", byName["fail_rate"].Step)

	tasks, ok := scenario.Lookup("tasks")
	require.True(t, ok)
	for _, f := range form.Fields(tasks) {
		if f.Name == "max_children" {
			assert.Equal(t, "text", f.Type, "a whole number that may be infinity needs a text input too")
		}
	}
}

func TestMerge(t *testing.T) {
	s := stream(t)
	tests := []struct {
		name        string
		sources     []map[string]string
		want        map[string]string // entries that must be in the result
		wantUnknown []string
	}{
		{"defaults alone", nil, map[string]string{"items": "20", "ordered": "true"}, nil},
		{"the page overrides defaults",
			[]map[string]string{{"items": "200"}}, map[string]string{"items": "200", "max_concurrency": "4"}, nil},
		{"the query overrides the page",
			[]map[string]string{{"items": "200", "ordered": "false"}, {"items": "7"}},
			map[string]string{"items": "7", "ordered": "false"}, nil},
		{"invalid values are kept for their field to show",
			[]map[string]string{{"items": "lots"}}, map[string]string{"items": "lots"}, nil},
		{"the scrub position is the playground's, not a parameter",
			[]map[string]string{{"t": "120.5", "items": "9"}}, map[string]string{"items": "9"}, nil},
		{"unknown names are left out and reported once",
			[]map[string]string{{"utm_source": "x", "itemz": "3"}, {"itemz": "4"}},
			map[string]string{"items": "20"}, []string{"itemz", "utm_source"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, unknown := form.Merge(s, tt.sources...)
			assert.Len(t, raw, len(s.Params))
			for k, v := range tt.want {
				assert.Equal(t, v, raw[k], k)
			}
			assert.Equal(t, tt.wantUnknown, unknown)
		})
	}
}

func TestMessages(t *testing.T) {
	s := stream(t)
	_, errs := s.Parse(map[string]string{"items": "0", "fail_rate": "2", "bogus": "1"})
	byField, other := form.Messages(s, errs)
	assert.Equal(t, map[string]string{
		"items":     `must be a whole number from 1 to 20000, got "0"`,
		"fail_rate": `must be a number from 0 to 1, got "2"`,
	}, byField)
	assert.Equal(t, []string{"bogus: is not a parameter of stream"}, other)

	_, errs = s.Parse(map[string]string{"work_ms_min": "500", "work_ms_max": "100"})
	byField, other = form.Messages(s, errs)
	assert.Contains(t, byField["work_ms_min"], "must not exceed work_ms_max", "a rule across fields lands on one of them")
	assert.Empty(t, other)
}

func TestQueryUpdate(t *testing.T) {
	s := stream(t)
	page := map[string]string{"items": "200", "max_concurrency": "50"}
	v, errs := s.Parse(map[string]string{"items": "200", "max_concurrency": "8", "ordered": "FALSE"})
	require.Empty(t, errs)

	set, del := form.QueryUpdate(s, v, page)
	assert.Equal(t, map[string]string{"max_concurrency": "8", "ordered": "false"}, set,
		"only what differs from the page, in canonical form")
	assert.Contains(t, del, "items", "a value equal to the page's is removed")
	assert.Len(t, del, len(s.Params)-len(set))

	v, _ = s.Parse(page)
	set, del = form.QueryUpdate(s, v, page)
	assert.Empty(t, set, "the page's own values need no query")
	assert.Len(t, del, len(s.Params))
}

func TestTime(t *testing.T) {
	tests := []struct {
		query   map[string]string
		want    float64
		ok      bool
		badPart string
	}{
		{map[string]string{}, 0, false, ""},
		{map[string]string{"t": "120.5"}, 120.5, true, ""},
		{map[string]string{"t": "0"}, 0, true, ""},
		{map[string]string{"t": "-3"}, 0, false, "from 0 up"},
		{map[string]string{"t": "NaN"}, 0, false, `t="NaN"`},
		{map[string]string{"t": "soon"}, 0, false, `t="soon"`},
	}
	for _, tt := range tests {
		got, ok, bad := form.Time(tt.query)
		assert.Equal(t, tt.want, got, "%v", tt.query)
		assert.Equal(t, tt.ok, ok, "%v", tt.query)
		if tt.badPart == "" {
			assert.Empty(t, bad)
		} else {
			assert.Contains(t, bad, tt.badPart)
		}
	}
	for _, v := range []float64{0, 1, 123.456, 98765.4321} {
		back, ok, _ := form.Time(map[string]string{"t": form.FormatTime(v)})
		assert.True(t, ok)
		assert.InDelta(t, v, back, 0.0005)
	}
	s := stream(t)
	_, errs := s.Parse(map[string]string{"t": "5"})
	assert.NotEmpty(t, errs, "the scenario itself knows nothing of t: the form keeps it out")
}

func TestSpeed(t *testing.T) {
	tests := []struct {
		query   map[string]string
		want    float64
		fit     bool
		badPart string
	}{
		{map[string]string{}, 0, true, ""},
		{map[string]string{"speed": "fit"}, 0, true, ""},
		{map[string]string{"speed": "2.5"}, 2.5, false, ""},
		{map[string]string{"speed": "300x"}, 300, false, ""},
		{map[string]string{"speed": "0.1"}, 0.1, false, ""},
		{map[string]string{"speed": "0.01"}, 0, true, "from 0.1 to 10000"},
		{map[string]string{"speed": "fast"}, 0, true, `speed="fast"`},
		{map[string]string{"speed": "NaN"}, 0, true, `speed="NaN"`},
	}
	for _, tt := range tests {
		got, fit, bad := form.Speed(tt.query)
		assert.Equal(t, tt.want, got, "%v", tt.query)
		assert.Equal(t, tt.fit, fit, "%v", tt.query)
		if tt.badPart == "" {
			assert.Empty(t, bad)
		} else {
			assert.Contains(t, bad, tt.badPart)
		}
	}
	for s, want := range map[float64]string{0.1: "0.1", 0.1234: "0.123", 1: "1", 2.5: "2.5", 299.2: "299", 1234.5: "1235", 10000: "10000"} {
		assert.Equal(t, want, form.FormatSpeed(s))
		back, fit, _ := form.Speed(map[string]string{"speed": form.FormatSpeed(s)})
		assert.False(t, fit)
		assert.InEpsilon(t, s, back, 0.005)
	}
	assert.True(t, form.IsReserved("speed"), "no scenario sees it")
}

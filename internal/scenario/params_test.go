package scenario_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

func TestStreamParamsDefaults(t *testing.T) {
	v, errs := scenario.Stream.Parse(nil)
	require.Empty(t, errs)
	assert.Equal(t, 20, v.Int("items"))
	assert.True(t, v.Bool("ordered"))
	d, ok := v.Duration("timeout")
	assert.True(t, ok)
	assert.Equal(t, int64(5000), d.Milliseconds())
	assert.Equal(t, scenario.Stream.Defaults(), v.Raw())
}

func TestStreamParamsAccepted(t *testing.T) {
	v, errs := scenario.Stream.Parse(map[string]string{
		"items": " 1000 ", "max_concurrency": "1", "ordered": "false", "timeout": "infinity",
		"on_timeout": "kill_task", "work_ms_min": "0", "work_ms_max": "0", "fail_rate": "1", "seed": "0",
	})
	require.Empty(t, errs)
	assert.Equal(t, 1000, v.Int("items"))
	assert.False(t, v.Bool("ordered"))
	_, ok := v.Duration("timeout")
	assert.False(t, ok, "infinity has no duration")
	assert.Equal(t, "kill_task", v.String("on_timeout"))
	assert.Equal(t, 1.0, v.Float("fail_rate"))
	assert.Equal(t, "1000", v.Raw()["items"], "canonical form")
}

func TestStreamParamsRejected(t *testing.T) {
	cases := []struct {
		name, param, value, want string
	}{
		{"zero concurrency", "max_concurrency", "0", "max_concurrency: must be a whole number from 1 to 1000, got \"0\""},
		{"negative concurrency", "max_concurrency", "-3", "max_concurrency: must be a whole number from 1 to 1000"},
		{"fractional concurrency", "max_concurrency", "2.5", "max_concurrency: must be a whole number"},
		{"non-numeric items", "items", "ten", "items: must be a whole number from 1 to 20000, got \"ten\""},
		{"absurd items", "items", "1e12", "items: must be a whole number from 1 to 20000"},
		{"empty items", "items", "", "items: must be a whole number"},
		{"zero timeout", "timeout", "0", "timeout: must be a whole number of milliseconds from 1 to 3600000, or infinity"},
		{"huge timeout", "timeout", "99999999999", "timeout: must be a whole number of milliseconds"},
		{"NaN timeout", "timeout", "NaN", "timeout: must be"},
		{"fail rate above 1", "fail_rate", "1.5", "fail_rate: must be a number from 0 to 1, got \"1.5\""},
		{"fail rate below 0", "fail_rate", "-0.1", "fail_rate: must be a number from 0 to 1"},
		{"ordered not a bool", "ordered", "maybe", "ordered: must be true or false"},
		{"unknown action", "on_timeout", "explode", "on_timeout: must be one of exit, kill_task"},
		{"infinity where not allowed", "work_ms_max", "infinity", "work_ms_max: must be a whole number of milliseconds from 0 to 600000, got"},
		{"unknown parameter", "colour", "red", "colour: is not a parameter of stream"},
		{"markup is quoted, not interpreted", "items", "<script>alert(1)</script>", `items: must be a whole number from 1 to 20000, got "<script>alert(1)</script>"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := scenario.Stream.Parse(map[string]string{tc.param: tc.value})
			require.Len(t, errs, 1)
			assert.Equal(t, tc.param, errs[0].Param)
			assert.Contains(t, errs[0].Error(), tc.want)
		})
	}
}

func TestStreamParamsCrossCheck(t *testing.T) {
	_, errs := scenario.Stream.Parse(map[string]string{"work_ms_min": "500", "work_ms_max": "100"})
	require.Len(t, errs, 1)
	assert.Equal(t, "work_ms_min: must not exceed work_ms_max (100), got 500", errs[0].Error())
}

func TestParamsReportEveryProblemInOrder(t *testing.T) {
	_, errs := scenario.Stream.Parse(map[string]string{"seed": "x", "items": "0", "zzz": "1", "aaa": "2"})
	var params []string
	for _, e := range errs {
		params = append(params, e.Param)
	}
	assert.Equal(t, []string{"items", "seed", "aaa", "zzz"}, params)
}

func TestLongValuesAreClippedInMessages(t *testing.T) {
	_, errs := scenario.Stream.Parse(map[string]string{"items": strings.Repeat("9", 500)})
	require.Len(t, errs, 1)
	assert.Less(t, len(errs[0].Message), 120)
}

func TestLookup(t *testing.T) {
	s, ok := scenario.Lookup("stream")
	require.True(t, ok)
	assert.Same(t, scenario.Stream, s)
	_, ok = scenario.Lookup("nope")
	assert.False(t, ok)
	assert.Contains(t, scenario.Names(), "stream")
	for _, p := range s.Params {
		assert.NotEmpty(t, p.Help, p.Name)
		_, errs := s.Parse(map[string]string{p.Name: p.Default})
		assert.Empty(t, errs, "the default of %s is valid", p.Name)
	}
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{"0", "-1", "infinity", "1e309", "NaN", "0x10", " 7 ", "true", "kill_task", "\x00", "½"} {
		f.Add("items", seed)
		f.Add("timeout", seed)
		f.Add("fail_rate", seed)
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		for _, sc := range scenario.Names() {
			s, _ := scenario.Lookup(sc)
			v, errs := s.Parse(map[string]string{name: value})
			for _, e := range errs {
				if e.Param == "" || e.Message == "" {
					t.Fatalf("unclear error %#v", e)
				}
			}
			if len(errs) == 0 {
				// a value that parses comes back in a form that parses to itself
				again, errs := s.Parse(v.Raw())
				if len(errs) != 0 || again.Raw()[name] != v.Raw()[name] {
					t.Fatalf("%s=%q: canonical form %q does not round-trip", name, value, v.Raw()[name])
				}
			}
		}
	})
}

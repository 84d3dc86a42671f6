package main

import (
	"bytes"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/leaktest"
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

func TestMain(m *testing.M) { leaktest.VerifyTestMain(m) }

// Each pattern's workload: its trace reads back as a trace of the
// playground's scenario of that name, with parameters the scenario
// accepts, and the program's own tally agrees with the figures the
// playground derives from the trace. synctest's clock stands in for real
// time here; the browser test runs the program itself, on real time.
func TestTallyMatchesTheTrace(t *testing.T) {
	for _, name := range patterns() {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var out bytes.Buffer
				got, err := workloads[name](&out)
				require.NoError(t, err)
				tr, skipped, err := trace.Read(&out)
				require.NoError(t, err)
				assert.Zero(t, skipped)
				assert.Equal(t, name, tr.Pattern)
				assert.NotEmpty(t, tr.Events)

				scn, ok := scenario.Lookup(tr.Pattern)
				require.True(t, ok, "the playground has a scenario named %q", name)
				v, errs := scn.Parse(tr.Params)
				require.Empty(t, errs, "the recorded parameters are the scenario's")
				sum := scn.SummaryOf(v, tr.Events, 0)
				require.NotEmpty(t, got)
				for k, n := range got {
					assert.Contains(t, scn.Summary, k, "the tally's %s is a figure of the summary", k)
					assert.Equal(t, float64(n), sum[k], "%s: the program's tally against the trace's summary", k)
				}
			})
		})
	}
}

// The workloads show what each pattern is for: each ends some of its work
// in each of the ways its tally counts (a failure, a timeout, a refusal),
// not only in success.
func TestWorkloadsShowEachOutcome(t *testing.T) {
	want := map[string][]string{
		"stream":     {"ok", "failed", "timed_out"},
		"tasks":      {"ok", "crashed", "refused"},
		"timeout":    {"ok", "timed_out", "abandoned"},
		"stage":      {"produced", "processed", "failed", "batches"},
		"limiter":    {"granted", "gave_up"},
		"pool":       {"served", "timed_out"},
		"supervisor": {"children", "crashes", "restarts"},
	}
	assert.ElementsMatch(t, patterns(), keys(want), "every workload is checked here")
	for name, outcomes := range want {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				got, err := workloads[name](&bytes.Buffer{})
				require.NoError(t, err)
				for _, k := range outcomes {
					assert.Positive(t, got[k], "%s: %v", k, got)
				}
			})
		})
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

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

// The program's own tally agrees with the stream's figures as the
// playground derives them from the trace. synctest's clock stands in for
// real time here; the browser test runs the program itself, on real time.
func TestTallyMatchesTheTrace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var out bytes.Buffer
		got, err := record(&out, 40)
		require.NoError(t, err)
		tr, skipped, err := trace.Read(&out)
		require.NoError(t, err)
		assert.Zero(t, skipped)
		assert.Equal(t, "stream", tr.Pattern)

		scn, ok := scenario.Lookup(tr.Pattern)
		require.True(t, ok)
		v, errs := scn.Parse(tr.Params)
		require.Empty(t, errs, "the recorded parameters are the demo's")
		sum := scn.SummaryOf(v, tr.Events, 0)
		assert.Equal(t, float64(got.Items), sum["items"])
		assert.Equal(t, float64(got.OK), sum["ok"])
		assert.Equal(t, float64(got.Failed), sum["failed"])
		assert.Equal(t, float64(got.TimedOut), sum["timed_out"])
		assert.Equal(t, 40, got.OK+got.Failed+got.TimedOut)
		assert.Positive(t, got.Failed)
		assert.Positive(t, got.TimedOut)
		assert.LessOrEqual(t, sum["max_active"], 4.0)
	})
}

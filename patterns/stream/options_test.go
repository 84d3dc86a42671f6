package stream_test

import (
	"context"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/stream"
)

func TestNewRejectsInvalidOptions(t *testing.T) {
	cases := []struct {
		name string
		opts []stream.Option
		want string
	}{
		{"zero concurrency", []stream.Option{stream.MaxConcurrency(0)}, "max concurrency must be positive, got 0"},
		{"negative concurrency", []stream.Option{stream.MaxConcurrency(-3)}, "max concurrency must be positive, got -3"},
		{"zero timeout", []stream.Option{stream.Timeout(0)}, "timeout must be positive, got 0s (use NoTimeout for no limit)"},
		{"negative timeout", []stream.Option{stream.Timeout(-time.Second)}, "timeout must be positive, got -1s"},
		{"negative shutdown", []stream.Option{stream.Shutdown(-1)}, "shutdown must not be negative"},
		{"unknown action", []stream.Option{stream.OnTimeout(7)}, "unknown timeout action 7"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := stream.New(sleepFor, tc.opts...)
			assert.Nil(t, s)
			require.ErrorIs(t, err, stream.ErrInvalidOption)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	_, err := stream.New[int, int](nil, stream.MaxConcurrency(-1), stream.Timeout(-1))
	require.ErrorIs(t, err, stream.ErrInvalidOption)
	for _, want := range []string{"nil function", "max concurrency", "timeout"} {
		assert.ErrorContains(t, err, want)
	}
}

func TestHugeTimeoutIsAccepted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, sleepFor, stream.Timeout(time.Duration(1<<62)))
		rs, err := collect(t.Context(), s, values([]int{5}))
		require.NoError(t, err)
		assert.Equal(t, 5, rs[0].Value)
	})
}

func TestDefaultConcurrencyIsGOMAXPROCS(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l eventLog
		s := mustNew(t, sleepFor, stream.WithHook(l.hook))
		inputs := make([]int, 3*runtime.GOMAXPROCS(0))
		for i := range inputs {
			inputs[i] = 10
		}
		_, err := collect(context.Background(), s, values(inputs))
		require.NoError(t, err)
		assert.Equal(t, runtime.GOMAXPROCS(0), l.peak)
	})
}

func TestStreamIsReusable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mustNew(t, sleepFor, stream.MaxConcurrency(2))
		for range 3 {
			rs, err := collect(t.Context(), s, values([]int{3, 1, 2}))
			require.NoError(t, err)
			assert.Equal(t, []int{0, 1, 2}, indexes(rs))
		}
	})
}

func TestZeroStreamIsRejectedAtRun(t *testing.T) {
	var s stream.Stream[int, int]
	assert.PanicsWithValue(t, "stream: Run on a zero Stream; make one with stream.New", func() {
		s.Run(t.Context(), values([]int{1}))
	})
}

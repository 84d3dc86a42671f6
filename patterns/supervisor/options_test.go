package supervisor_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

func TestStartRejectsInvalidOptions(t *testing.T) {
	cases := []struct {
		name string
		opts []supervisor.Option
		want []string
	}{
		{"negative max children", []supervisor.Option{supervisor.MaxChildren(-2)}, []string{"max children must not be negative, got -2"}},
		{"negative max restarts", []supervisor.Option{supervisor.MaxRestarts(-1, time.Second)}, []string{"max restarts must not be negative, got -1"}},
		{"zero period", []supervisor.Option{supervisor.MaxRestarts(3, 0)}, []string{"restart period must be positive, got 0s"}},
		{"zero backoff", []supervisor.Option{supervisor.RestartBackoff(0, time.Second)}, []string{"restart backoff must be positive, got 0s"}},
		{"backoff max below first", []supervisor.Option{supervisor.RestartBackoff(time.Second, time.Millisecond)},
			[]string{"restart backoff max must be at least its first delay (1s), got 1ms"}},
		{"every problem at once", []supervisor.Option{supervisor.MaxChildren(-1), supervisor.MaxRestarts(-1, -time.Second)},
			[]string{"max children", "max restarts", "restart period"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sup, err := supervisor.Start(t.Context(), tc.opts...)
			assert.Nil(t, sup)
			require.ErrorIs(t, err, supervisor.ErrInvalidOption)
			for _, want := range tc.want {
				assert.ErrorContains(t, err, want)
			}
		})
	}
}

func TestStartChildRejectsInvalidOptions(t *testing.T) {
	cases := []struct {
		name string
		fn   func(context.Context) error
		opts []supervisor.ChildOption
		want []string
	}{
		{"nil function", nil, nil, []string{"nil child function"}},
		{"negative shutdown", blocks, []supervisor.ChildOption{supervisor.Shutdown(-time.Second)}, []string{"shutdown must not be negative, got -1s"}},
		{"unknown policy", blocks, []supervisor.ChildOption{supervisor.WithRestart(7)}, []string{"unknown restart policy 7"}},
		{"every problem at once", nil, []supervisor.ChildOption{supervisor.WithRestart(9), supervisor.Shutdown(-1)},
			[]string{"nil child function", "unknown restart policy 9", "shutdown must not be negative"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				sup := start(t, supervisor.WithHook(l.hook))
				id, err := sup.StartChild(t.Context(), tc.fn, tc.opts...)
				assert.Equal(t, supervisor.ID(-1), id)
				require.ErrorIs(t, err, supervisor.ErrInvalidOption)
				for _, want := range tc.want {
					assert.ErrorContains(t, err, want)
				}
				assert.Empty(t, l.all(), "nothing happened")
				require.NoError(t, sup.Stop(t.Context()))
			})
		})
	}
}

func TestRestartNames(t *testing.T) {
	for r, want := range map[supervisor.Restart]string{
		supervisor.Permanent: "permanent", supervisor.Transient: "transient", supervisor.Temporary: "temporary", 5: "unknown",
	} {
		assert.Equal(t, want, r.String())
	}
}

package pool_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

func TestNewRejectsInvalidOptions(t *testing.T) {
	cases := []struct {
		name string
		opts []pool.Option
		want string
	}{
		{"negative size", []pool.Option{pool.Size(-1)}, "size must not be negative, got -1"},
		{"negative overflow", []pool.Option{pool.MaxOverflow(-2)}, "max overflow must not be negative, got -2"},
		{"no workers at all", []pool.Option{pool.Size(0), pool.MaxOverflow(0)}, "size and max overflow are both 0"},
		{"zero timeout", []pool.Option{pool.Timeout(0)}, "timeout must be positive, got 0s (use NoTimeout for no limit)"},
		{"negative timeout", []pool.Option{pool.Timeout(-time.Second)}, "timeout must be positive, got -1s"},
		{"unknown strategy", []pool.Option{pool.WithStrategy(9)}, "unknown strategy 9"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFactory()
			p, err := pool.New(t.Context(), f.create, f.destroy, tc.opts...)
			assert.Nil(t, p)
			require.ErrorIs(t, err, pool.ErrInvalidOption)
			assert.ErrorContains(t, err, tc.want)
			made, _, _ := f.counts()
			assert.Zero(t, made, "nothing started")
		})
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	_, err := pool.New[int](t.Context(), nil, nil, pool.Size(-1), pool.Timeout(-1))
	require.ErrorIs(t, err, pool.ErrInvalidOption)
	for _, want := range []string{"nil constructor", "size", "timeout"} {
		assert.ErrorContains(t, err, want)
	}
}

func TestNilDestructorAndClockAreFine(t *testing.T) {
	p, err := pool.New(t.Context(), func(context.Context) (int, error) { return 1, nil }, nil,
		pool.Size(1), pool.WithClock(nil), pool.WithHook(nil), pool.NoTimeout())
	require.NoError(t, err)
	w, err := p.Checkout(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 1, w.Value())
	p.Discard(w, nil)
	p.Close()
}

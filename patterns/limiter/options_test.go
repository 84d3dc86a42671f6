package limiter_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/limiter"
)

func TestNewRejectsInvalidMax(t *testing.T) {
	cases := []struct {
		name string
		max  int
		want string
	}{
		{"zero", 0, "limiter: invalid option: max must be positive, got 0"},
		{"negative", -4, "limiter: invalid option: max must be positive, got -4"},
		{"beyond 31 bits", math.MaxInt32 + 1, "limiter: invalid option: max must be at most 2147483647, got 2147483648"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, err := limiter.New(tc.max)
			assert.Nil(t, l)
			require.ErrorIs(t, err, limiter.ErrInvalidOption)
			assert.EqualError(t, err, tc.want)
		})
	}
}

func TestNewAcceptsTheExtremes(t *testing.T) {
	for _, max := range []int{1, math.MaxInt32} {
		l, err := limiter.New(max, limiter.WithClock(nil), limiter.WithHook(nil))
		require.NoError(t, err, "a nil clock means real time, a nil hook none")
		assert.Equal(t, max, l.Max())
		assert.True(t, l.TryAcquire())
		l.Release()
	}
}

package intensity

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestWindow(t *testing.T) {
	t0 := time.Unix(0, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	w := Window{Period: time.Second}
	steps := []struct {
		at     int
		wantN  int
		wantOK bool
	}{
		{0, 1, true}, {100, 2, true}, {200, 3, true},
		{300, 4, false},  // a fourth within the second is one too many
		{1000, 3, true},  // the first left exactly a period after it came
		{1050, 4, false}, // 100, 200 and 1000 still count
		{1200, 2, true},  // 100 and 200 have left
	}
	for _, s := range steps {
		n, ok := w.Add(at(s.at), 3)
		assert.Equal(t, s.wantN, n, "at %d ms", s.at)
		assert.Equal(t, s.wantOK, ok, "at %d ms", s.at)
	}
	assert.Equal(t, 2, w.Count(at(1999)))
	assert.Equal(t, 1, w.Count(at(2000)), "the one at 1000 leaves at 2000")
	assert.Equal(t, 2, w.Len(), "counting forgets nothing")
	exp, ok := w.Expiry()
	assert.True(t, ok)
	assert.Equal(t, at(2000), exp)
	assert.True(t, w.Prune(at(2200)))
	assert.False(t, w.Prune(at(2200)), "nothing left to forget")
	_, ok = w.Expiry()
	assert.False(t, ok)
	n, ok := (&Window{Period: time.Second}).Add(t0, 0)
	assert.Equal(t, 1, n)
	assert.False(t, ok, "max 0 refuses every restart")
}

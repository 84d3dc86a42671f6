//go:build js && wasm

package dom_test

import (
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/wasm/dom"
)

func TestListenAndRelease(t *testing.T) {
	target := js.Global().Get("EventTarget").New()
	fire := func() { target.Call("dispatchEvent", js.Global().Get("Event").New("ping")) }
	calls := 0
	release := dom.Listen(target, "ping", func(e dom.Event) {
		calls++
		assert.True(t, e.Target().Equal(target))
	})
	fire()
	fire()
	assert.Equal(t, 2, calls)
	release()
	fire()
	assert.Equal(t, 2, calls, "a released listener is not called")
	release() // twice is harmless
}

func TestParseStringMap(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr string
	}{
		{`{}`, map[string]string{}, ""},
		{`{"items":"200","ordered":false,"fail_rate":0.1}`,
			map[string]string{"items": "200", "ordered": "false", "fail_rate": "0.1"}, ""},
		{`{"items":`, nil, "JSON"},
		{`[1,2]`, nil, "got an array"},
		{`null`, nil, "got null"},
		{`"x"`, nil, "got string"},
		{`{"items":{"n":1}}`, nil, "items: want text"},
	}
	for _, tt := range tests {
		got, err := dom.ParseStringMap(tt.in)
		if tt.wantErr != "" {
			require.Error(t, err, tt.in)
			assert.Contains(t, err.Error(), tt.wantErr, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestCatchLetsGoPanicsThrough(t *testing.T) {
	assert.PanicsWithValue(t, "boom", func() { _ = dom.Catch(func() { panic("boom") }) })
}

func TestQuery(t *testing.T) {
	assert.Equal(t, map[string]string{"a": "2", "b": "x y"}, dom.ParseQuery("?a=1&b=x+y&a=2"))
	assert.Equal(t, map[string]string{}, dom.ParseQuery(""))

	got := dom.WithQuery("https://example.org/p/stream.html?utm=1&items=5#demo",
		map[string]string{"seed": "3", "items": "7", "fail_rate": "0.5"}, []string{"ordered"})
	assert.Equal(t, "https://example.org/p/stream.html?utm=1&items=7&fail_rate=0.5&seed=3#demo", got,
		"unrelated parameters and the fragment stay; new ones come in name order")
	got = dom.WithQuery("http://localhost/x?items=7", nil, []string{"items"})
	assert.Equal(t, "http://localhost/x", got)
}

func TestPromise(t *testing.T) {
	p, resolve, _ := dom.NewPromise()
	got := make(chan string, 1)
	then := js.FuncOf(func(this js.Value, args []js.Value) any {
		got <- args[0].String()
		return nil
	})
	defer then.Release()
	p.Call("then", then)
	resolve("done")
	assert.Equal(t, "done", <-got)
}

// TestTimerDebounces: setting a timer again before it fires moves its one
// call later; a stopped timer does not call.
func TestTimerDebounces(t *testing.T) {
	calls := make(chan float64, 4)
	start := dom.Now()
	tm := dom.NewTimer(func() { calls <- dom.Now() - start })
	defer tm.Release()
	tm.After(30)
	tm.After(60) // the first call is replaced
	assert.True(t, tm.Pending())
	at := <-calls
	assert.GreaterOrEqual(t, at, 60.0, "called once, after the second setting")
	assert.False(t, tm.Pending())

	stopped := dom.NewTimer(func() { calls <- -1 })
	stopped.After(10)
	stopped.Stop()
	stopped.Release()
	tm.After(40)
	assert.Positive(t, <-calls, "the next call is the live timer's, not the stopped one's")
}

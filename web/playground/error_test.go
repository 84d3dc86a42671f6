package playground_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/web/playground"
)

// TestErrorFields checks that a failed fence reports where and what, as
// fields a site builder can rely on, not only as text.
func TestErrorFields(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []playground.Error // Message left out: the golden files check the text
	}{
		{
			name: "unknown scenario names the fence's line",
			src:  "text\n\n```playground nope\n```\n",
			want: []playground.Error{{Line: 3, Scenario: "nope"}},
		},
		{
			name: "invalid value names its line and parameter",
			src:  "```playground stream\nitems: 1\nseed: -1\n```\n",
			want: []playground.Error{{Line: 3, Scenario: "stream", Param: "seed"}},
		},
		{
			name: "every problem of a fence is reported",
			src:  "```playground stream\nitems: 0\nbogus: 1\n```\n",
			want: []playground.Error{
				{Line: 2, Scenario: "stream", Param: "items"},
				{Line: 3, Scenario: "stream", Param: "bogus"},
			},
		},
		{
			name: "a fence deep in a document counts lines from the top",
			src:  "# A\n\n- one\n- two\n\n  ```playground stream\n  fail_rate: 2\n  ```\n",
			want: []playground.Error{{Line: 7, Scenario: "stream", Param: "fail_rate"}},
		},
		{
			name: "a guided moment's bad parameter names its link's line",
			src:  "```playground stream\n```\n\n- one\n- [two](#try?items=0&stop=emitted)\n",
			want: []playground.Error{{Line: 5, Scenario: "stream", Param: "items", Try: true}},
		},
		{
			name: "a compare line's unknown parameter names its line",
			src:  "```playground spawn\nrate: 400\ncompare: mode=bounded | bogus=1\n```\n",
			want: []playground.Error{{Line: 3, Scenario: "spawn", Param: "bogus"}},
		},
		{
			name: "a compare line's invalid value names its line and parameter",
			src:  "text\n\n```playground spawn\ncompare: mode=bounded | mode=forever\n```\n",
			want: []playground.Error{{Line: 4, Scenario: "spawn", Param: "mode"}},
		},
		{
			name: "a compare line needs exactly two sides",
			src:  "```playground tasks\ncompare: mode=bare | mode=supervised | mode=bare\n```\n",
			want: []playground.Error{{Line: 2, Scenario: "tasks", Param: "compare"}},
		},
		{
			name: "a compare line with one side",
			src:  "```playground tasks\ncompare: mode=bare\n```\n",
			want: []playground.Error{{Line: 2, Scenario: "tasks", Param: "compare"}},
		},
		{
			name: "a compare line whose sides are the same run",
			src:  "```playground tasks\nitems: 5\ncompare: mode=bare | mode=bare\n```\n",
			want: []playground.Error{{Line: 3, Scenario: "tasks", Param: "compare"}},
		},
		{
			name: "a compare side that is not name=value",
			src:  "```playground tasks\ncompare: mode=bare | supervised\n```\n",
			want: []playground.Error{{Line: 2, Scenario: "tasks", Param: "compare"}},
		},
		{
			name: "a parameter set both for both sides and on one",
			src:  "```playground tasks\nmode: bare\ncompare: mode=bare | mode=supervised\n```\n",
			want: []playground.Error{{Line: 3, Scenario: "tasks", Param: "mode"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := convert([]byte(tt.src))
			require.Error(t, err)
			var got []playground.Error
			for _, e := range unjoin(err) {
				var pe *playground.Error
				require.True(t, errors.As(e, &pe), "%v is not a *playground.Error", e)
				assert.NotEmpty(t, pe.Message)
				pe.Message = ""
				got = append(got, *pe)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// unjoin lists the errors an errors.Join holds, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

package link_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/review/internal/link"
)

func TestPage(t *testing.T) {
	defer link.SetBase(link.DefaultBase)
	tests := []struct {
		base, want string
	}{
		{link.DefaultBase, "https://concurrency-patterns.github.io/playground/spawn.html?mode=unbounded&rate=400"},
		{"http://localhost:8080", "http://localhost:8080/spawn.html?mode=unbounded&rate=400"},
		{"", "spawn.html?mode=unbounded&rate=400"},
		{"../site/", "../site/spawn.html?mode=unbounded&rate=400"},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			if err := link.SetBase(tt.base); err != nil {
				t.Fatal(err)
			}
			if got := link.Page("spawn", "mode", "unbounded", "rate", "400"); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	if got := link.Page("timeout"); got != "../site/timeout.html" {
		t.Errorf("no parameters: got %s", got)
	}
	if got := link.Page("tasks", "a b", "x&y"); got != "../site/tasks.html?a+b=x%26y" {
		t.Errorf("escaping: got %s", got)
	}
}

func TestSetBaseRefusesWhatCannotBeABase(t *testing.T) {
	defer link.SetBase(link.DefaultBase)
	for _, bad := range []string{"ftp://example.com/", "https://example.com/?x=1", "https://example.com/#top", "http://[::1"} {
		if err := link.SetBase(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
		if got := link.Base(); got != link.DefaultBase {
			t.Errorf("after %q the base is %q, want it unchanged", bad, got)
		}
	}
}

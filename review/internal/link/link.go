// Package link builds the address of the playground page that shows a
// finding's problem, with the demo set up like the code that was flagged.
//
// The pages take their first demo's parameters from the query
// (tasks.html?mode=bare), so a link is a page name and a few parameters
// under a base address. The base defaults to the published site; the
// command line can point it at a fork or a local server, and an empty
// base gives relative links, for a page that runs the reviewer itself.
package link

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
)

// DefaultBase is where the playground is published.
const DefaultBase = "https://concurrency-patterns.github.io/playground/"

var (
	mu   sync.Mutex
	base = DefaultBase
)

// Base reports the base address links are built under.
func Base() string {
	mu.Lock()
	defer mu.Unlock()
	return base
}

// SetBase changes the base address. It must be an http(s) URL or a
// relative path; a missing final slash is added so pages resolve under it.
func SetBase(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("review: bad pages address %q: %v", s, err)
	}
	if u.IsAbs() && u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("review: pages address %q: want http or https, or a relative path", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("review: pages address %q: no query or fragment, please", s)
	}
	if s != "" && !strings.HasSuffix(s, "/") {
		s += "/"
	}
	mu.Lock()
	base = s
	mu.Unlock()
	return nil
}

// Page is the address of a pattern page (its name without ".html") with
// the demo's parameters, given as name, value pairs.
func Page(page string, params ...string) string {
	if len(params)%2 != 0 {
		panic("link: params must come in name, value pairs")
	}
	var q strings.Builder
	for i := 0; i < len(params); i += 2 {
		if i > 0 {
			q.WriteByte('&')
		}
		q.WriteString(url.QueryEscape(params[i]))
		q.WriteByte('=')
		q.WriteString(url.QueryEscape(params[i+1]))
	}
	s := Base() + page + ".html"
	if q.Len() > 0 {
		s += "?" + q.String()
	}
	return s
}

// Flag is the base address as a flag.Value, for a command's -pages flag.
type Flag struct{}

func (Flag) String() string     { return Base() }
func (Flag) Set(s string) error { return SetBase(s) }

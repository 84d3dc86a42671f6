package a

import (
	"context"
	"net/http"
	"time"
)

func get(u string) {
	resp, err := http.Get(u) // want `timeouts: http.Get uses http.DefaultClient, which has no Timeout, with a request that has no context, so a server that stops answering holds this call for good; see https://concurrency-patterns\.github\.io/playground/timeout\.html\?timeout=infinity`
	if err == nil {
		resp.Body.Close()
	}
}

var shared = &http.Client{CheckRedirect: nil}

func viaShared(u string) {
	shared.Head(u) // want `timeouts: this client has no Timeout and the request no context deadline`
}

func viaDefault(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req) // want `timeouts: this client has no Timeout`
}

func viaNew(u string) {
	c := new(http.Client)
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	c.Do(req) // want `timeouts: this client has no Timeout`
}

func viaZero(u string) {
	var c http.Client
	ctx := context.TODO()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req) // want `timeouts: this client has no Timeout`
}

// Correct code.

var patient = &http.Client{Timeout: 10 * time.Second}

func withTimeout(u string) { patient.Get(u) }

func withTransport(u string, t http.RoundTripper) {
	c := &http.Client{Transport: t}
	c.Get(u)
}

func setLater(u string) {
	c := &http.Client{}
	c.Timeout = time.Second
	c.Get(u)
}

func handedOn(u string) {
	var c http.Client
	configure(&c)
	c.Get(u)
}

func configure(*http.Client) {}

// The caller's context may have a deadline.
func withContext(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

func withDeadline(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

// A client handed in is configured elsewhere.
func given(c *http.Client, u string) { c.Get(u) }

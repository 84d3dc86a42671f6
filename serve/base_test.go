package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnderBase(t *testing.T) {
	h, err := newSiteHandler(newTestSite(t))
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })

	tests := []struct {
		base, target string
		status       int
		body         string
		location     string
	}{
		{base: "/concurrency/", target: "/concurrency/", status: 200, body: "<h1>home</h1>"},
		{base: "/concurrency/", target: "/concurrency/style.css", status: 200, body: "body{}"},
		{base: "/concurrency/", target: "/concurrency/docs/", status: 200, body: "<h1>docs</h1>"},
		{base: "/concurrency/", target: "/concurrency", status: 301, location: "concurrency/"},
		{base: "/concurrency/", target: "/concurrency/docs", status: 301, location: "docs/"},
		{base: "/concurrency/", target: "/", status: 404},
		{base: "/concurrency/", target: "/style.css", status: 404},
		{base: "/concurrency/", target: "/concurrencyx/style.css", status: 404},
		{base: "/concurrency/", target: "/concurrency/%2e%2e/secret.txt", status: 400},
		{base: "/concurrency/", target: "/concurrency/..%2fsecret.txt", status: 400},
		{base: "concurrency", target: "/concurrency/style.css", status: 200},
		{base: "/", target: "/style.css", status: 200},
		{base: "", target: "/style.css", status: 200},
	}
	for _, tt := range tests {
		t.Run(tt.base+" "+tt.target, func(t *testing.T) {
			rec := httptest.NewRecorder()
			underBase(tt.base, h).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.target, nil))
			assert.Equal(t, tt.status, rec.Code)
			assert.NotContains(t, rec.Body.String(), "secret")
			if tt.body != "" {
				assert.Equal(t, tt.body, rec.Body.String())
			}
			if tt.location != "" {
				assert.Equal(t, tt.location, rec.Header().Get("Location"))
			}
		})
	}
}

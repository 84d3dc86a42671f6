package main

import (
	"net/http"
	"path"
	"strings"
)

// underBase serves h at the sub-path base ("/concurrency/"), as GitHub
// Pages serves a project site under /<repo>/, so that the site can be
// tried, and tested, where its relative URLs are put to the test. The base
// without its final slash is redirected to it; anything outside it is not
// found.
func underBase(base string, h http.Handler) http.Handler {
	base = basePath(base)
	if base == "/" {
		return h
	}
	strip := http.StripPrefix(strings.TrimSuffix(base, "/"), h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path+"/" == base:
			w.Header().Set("Location", path.Base(r.URL.Path)+"/")
			w.WriteHeader(http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, base):
			strip.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

// basePath puts a base in one form: "/", or "/name/" with one slash each
// side, however it was written.
func basePath(base string) string {
	if base = strings.Trim(base, "/"); base == "" {
		return "/"
	}
	return "/" + base + "/"
}

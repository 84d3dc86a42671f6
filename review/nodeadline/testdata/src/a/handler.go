package a

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

func lookup(ctx context.Context, key string) string { return key }

func handler(w http.ResponseWriter, r *http.Request) {
	lookup(context.Background(), "k")                 // want `timeouts: context.Background\(\) in a request handler neither ends when the client goes away nor has a deadline`
	ctx, cancel := context.WithCancel(context.TODO()) // want `timeouts: context.TODO\(\) in a request handler`
	defer cancel()
	lookup(ctx, "j")
}

// Correct code.

func goodHandler(w http.ResponseWriter, r *http.Request) {
	lookup(r.Context(), "k")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	lookup(ctx, "l")
	slog.InfoContext(context.Background(), "served")
	go lookup(context.Background(), "detached") // outlives the request on purpose
}

func notAHandler() {
	lookup(context.Background(), "main")
}

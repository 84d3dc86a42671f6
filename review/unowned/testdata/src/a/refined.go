package a

import (
	"context"
	"io"
	"net/http"
	"testing"
)

// A watcher lives no longer than the contexts it waits on.
func watch(ctx context.Context, stop func()) {
	go func() {
		<-ctx.Done()
		stop()
	}()
}

// A pipe's reader sees the writer's end.
func pipe(w *io.PipeWriter) {
	go func() {
		work(7)
		w.Close()
	}()
}

// init starts goroutines for the life of the process.
func init() {
	go func() { work(8) }()
}

// Closing in the background: the error of Close is commonly dropped.
func closeLater(c io.Closer) {
	go c.Close()
}

// A test helper reports through t.
func helper(t testing.TB, c io.Closer) {
	go func() {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	}()
}

// A deferred method of an interface is no callback: nobody learns.
func closeAfter(c io.Closer) {
	go func() { // want `supervised tasks: nothing waits`
		defer c.Close()
		work(9)
	}()
}

// Serve's error is thrown away.
func serveOn(srv *http.Server) {
	go srv.ListenAndServe() // want `supervised tasks: nothing waits for this goroutine and the result of ListenAndServe is thrown away`
}

package trace

import (
	"io"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Writer streams a trace to an io.Writer as the events happen, so memory
// stays bounded however long the program runs: each event is encoded into
// a buffer that is flushed when full. It is safe for concurrent use. Call
// [Writer.Close] at the end: until then the file is not complete.
type Writer struct {
	mu     sync.Mutex
	out    io.Writer
	origin time.Time
	buf    []byte // encoded events not yet written, flushed at bufSize
	n      int    // events written
	err    error  // the first write error; later events are dropped
	closed bool
}

// NewWriter starts a trace of h on w; times count from now.
func NewWriter(w io.Writer, h Header) *Writer {
	return &Writer{out: w, origin: time.Now(), buf: appendHeader(make([]byte, 0, bufSize), h)}
}

// Hook returns the hook to pass to a pattern's WithHook option.
func (w *Writer) Hook() event.Hook { return w.observe }

func (w *Writer) observe(e event.Event) {
	rec := event.RecordOf(e, w.origin)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil || w.closed {
		return
	}
	if w.n > 0 {
		w.buf = append(w.buf, ',')
	}
	w.buf = appendEvent(w.buf, rec)
	w.n++
	if len(w.buf) >= bufSize {
		w.flush()
	}
}

// Close ends the trace and flushes it; it does not close the underlying
// writer. Events observed after Close are dropped. It returns the first
// write error, if any.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err == nil {
		w.buf = append(w.buf, "]}\n"...)
		w.flush()
	}
	return w.err
}

// bufSize is how many bytes of events are written at once.
const bufSize = 64 << 10

func (w *Writer) flush() {
	_, w.err = w.out.Write(w.buf)
	w.buf = w.buf[:0]
}

// Len is how many events were written.
func (w *Writer) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}

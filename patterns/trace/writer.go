package trace

import (
	"bufio"
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
	out    *bufio.Writer
	origin time.Time
	buf    []byte // one event's encoding, reused
	n      int    // events written
	err    error  // the first write error; later events are dropped
	closed bool
}

// NewWriter starts a trace of h on w; times count from now.
func NewWriter(w io.Writer, h Header) *Writer {
	tw := &Writer{out: bufio.NewWriterSize(w, 64<<10), origin: time.Now()}
	_, tw.err = tw.out.Write(appendHeader(nil, h))
	return tw
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
	w.buf = w.buf[:0]
	if w.n > 0 {
		w.buf = append(w.buf, ',')
	}
	w.buf = appendEvent(w.buf, rec)
	_, w.err = w.out.Write(w.buf)
	w.n++
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
		_, w.err = w.out.WriteString("]}\n")
	}
	if w.err == nil {
		w.err = w.out.Flush()
	}
	return w.err
}

// Len is how many events were written.
func (w *Writer) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}

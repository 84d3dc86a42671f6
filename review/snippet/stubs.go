package snippet

// stubs are the declarations the page type-checks pasted code against:
// the names of each package that the checks reason about, or that code
// around goroutines commonly uses, with their real types and no bodies
// worth running. A name left out is a type error in the pasted code, which
// Check counts and tolerates.
var stubs = map[string]string{
	"context": `package context

import "time"

type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}
type CancelFunc func()
type CancelCauseFunc func(cause error)

var Canceled, DeadlineExceeded error

func Background() Context { return nil }
func TODO() Context       { return nil }
func WithCancel(parent Context) (Context, CancelFunc)               { return nil, nil }
func WithCancelCause(parent Context) (Context, CancelCauseFunc)     { return nil, nil }
func WithTimeout(parent Context, d time.Duration) (Context, CancelFunc) { return nil, nil }
func WithTimeoutCause(parent Context, d time.Duration, cause error) (Context, CancelFunc) { return nil, nil }
func WithDeadline(parent Context, t time.Time) (Context, CancelFunc) { return nil, nil }
func WithDeadlineCause(parent Context, t time.Time, cause error) (Context, CancelFunc) { return nil, nil }
func WithValue(parent Context, key, val any) Context { return nil }
func WithoutCancel(parent Context) Context           { return nil }
func AfterFunc(ctx Context, f func()) (stop func() bool) { return nil }
func Cause(c Context) error                          { return nil }
`,
	"time": `package time

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func (d Duration) Seconds() float64      { return 0 }
func (d Duration) Milliseconds() int64   { return 0 }
func (d Duration) String() string        { return "" }
func ParseDuration(s string) (Duration, error) { return 0, nil }

type Time struct{ ns int64 }

func Now() Time                           { return Time{} }
func Unix(sec, nsec int64) Time           { return Time{} }
func Since(t Time) Duration               { return 0 }
func Until(t Time) Duration               { return 0 }
func (t Time) Add(d Duration) Time        { return t }
func (t Time) Sub(u Time) Duration        { return 0 }
func (t Time) Before(u Time) bool         { return false }
func (t Time) After(u Time) bool          { return false }
func (t Time) IsZero() bool               { return false }
func (t Time) Unix() int64                { return 0 }
func (t Time) Format(layout string) string { return "" }

type Timer struct{ C <-chan Time }

func NewTimer(d Duration) *Timer            { return nil }
func AfterFunc(d Duration, f func()) *Timer { return nil }
func (t *Timer) Stop() bool                 { return false }
func (t *Timer) Reset(d Duration) bool      { return false }

type Ticker struct{ C <-chan Time }

func NewTicker(d Duration) *Ticker  { return nil }
func (t *Ticker) Stop()             {}
func (t *Ticker) Reset(d Duration)  {}
func After(d Duration) <-chan Time  { return nil }
func Tick(d Duration) <-chan Time   { return nil }
func Sleep(d Duration)              {}
`,
	"sync": `package sync

type Locker interface {
	Lock()
	Unlock()
}
type WaitGroup struct{ n int }

func (wg *WaitGroup) Add(delta int) {}
func (wg *WaitGroup) Done()         {}
func (wg *WaitGroup) Wait()         {}
func (wg *WaitGroup) Go(f func())   {}

type Mutex struct{ state int32 }

func (m *Mutex) Lock()         {}
func (m *Mutex) Unlock()       {}
func (m *Mutex) TryLock() bool { return false }

type RWMutex struct{ w Mutex }

func (rw *RWMutex) Lock()    {}
func (rw *RWMutex) Unlock()  {}
func (rw *RWMutex) RLock()   {}
func (rw *RWMutex) RUnlock() {}

type Once struct{ done uint32 }

func (o *Once) Do(f func()) {}

type Cond struct{ L Locker }

func NewCond(l Locker) *Cond { return nil }
func (c *Cond) Wait()        {}
func (c *Cond) Signal()      {}
func (c *Cond) Broadcast()   {}

type Map struct{ m map[any]any }

func (m *Map) Load(key any) (value any, ok bool)      { return nil, false }
func (m *Map) Store(key, value any)                   {}
func (m *Map) Delete(key any)                         {}
func (m *Map) Range(f func(key, value any) bool)      {}
func (m *Map) LoadOrStore(key, value any) (any, bool) { return nil, false }

type Pool struct{ New func() any }

func (p *Pool) Get() any  { return nil }
func (p *Pool) Put(x any) {}

func OnceFunc(f func()) func() { return f }
`,
	"sync/atomic": `package atomic

type Int64 struct{ v int64 }

func (x *Int64) Load() int64          { return 0 }
func (x *Int64) Store(v int64)        {}
func (x *Int64) Add(d int64) int64    { return 0 }

type Int32 struct{ v int32 }

func (x *Int32) Load() int32          { return 0 }
func (x *Int32) Store(v int32)        {}
func (x *Int32) Add(d int32) int32    { return 0 }

type Bool struct{ v uint32 }

func (x *Bool) Load() bool   { return false }
func (x *Bool) Store(v bool) {}

func AddInt64(addr *int64, delta int64) int64 { return 0 }
func AddInt32(addr *int32, delta int32) int32 { return 0 }
func LoadInt64(addr *int64) int64             { return 0 }
func StoreInt64(addr *int64, val int64)       {}
`,
	"errors": `package errors

func New(text string) error               { return nil }
func Is(err, target error) bool           { return false }
func As(err error, target any) bool       { return false }
func Join(errs ...error) error            { return nil }
func Unwrap(err error) error              { return nil }
`,
	"io": `package io

type Reader interface{ Read(p []byte) (n int, err error) }
type Writer interface{ Write(p []byte) (n int, err error) }
type Closer interface{ Close() error }
type ReadCloser interface {
	Reader
	Closer
}
type WriteCloser interface {
	Writer
	Closer
}

var EOF error
var Discard Writer

func ReadAll(r Reader) ([]byte, error)                 { return nil, nil }
func Copy(dst Writer, src Reader) (int64, error)       { return 0, nil }
func WriteString(w Writer, s string) (n int, err error) { return 0, nil }

type PipeReader struct{ p int }
type PipeWriter struct{ p int }

func Pipe() (*PipeReader, *PipeWriter)                   { return nil, nil }
func (r *PipeReader) Read(data []byte) (int, error)      { return 0, nil }
func (r *PipeReader) Close() error                       { return nil }
func (w *PipeWriter) Write(data []byte) (int, error)     { return 0, nil }
func (w *PipeWriter) Close() error                       { return nil }
func (w *PipeWriter) CloseWithError(err error) error     { return nil }
`,
	"fmt": `package fmt

import "io"

func Print(a ...any) (int, error)                             { return 0, nil }
func Println(a ...any) (int, error)                           { return 0, nil }
func Printf(format string, a ...any) (int, error)             { return 0, nil }
func Sprint(a ...any) string                                  { return "" }
func Sprintln(a ...any) string                                { return "" }
func Sprintf(format string, a ...any) string                  { return "" }
func Errorf(format string, a ...any) error                    { return nil }
func Fprint(w io.Writer, a ...any) (int, error)               { return 0, nil }
func Fprintln(w io.Writer, a ...any) (int, error)             { return 0, nil }
func Fprintf(w io.Writer, format string, a ...any) (int, error) { return 0, nil }
`,
	"log": `package log

func Print(v ...any)                  {}
func Println(v ...any)                {}
func Printf(format string, v ...any)  {}
func Fatal(v ...any)                  {}
func Fatalln(v ...any)                {}
func Fatalf(format string, v ...any)  {}
func Panic(v ...any)                  {}
func Panicf(format string, v ...any)  {}
`,
	"golang.org/x/sync/errgroup": `package errgroup

import "context"

type Group struct{ n int }

func WithContext(ctx context.Context) (*Group, context.Context) { return nil, nil }
func (g *Group) Go(f func() error)                              {}
func (g *Group) TryGo(f func() error) bool                      { return false }
func (g *Group) SetLimit(n int)                                 {}
func (g *Group) Wait() error                                    { return nil }
`,
	"net/http": httpStub,
}

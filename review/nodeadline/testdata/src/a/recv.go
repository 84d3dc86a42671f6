package a

import (
	"context"
	"time"
)

func wait(ctx context.Context, ch <-chan int) int {
	return <-ch // want `timeouts: this receive ignores ctx: with no select on ctx.Done\(\) or a timer, it waits past the caller's deadline if nothing is sent`
}

func serve(ctx context.Context, run func() error) error {
	errc := make(chan error, 1)
	go func() { errc <- run() }()
	return <-errc // want `timeouts: this receive ignores ctx`
}

// Correct code.

func selected(ctx context.Context, ch <-chan int) (int, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func timers(ctx context.Context, t *time.Ticker) {
	<-time.After(time.Second)
	<-t.C
	<-ctx.Done()
	done := ctx.Done()
	<-done
}

// Without a context there is nothing to honour.
func noContext(ch <-chan int) int { return <-ch }

// A goroutine handed the context ends with it.
func watched(ctx context.Context, work func(context.Context) int) int {
	out := make(chan int)
	go func() { out <- work(ctx) }()
	return <-out
}

// A request whose reply comes from code that got the context.
type server struct{ mailbox chan request }

type request struct{ reply chan int }

func (s *server) send(ctx context.Context, r request) error {
	select {
	case s.mailbox <- r:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *server) ask(ctx context.Context) (int, error) {
	reply := make(chan int, 1)
	if err := s.send(ctx, request{reply: reply}); err != nil {
		return 0, err
	}
	return <-reply, nil
}

// Waiting for a goroutine that was told to stop.
func stop(ctx context.Context, cancel context.CancelFunc, done <-chan struct{}) {
	cancel()
	<-done
}

// A channel used as a lock: the token goes back.
func locked(ctx context.Context, mu chan struct{}) {
	<-mu
	defer func() { mu <- struct{}{} }()
}

// Cleanup waits are not the call's wait.
func cleanup(ctx context.Context, done <-chan struct{}) {
	defer func() { <-done }()
}

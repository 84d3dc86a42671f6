package task

import (
	"context"
	"sync"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// AwaitMany waits for every task and returns their values in the order of
// tasks (Elixir's Task.await_many). The first task to end with an error,
// whether an exit or an error of its own, ends the wait at once with that
// error; Elixir's caller would exit with the task's reason, and a Go error
// return is what a raise is there. Use [YieldMany] to see every task's
// outcome, errors included.
//
// The time limit is the one [Task.Await] has: the [AwaitTimeout] of the
// first task's supervisor (5 s by default), or ctx if it ends first. Past
// the timeout AwaitMany returns an [*ExitError] wrapping [ErrTimeout]; when
// ctx ends, ctx.Err(). The tasks not done
// then go on running. A task that returns just as the time runs out is
// counted as returned. An ignored task makes AwaitMany return [ErrIgnored]
// at once.
//
// While it waits, AwaitMany has one goroutine watch each task still
// running; they have all returned when AwaitMany does.
func AwaitMany[T any](ctx context.Context, tasks ...*Task[T]) ([]T, error) {
	for _, t := range tasks {
		if t.ignored.Load() {
			return nil, ErrIgnored
		}
	}
	s := supervisorOf(tasks)
	var expired <-chan struct{}
	if d, ok := s.awaitLimit(); ok {
		ch, stop := s.expiry(d)
		defer stop()
		expired = ch
	}
	w := watch(tasks, nil)
	defer w.close()
	for n := 0; n < len(tasks); n++ {
		i, ok := w.next(ctx, expired)
		if !ok {
			if err := lastLook(ctx, w, tasks); err != nil {
				return nil, err
			}
			break
		}
		w.taken[i] = true
		if err := tasks[i].err; err != nil {
			return nil, err
		}
	}
	values := make([]T, len(tasks))
	for i, t := range tasks {
		values[i] = t.value
	}
	return values, nil
}

// lastLook is AwaitMany's verdict when its wait ended early: ctx.Err(), or
// once time ran out, the error of a task that returned by then after all,
// the timeout if some are still running, or nil if none are.
func lastLook[T any](ctx context.Context, w *watcher, tasks []*Task[T]) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	late := false
	for i, t := range tasks {
		switch {
		case w.taken[i]:
		case !t.done():
			t.s.emit(event.StillRunning, t.child.id, ErrTimeout)
			late = true
		case t.err != nil:
			return t.err
		}
	}
	if late {
		return &ExitError{Reason: ErrTimeout}
	}
	return nil
}

// supervisorOf is the supervisor whose clock and await timeout a wait for
// several tasks uses: that of the first task not made by Completed.
func supervisorOf[T any](tasks []*Task[T]) *Supervisor {
	for _, t := range tasks {
		if t.s != completedBy {
			return t.s
		}
	}
	return completedBy
}

// done reports whether the task has returned.
func (t *Task[T]) done() bool {
	select {
	case <-t.child.done:
		return true
	default:
		return false
	}
}

// watcher reports tasks as they return: those done already first, in the
// order given, then the others as they return, each once.
type watcher struct {
	ready []int    // done before the wait began
	ch    chan int // buffered for every task, so no watch ever blocks
	stop  chan struct{}
	wg    sync.WaitGroup
	taken []bool // tasks the caller has dealt with
}

// watch starts watching tasks, skipping those skip says to.
func watch[T any](tasks []*Task[T], skip func(int) bool) *watcher {
	w := &watcher{ch: make(chan int, len(tasks)), stop: make(chan struct{}), taken: make([]bool, len(tasks))}
	for i, t := range tasks {
		switch {
		case skip != nil && skip(i):
		case t.done():
			w.ready = append(w.ready, i)
		default:
			w.wg.Go(func() {
				select {
				case <-t.child.done:
					w.ch <- i
				case <-w.stop:
				}
			})
		}
	}
	return w
}

// next returns the next task to return, or false when expired is closed or
// ctx ends first.
func (w *watcher) next(ctx context.Context, expired <-chan struct{}) (int, bool) {
	if len(w.ready) > 0 {
		i := w.ready[0]
		w.ready = w.ready[1:]
		return i, true
	}
	select {
	case i := <-w.ch:
		return i, true
	case <-expired:
	case <-ctx.Done():
	}
	return -1, false
}

// close stops the watches and waits for them.
func (w *watcher) close() {
	close(w.stop)
	w.wg.Wait()
}

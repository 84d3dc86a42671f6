package supervisor

import (
	"context"
	"slices"
)

// ChildInfo describes one child the supervisor holds.
type ChildInfo struct {
	ID       ID
	Slot     int // the lane the hook's events give it
	Restart  Restart
	Restarts int  // how many times it has been restarted
	Stopping bool // its context is cancelled and it has not returned yet
	// Starting: its first start step runs (see StartChildInit).
	Starting bool
	// Restarting: it exited and is being restarted (Elixir's :restarting):
	// it waits out its restart delay (see RestartBackoff), or the start
	// step of its restart runs, or failed and is tried again.
	Restarting bool
}

// Counts sums up the supervisor's state.
type Counts struct {
	Children  int // children held, stopping ones included: what MaxChildren bounds
	Stopping  int // of those, children cancelled that have not returned yet
	Restarts  int // restarts within the current intensity period
	Abandoned int // children abandoned so far
}

// WhichChildren lists the children the supervisor holds, by id (Elixir's
// which_children). It returns [ErrStopped] once the supervisor has stopped.
func (s *Supervisor) WhichChildren(ctx context.Context) ([]ChildInfo, error) {
	reply := make(chan []ChildInfo, 1)
	if err := s.send(ctx, whichChildren{reply: reply}); err != nil {
		return nil, err
	}
	return <-reply, nil
}

// CountChildren sums up the supervisor's state (Elixir's count_children).
// It returns [ErrStopped] once the supervisor has stopped.
func (s *Supervisor) CountChildren(ctx context.Context) (Counts, error) {
	reply := make(chan Counts, 1)
	if err := s.send(ctx, countChildren{reply: reply}); err != nil {
		return Counts{}, err
	}
	return <-reply, nil
}

func (l *loop) which() []ChildInfo {
	out := make([]ChildInfo, 0, len(l.children))
	for _, c := range l.children {
		out = append(out, ChildInfo{ID: c.id, Slot: c.slot, Restart: c.spec.restart,
			Restarts: c.incarnation, Stopping: c.stopping,
			Starting: c.starting && c.incarnation == 0, Restarting: c.restarting || c.restartPending()})
	}
	slices.SortFunc(out, func(a, b ChildInfo) int { return int(a.ID - b.ID) })
	return out
}

func (l *loop) count() Counts {
	n := Counts{Children: len(l.children), Abandoned: l.abandoned}
	for _, c := range l.children {
		if c.stopping {
			n.Stopping++
		}
	}
	n.Restarts = l.window.Count(l.cfg.clock.Now())
	return n
}

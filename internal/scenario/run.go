package scenario

import (
	"context"
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Run is one execution of a scenario under its own virtual clock. It owns
// the goroutine that runs the workload; that goroutine ends when the run is
// [Run.Done].
type Run struct {
	scenario *Scenario
	values   Values
	clock    *clock.Virtual
	recorder *event.Recorder
	cancel   context.CancelFunc
	done     chan struct{}
	err      error // written before done is closed
	stalled  bool
}

// Start begins a run. Nothing happens in virtual time until [Run.Step].
func (s *Scenario) Start(v Values) *Run {
	ctx, cancel := context.WithCancel(context.Background())
	r := &Run{
		scenario: s,
		values:   v,
		clock:    clock.NewVirtual(),
		recorder: event.NewRecorder(clock.Epoch),
		cancel:   cancel,
		done:     make(chan struct{}),
	}
	go func() {
		defer close(r.done)
		r.err = s.run(ctx, v, r.clock, r.recorder.Hook())
	}()
	return r
}

// stepTimers is the most timers one [Run.Step] fires. Two thousand
// callers whose waits end at one instant then take many short steps rather
// than one long one, and the browser draws frames between them.
const stepTimers = 16

// Step fires the next virtual timers, at most stepTimers of them. Call it
// only when every goroutine of the run is blocked (see package clock). It
// reports whether the run may go on: false once the run is done, or when it
// has stalled with nothing scheduled, which [Run.Err] then reports.
func (r *Run) Step() bool {
	if r.Done() {
		return false
	}
	if r.clock.StepUpTo(stepTimers) {
		return true
	}
	r.stalled = true
	return false
}

// Stop asks the run to end early. Keep stepping until it is done.
func (r *Run) Stop() { r.cancel() }

// Done reports whether the workload has finished.
func (r *Run) Done() bool {
	select {
	case <-r.done:
		return true
	default:
		return false
	}
}

// Err reports why a finished run failed, or that it stalled.
func (r *Run) Err() error {
	if r.Done() {
		return r.err
	}
	if r.stalled {
		return fmt.Errorf("scenario %s: stalled at %v of virtual time with nothing scheduled", r.scenario.Name, r.clock.Elapsed())
	}
	return nil
}

// Elapsed is the virtual time the run has reached.
func (r *Run) Elapsed() float64 { return ms(r.clock.Elapsed()) }

// Values returns the parameters of the run.
func (r *Run) Values() Values { return r.values }

// Trace returns the events recorded so far.
func (r *Run) Trace() []event.Record { return r.recorder.Records() }

// Summary derives the run's figures from its trace, plus virtual_ms. Every
// figure the scenario lists is present, zero when nothing counted it.
func (r *Run) Summary() map[string]float64 {
	return r.scenario.SummaryOf(r.values, r.Trace(), r.Elapsed())
}

// SummaryOf derives the figures of any trace of this scenario, such as one
// a program recorded, with the parameters it ran with; elapsedMs is the
// time the trace covers (virtual_ms).
func (s *Scenario) SummaryOf(v Values, trace []event.Record, elapsedMs float64) map[string]float64 {
	sum := s.summarize(v, trace)
	for _, k := range s.Summary {
		sum[k] += 0
	}
	sum["virtual_ms"] = elapsedMs
	return sum
}

// Complete steps the run until it ends, calling settle before each step to
// reach quiescence (in tests: synctest.Wait). It returns [Run.Err].
func (r *Run) Complete(settle func()) error {
	for {
		settle()
		if !r.Step() {
			break
		}
	}
	return r.Err()
}

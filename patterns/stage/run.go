package stage

import (
	"context"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/ctxerr"
)

// Start checks the topology and starts every stage on its own goroutine.
// Cancelling ctx stops the pipeline: stages stop taking events, what they
// hold is discarded and reported, and [Pipeline.Wait] returns ctx's error.
// Start returns [ErrStarted] when called twice, and an error wrapping
// [ErrTopology] when a stage would wait forever (a producer without
// consumers, a consumer without producers).
func (p *Pipeline) Start(ctx context.Context) error {
	p.check()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.started {
		return ErrStarted
	}
	if err := p.checkTopology(); err != nil {
		return err
	}
	p.started = true
	p.ctx, p.cancel = context.WithCancel(ctx)
	for _, e := range p.edges {
		p.emit(event.Subscribed, e.consumer, e.producer, e.maxDemand, nil)
	}
	// The first demand is sent here, in stage order, so that where the
	// first events go does not depend on which goroutine runs first.
	for _, s := range p.stages {
		s.askFirst()
	}
	p.live.Store(int32(len(p.stages)))
	for _, s := range p.stages {
		go p.runStage(s)
	}
	return nil
}

// Run starts the pipeline and waits for it: [Pipeline.Start] then
// [Pipeline.Wait].
func (p *Pipeline) Run(ctx context.Context) error {
	if err := p.Start(ctx); err != nil {
		return err
	}
	return p.Wait()
}

// Wait blocks until every stage has returned or been abandoned, and returns
// why the pipeline stopped: nil when all its producers finished and every
// event they kept was handled; the first failure, as an [*Error]; or the
// error of the context given to Start (wrapping its cause too, if it was
// given one of its own). A nil error does not mean no full buffer dropped
// events: [Pipeline.Stats] counts them. It may be called several times,
// from several goroutines. Calling it before Start panics.
//
// After a failure or a cancellation, each stage has the shutdown time (see
// [Shutdown]) to return from its function; one still inside its function
// then is reported abandoned (Go cannot kill a goroutine) and Wait returns
// without it.
func (p *Pipeline) Wait() error {
	p.check()
	p.mu.Lock()
	started := p.started
	p.mu.Unlock()
	if !started {
		panic("stage: Wait before Start")
	}
	p.once.Do(p.wait)
	return p.result
}

func (p *Pipeline) wait() {
	select {
	case <-p.allDone:
	case <-p.ctx.Done():
		p.settle()
	}
	p.mu.Lock()
	if p.cause == nil && p.ctx.Err() != nil {
		p.cause = ctxerr.Of(p.ctx) // the caller's context, not a failure
	}
	p.result = p.cause
	p.mu.Unlock()
	p.cancel()
	p.emit(event.PipelineHalted, -1, -1, 0, p.result)
}

// settle gives the stopping stages the shutdown time to return, then
// abandons those still inside their function.
func (p *Pipeline) settle() {
	timer := p.clock.NewTimer(p.shutdown)
	defer timer.Stop()
	expired := false
	for _, s := range p.stages {
		b := s.stageBase()
		if !expired {
			select {
			case <-b.done:
				continue
			case <-timer.C():
				expired = true
			}
		}
		if !b.abandon() {
			<-b.done // outside its function with ctx done: it returns at once
		}
	}
}

// fail records the first failure and stops the pipeline.
func (p *Pipeline) fail(id int, err error) {
	p.mu.Lock()
	if p.cause == nil {
		p.cause = &Error{Stage: id, Err: err}
	}
	p.mu.Unlock()
	p.cancel()
}

func (p *Pipeline) runStage(s runner) {
	b := s.stageBase()
	err := error(&Error{Stage: b.id, Err: errGoexit}) // unless run returns
	defer func() {
		b.emit(event.StageDone, b.id, -1, 0, err)
		close(b.done)
		if p.live.Add(-1) == 0 {
			close(p.allDone)
		}
	}()
	err = s.run(p.ctx)
	if l, ok := s.(leaver); ok && err == nil {
		l.leave()
	}
}

// leaver is a consuming stage, which cancels the subscriptions it still
// has when it ends.
type leaver interface{ leave() }

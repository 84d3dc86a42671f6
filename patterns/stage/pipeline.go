package stage

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/report"
)

// Pipeline owns a set of connected stages and the goroutine each runs on.
// Build it with [New], add stages with the New… constructors, connect them
// with SubscribeTo, then [Pipeline.Start] and [Pipeline.Wait] (or
// [Pipeline.Run]). A pipeline runs once. The zero value is not usable:
// the first constructor given one, or the first method called on it,
// panics with a message that names New.
type Pipeline struct {
	clock    clock.Clock
	hook     event.Hook
	events   report.To
	shutdown time.Duration

	mu      sync.Mutex
	stages  []runner
	edges   []edge
	started bool
	cause   error // the first failure; guarded by mu

	ctx     context.Context // every stage's context, cancelled to stop them
	cancel  context.CancelFunc
	live    atomic.Int32  // stages whose goroutine has not returned
	allDone chan struct{} // closed when live reaches 0
	once    sync.Once
	result  error
}

// edge is a subscription: consumer receives the events of producer.
type edge struct{ consumer, producer, maxDemand int }

// New returns an empty pipeline. It reports every invalid option, each
// wrapping [ErrInvalidOption].
func New(opts ...PipelineOption) (*Pipeline, error) {
	cfg := pipelineConfig{clock: clock.Real(), shutdown: DefaultShutdown}
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := errors.Join(cfg.errs...); err != nil {
		return nil, err
	}
	return &Pipeline{clock: cfg.clock, hook: cfg.hook, events: report.New(cfg.hook, cfg.clock), shutdown: cfg.shutdown, allDone: make(chan struct{})}, nil
}

// check refuses a Pipeline that New did not make, at its first use.
func (p *Pipeline) check() {
	if p.allDone == nil {
		panic("stage: zero Pipeline; make one with stage.New")
	}
}

// isStarted reports whether Start has run.
func (p *Pipeline) isStarted() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.started
}

// add gives a new stage its ID.
func (p *Pipeline) add(s runner) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.started {
		return ErrStarted
	}
	s.stageBase().id = len(p.stages)
	p.stages = append(p.stages, s)
	return nil
}

// subscribe records that consumer takes the events of producer, refusing
// what would make the topology invalid. link connects them once accepted.
func (p *Pipeline) subscribe(consumer, producer *base, maxDemand int, link func()) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.started:
		return ErrStarted
	case consumer.pl != producer.pl:
		return topologyError("stage %d cannot subscribe to a stage of another pipeline", consumer.id)
	case p.feeds(consumer.id, producer.id):
		return topologyError("stage %d subscribing to stage %d would make a cycle", consumer.id, producer.id)
	}
	for _, e := range p.edges {
		if e.consumer == consumer.id && e.producer == producer.id {
			return topologyError("stage %d is already subscribed to stage %d", consumer.id, producer.id)
		}
	}
	p.edges = append(p.edges, edge{consumer: consumer.id, producer: producer.id, maxDemand: maxDemand})
	link()
	return nil
}

// feeds reports whether events of stage from reach stage to (or from is to).
func (p *Pipeline) feeds(from, to int) bool {
	if from == to {
		return true
	}
	for _, e := range p.edges {
		if e.producer == from && p.feeds(e.consumer, to) {
			return true
		}
	}
	return false
}

// checkTopology reports every stage that would wait forever: a producer no
// one asks, a consumer nothing feeds.
func (p *Pipeline) checkTopology() error {
	if len(p.stages) == 0 {
		return topologyError("the pipeline has no stages")
	}
	var errs []error
	for _, s := range p.stages {
		b := s.stageBase()
		var in, out bool
		for _, e := range p.edges {
			in = in || e.consumer == b.id
			out = out || e.producer == b.id
		}
		if b.role != producerRole && !in {
			errs = append(errs, topologyError("stage %d (%s) is subscribed to no producer", b.id, roles[b.role].name))
		}
		if (b.role == producerRole || b.role == producerConsumerRole) && !out {
			errs = append(errs, topologyError("stage %d (%s) has no consumer", b.id, roles[b.role].name))
		}
	}
	return errors.Join(errs...)
}

func (p *Pipeline) emit(k event.Kind, id, slot, n int, err error) {
	p.events.Emit(k, id, slot, n, err)
}

package stage

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// ErrInvalidOption is wrapped by every error a constructor returns for a bad
// option.
var ErrInvalidOption = errors.New("stage: invalid option")

// Defaults, GenStage's and Broadway's.
const (
	DefaultMaxDemand    = 1000
	DefaultBufferSize   = 10_000
	DefaultBatchSize    = 100
	DefaultBatchTimeout = time.Second
	DefaultShutdown     = 5 * time.Second
)

// PipelineOption configures a [Pipeline].
type PipelineOption func(*pipelineConfig)

type pipelineConfig struct {
	clock    clock.Clock
	hook     event.Hook
	shutdown time.Duration
	errs     []error
}

// WithClock sets the clock batch timeouts and the shutdown time are measured
// on, and events are stamped with (default: real time).
func WithClock(c clock.Clock) PipelineOption {
	return func(p *pipelineConfig) { p.clock = clock.Or(c) }
}

// WithHook reports every step of every stage to h. h is called from the
// stages' goroutines, sometimes while a stage holds its lock: it must be
// fast and must not call back into the pipeline.
func WithHook(h event.Hook) PipelineOption {
	return func(p *pipelineConfig) { p.hook = h }
}

// Shutdown is how long a stage may take to return from its function once
// the pipeline is stopping, before it is reported abandoned; 0 abandons at
// once (Elixir's :brutal_kill). The default is 5 s.
func Shutdown(d time.Duration) PipelineOption {
	return func(p *pipelineConfig) {
		if d < 0 {
			p.errs = append(p.errs, fmt.Errorf("%w: shutdown must not be negative, got %v", ErrInvalidOption, d))
		}
		p.shutdown = d
	}
}

// Option configures one stage. Each constructor says which options apply
// to it and refuses the others.
type Option func(*config)

// MaxDemand is how many events a consumer asks each producer for at first,
// and the most it ever has asked for and not yet handled (GenStage's
// max_demand). n must be positive; the default is 1000, or the batch size
// for a batcher.
func MaxDemand(n int) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("max demand must be positive, got %d", n)
		}
		c.maxDemand, c.set = n, c.set|setMaxDemand
	}
}

// MinDemand is the demand left below which a consumer asks for more
// (GenStage's min_demand): it hands events to its function in calls of at
// most max - min, and once its pending demand has fallen to min it asks for
// enough to bring it back to max. n must be from 0 to max - 1; the default
// is max / 2.
func MinDemand(n int) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("min demand must not be negative, got %d", n)
		}
		c.minDemand, c.set = n, c.set|setMinDemand
	}
}

// BufferSize is how many events a producer keeps beyond what its consumers
// asked for (GenStage's buffer_size). When more arrive, the oldest are
// dropped and reported (GenStage's buffer_keep: :last; see [BufferKeep]
// for keeping the first instead). n must not be
// negative; the default is 10 000 for a producer and unbounded for a
// producer-consumer, which only works while its consumers have demand.
func BufferSize(n int) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("buffer size must not be negative, got %d (use UnboundedBuffer for no limit)", n)
		}
		c.bufferSize, c.set = n, c.set|setBuffer
	}
}

// UnboundedBuffer lets a producer keep every event beyond demand (GenStage's
// buffer_size: :infinity). Memory is then bounded only by what the producer
// makes.
func UnboundedBuffer() Option {
	return func(c *config) { c.bufferSize, c.set = math.MaxInt, c.set|setBuffer }
}

// BatchSize is how many events a batcher puts in a full batch (Broadway's
// batch_size). n must be positive; the default is 100.
func BatchSize(n int) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("batch size must be positive, got %d", n)
		}
		c.batchSize, c.set = n, c.set|setBatchSize
	}
}

// BatchTimeout is how long a batcher waits, from the first event of a
// batch, before it flushes the batch unfilled (Broadway's batch_timeout).
// d must be positive; the default is 1 s.
func BatchTimeout(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			c.invalid("batch timeout must be positive, got %v", d)
		}
		c.batchTimeout, c.set = d, c.set|setBatchTimeout
	}
}

// HandleFailed makes a failure of a consumer's function non-fatal, like
// Broadway's handle_failed: fn receives the events of the failed call and
// why (the function's error, or a *task.ExitError for a panic), then the
// stage goes on. Without it, the first failure stops the pipeline. T must be
// the type of events the stage consumes; fn must not keep the slice.
func HandleFailed[T any](fn func(ctx context.Context, events []T, err error)) Option {
	return func(c *config) {
		if fn == nil {
			c.invalid("nil HandleFailed function")
		}
		c.handleFailed, c.set = fn, c.set|setHandleFailed
	}
}

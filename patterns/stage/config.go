package stage

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"time"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// setting names one option, to tell which were given.
type setting uint16

const (
	setMaxDemand setting = 1 << iota
	setMinDemand
	setBuffer
	setBatchSize
	setBatchTimeout
	setHandleFailed
	setBufferKeep
	setDemandMode
	setHandleCancel
	setChildRestart
	setMaxRestarts
)

var settingNames = map[setting]string{
	setMaxDemand: "max demand", setMinDemand: "min demand", setBuffer: "buffer size",
	setBatchSize: "batch size", setBatchTimeout: "batch timeout", setHandleFailed: "HandleFailed",
	setBufferKeep: "buffer keep", setDemandMode: "demand mode", setHandleCancel: "HandleCancel",
	setChildRestart: "child restart", setMaxRestarts: "max restarts",
}

type config struct {
	maxDemand, minDemand int
	bufferSize           int // math.MaxInt: unbounded
	keep                 Keep
	demand               DemandMode
	batchSize            int
	batchTimeout         time.Duration
	handleFailed         any // a func(context.Context, []T, error) for the stage's T
	handleCancel         func(context.Context, int, error)
	childRestart         supervisor.Restart
	maxRestarts          int
	restartPeriod        time.Duration
	set                  setting
	errs                 []error
}

func (c *config) invalid(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...))
}

// role is what kind of stage a configuration is for.
type role uint8

const (
	producerRole role = iota
	consumerRole
	producerConsumerRole
	batcherRole
	streamRole
	consumerSupervisorRole
)

var roles = [...]struct {
	name    string
	allowed setting
}{
	producerRole:           {"producer", setBuffer | setBufferKeep | setDemandMode | setHandleCancel},
	consumerRole:           {"consumer", setMaxDemand | setMinDemand | setHandleFailed | setHandleCancel},
	producerConsumerRole:   {"producer-consumer", setMaxDemand | setMinDemand | setHandleFailed | setBuffer | setBufferKeep | setHandleCancel},
	streamRole:             {"stream", setMaxDemand | setMinDemand | setHandleCancel},
	batcherRole:            {"batcher", setMaxDemand | setMinDemand | setHandleFailed | setBatchSize | setBatchTimeout | setHandleCancel},
	consumerSupervisorRole: {"consumer supervisor", setMaxDemand | setMinDemand | setHandleCancel | setChildRestart | setMaxRestarts},
}

// configure applies opts for a stage of role r and fills in the defaults.
// It reports every problem, a missing pipeline or function included.
func configure(r role, pl *Pipeline, missingFn bool, opts []Option) (config, error) {
	c := config{bufferSize: DefaultBufferSize, batchSize: DefaultBatchSize, batchTimeout: DefaultBatchTimeout,
		childRestart: supervisor.Temporary, maxRestarts: DefaultMaxRestarts, restartPeriod: DefaultRestartPeriod}
	if pl == nil {
		c.invalid("nil pipeline")
	} else {
		pl.check()
	}
	if missingFn {
		c.invalid("nil function")
	}
	if r == producerConsumerRole {
		c.bufferSize = math.MaxInt
	}
	for _, opt := range opts {
		opt(&c)
	}
	for s := setMaxDemand; s <= setMaxRestarts; s <<= 1 {
		if c.set&s != 0 && roles[r].allowed&s == 0 {
			c.invalid("%s does not apply to a %s", settingNames[s], roles[r].name)
		}
	}
	if c.set&setMaxDemand == 0 {
		c.maxDemand = DefaultMaxDemand
		if r == batcherRole {
			c.maxDemand = max(c.batchSize, 1)
		}
	}
	if c.set&setMinDemand == 0 {
		c.minDemand = c.maxDemand / 2
	} else if c.maxDemand > 0 && c.minDemand >= c.maxDemand {
		c.invalid("min demand must be less than max demand (%d), got %d", c.maxDemand, c.minDemand)
	}
	return c, errors.Join(c.errs...)
}

// failedHandler returns the HandleFailed function for events of type T, nil
// when none was given.
func failedHandler[T any](c *config) (func(context.Context, []T, error), error) {
	if c.handleFailed == nil {
		return nil, nil
	}
	fn, ok := c.handleFailed.(func(context.Context, []T, error))
	if !ok {
		return nil, fmt.Errorf("%w: HandleFailed function is %T, but the stage consumes %v", ErrInvalidOption, c.handleFailed, reflect.TypeFor[T]())
	}
	return fn, nil
}

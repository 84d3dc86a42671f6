package stage

import "fmt"

// DemandMode says whether a producer acts on its consumers' demand at once
// or keeps it for later (GenStage's :forward and :accumulate).
type DemandMode uint8

const (
	// Forward acts on demand as it comes: the default.
	Forward DemandMode = iota
	// Accumulate keeps the demand consumers ask for without sending
	// events for it, and does not call the producer's function, until the
	// mode is set back to Forward; then the demand is acted on in the
	// order it was asked. Demand acted on before still gets pushed
	// events. It
	// lets a pipeline be built and started, with every consumer
	// subscribed, before any event moves.
	Accumulate
)

func (m DemandMode) String() string {
	switch m {
	case Forward:
		return "Forward"
	case Accumulate:
		return "Accumulate"
	}
	return fmt.Sprintf("DemandMode(%d)", uint8(m))
}

func (m DemandMode) valid() bool { return m == Forward || m == Accumulate }

// Demand sets the mode a producer starts in (GenStage's demand option):
// [Forward], the default, or [Accumulate]. It applies to a producer only.
func Demand(m DemandMode) Option {
	return func(c *config) {
		if !m.valid() {
			c.invalid("demand mode must be Forward or Accumulate, got %v", m)
		}
		c.demand, c.set = m, c.set|setDemandMode
	}
}

// SetDemand switches the producer between [Forward] and [Accumulate]
// (GenStage.demand/2). Switching to Forward acts on the demand kept since,
// in the order it was asked. It never blocks and may be called by any
// goroutine, before or after Start. An unknown mode is refused with
// [ErrInvalidOption] and changes nothing.
//
// A producer that accumulates sends nothing, not even what its buffer
// holds: one closed while accumulating finishes only once it forwards.
func (p *Producer[T]) SetDemand(m DemandMode) error {
	p.base()
	if !m.valid() {
		return fmt.Errorf("%w: demand mode must be Forward or Accumulate, got %v", ErrInvalidOption, m)
	}
	p.d.setMode(m)
	return nil
}

// DemandMode returns the producer's current mode (GenStage.demand/1).
func (p *Producer[T]) DemandMode() DemandMode {
	p.base()
	return p.d.mode()
}

package stage

import "fmt"

// Keep says which events a full producer buffer keeps (GenStage's
// buffer_keep).
type Keep uint8

const (
	// KeepLast keeps the newest events and drops the oldest (GenStage's
	// buffer_keep: :last, the default): a consumer that falls behind sees
	// the latest state of the source.
	KeepLast Keep = iota
	// KeepFirst keeps the events already buffered and drops those that
	// arrive while it is full (buffer_keep: :first): nothing buffered is
	// lost, at the cost of the newest.
	KeepFirst
)

func (k Keep) String() string {
	switch k {
	case KeepLast:
		return "KeepLast"
	case KeepFirst:
		return "KeepFirst"
	}
	return fmt.Sprintf("Keep(%d)", uint8(k))
}

// BufferKeep sets which events a full buffer keeps: [KeepLast] (the
// default) or [KeepFirst]. It stands for GenStage's buffer_keep option and
// applies to a producer and to the producing side of a producer-consumer.
func BufferKeep(k Keep) Option {
	return func(c *config) {
		if k != KeepLast && k != KeepFirst {
			c.invalid("buffer keep must be KeepLast or KeepFirst, got %v", k)
		}
		c.keep, c.set = k, c.set|setBufferKeep
	}
}

package event

import "fmt"

// HookPanic is the error a [HookPanicked] event carries: the hook panicked
// while it observed Event.
type HookPanic struct {
	Event Event  // the event the hook was handed
	Value any    // what the hook passed to panic
	Stack []byte // the hook's stack as it panicked
}

func (p *HookPanic) Error() string {
	return fmt.Sprintf("event: hook panicked on %s: %v", p.Event.Kind, p.Value)
}

// Unwrap returns the panic's value when it is an error, so that errors.Is
// sees through a panic(err).
func (p *HookPanic) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}

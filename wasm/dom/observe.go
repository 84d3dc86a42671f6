//go:build js && wasm

package dom

import "syscall/js"

// Sight watches how much of an element is on screen, through an
// IntersectionObserver on the page's viewport. In an iframe that is the
// viewport of the page around it, so an embedded demo is on screen when
// the host page shows it. One js.Func for its life; call [Sight.Release]
// when done.
type Sight struct {
	observer js.Value
	fn       js.Func
}

// Watch calls fn with the fraction of e on screen, from 0 to 1, each time
// it crosses 0 or one of the thresholds (fractions above 0), and once as
// soon as the browser has looked.
func Watch(e Element, fn func(fraction float64), thresholds ...float64) *Sight {
	s := &Sight{}
	s.fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		entries := args[0]
		if n := entries.Length(); n > 0 {
			last := entries.Index(n - 1) // the latest state of the one element watched
			f := 0.0
			if last.Get("isIntersecting").Bool() {
				f = last.Get("intersectionRatio").Float()
			}
			fn(f)
		}
		return nil
	})
	steps := []any{0.0}
	for _, t := range thresholds {
		steps = append(steps, t)
	}
	opts := js.Global().Get("Object").New()
	opts.Set("threshold", js.ValueOf(steps))
	s.observer = js.Global().Get("IntersectionObserver").New(s.fn, opts)
	s.observer.Call("observe", e.v)
	return s
}

// Release stops watching and releases the callback.
func (s *Sight) Release() {
	if s == nil || s.observer.IsUndefined() {
		return
	}
	s.observer.Call("disconnect")
	s.observer = js.Undefined()
	s.fn.Release()
}

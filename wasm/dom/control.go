//go:build js && wasm

package dom

// Input is an <input> or a <select>: both hold a value and can be disabled.
type Input struct{ Element }

// AsInput treats e as an input or select element.
func AsInput(e Element) Input { return Input{e} }

// Value is the control's current text.
//
//go:noinline
func (i Input) Value() string { return i.v.Get("value").String() }

// SetValue sets the control's text.
//
//go:noinline
func (i Input) SetValue(s string) { i.v.Set("value", s) }

// Checked reports whether a checkbox is ticked.
//
//go:noinline
func (i Input) Checked() bool { return i.v.Get("checked").Bool() }

// SetChecked ticks or clears a checkbox.
//
//go:noinline
func (i Input) SetChecked(b bool) { i.v.Set("checked", b) }

// SetDisabled enables or disables the control.
//
//go:noinline
func (i Input) SetDisabled(b bool) { i.v.Set("disabled", b) }

// Button is a <button>.
type Button struct{ Element }

// AsButton treats e as a button.
func AsButton(e Element) Button { return Button{e} }

// SetDisabled enables or disables the button.
//
//go:noinline
func (b Button) SetDisabled(d bool) { b.v.Set("disabled", d) }

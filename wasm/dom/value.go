//go:build js && wasm

package dom

import (
	"errors"
	"strconv"
	"syscall/js"
)

// Catch runs fn and returns the JavaScript exception it raised, if any, as
// an error: syscall/js turns a throwing call into a panic with a js.Error.
// Other panics go on.
func Catch(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			jsErr, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = jsErr
		}
	}()
	fn()
	return nil
}

// ParseStringMap parses JSON text holding one object, as a page's
// data-params attribute does. Values are converted to text the way
// JavaScript's String does, so {"items": 200} reads like {"items": "200"}.
func ParseStringMap(text string) (map[string]string, error) {
	var v js.Value
	if err := Catch(func() { v = js.Global().Get("JSON").Call("parse", text) }); err != nil {
		return nil, err
	}
	return StringMap(v)
}

// StringMap reads a plain JavaScript object of strings, numbers and
// booleans into a map.
func StringMap(v js.Value) (map[string]string, error) {
	if v.Type() != js.TypeObject || v.IsNull() || js.Global().Get("Array").Call("isArray", v).Bool() {
		return nil, errors.New("want an object of parameter values, got " + describe(v))
	}
	keys := js.Global().Get("Object").Call("keys", v)
	out := make(map[string]string, keys.Length())
	for i := range keys.Length() {
		k := keys.Index(i).String()
		s, ok := Text(v.Get(k))
		if !ok {
			return nil, errors.New(k + ": want text, a number or a boolean, got " + describe(v.Get(k)))
		}
		out[k] = s
	}
	return out, nil
}

// Text converts a string, number or boolean to text as JavaScript's String
// does; ok is false for other values.
func Text(v js.Value) (s string, ok bool) {
	switch v.Type() {
	case js.TypeString:
		return v.String(), true
	case js.TypeNumber:
		return js.Global().Call("String", v).String(), true
	case js.TypeBoolean:
		return strconv.FormatBool(v.Bool()), true
	}
	return "", false
}

func describe(v js.Value) string {
	if v.IsNull() {
		return "null"
	}
	if js.Global().Get("Array").Call("isArray", v).Bool() {
		return "an array"
	}
	return v.Type().String()
}

// NewPromise returns a pending Promise and the functions that settle it.
func NewPromise() (promise js.Value, resolve, reject func(any)) {
	executor := js.FuncOf(func(this js.Value, args []js.Value) any {
		resolve = func(v any) { args[0].Invoke(v) }
		reject = func(v any) { args[1].Invoke(v) }
		return nil
	})
	defer executor.Release() // the executor runs within the constructor
	promise = js.Global().Get("Promise").New(executor)
	return promise, resolve, reject
}

// NewError makes a JavaScript Error with the message, to reject a promise
// with.
func NewError(message string) js.Value { return js.Global().Get("Error").New(message) }

// Package source is a goldmark extension that shows a declaration taken
// from the project's own Go files, so the code on a page is the code that
// compiles and is tested, and cannot drift from it.
//
// A fence whose info string is `go-source PATH#NAME`:
//
//	```go-source patterns/stream/example_test.go#Example
//	```
//
// is replaced by the declaration NAME of the file PATH (relative to the
// root the extension was given), with its doc comment, highlighted as Go.
// NAME is a function, a type, a variable or a constant, or a method as
// Type.Method. An Example function shows its body only: the wrapper is test
// plumbing, the body is what a reader would write. The build fails when the
// file or the declaration does not exist.
package source

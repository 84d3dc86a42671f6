// Package code holds what the reviewer's checks share about the code under
// review: the functions of the package and their bodies, which well-known
// types and calls an expression is, and where a node sits (in a loop, in
// a request handler).
//
// Everything works from the files and the type information of one pass,
// never from loading packages, so the checks can run wherever a pass can
// be made, a browser included.
package code

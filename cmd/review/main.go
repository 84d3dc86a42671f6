// Command review answers the playground's four review questions about Go
// code: supervised tasks, bounded spawning, backpressure and timeouts.
//
//	go run github.com/concurrency-patterns/playground/cmd/review@latest ./...
//	go vet -vettool=$(which review) ./...
//
// Each finding links to the pattern page that shows its problem; -pages
// points the links at another copy of the site. "review help" lists the
// checks and their flags.
package main

import (
	"flag"

	"github.com/concurrency-patterns/playground/review"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	flag.Var(review.Pages, "pages", "the playground's address, that findings link to")
	multichecker.Main(review.Analyzers...)
}

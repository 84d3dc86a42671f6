package visuals

import "github.com/concurrency-patterns/playground/internal/view/supview"

var _ = add("supervisor", supview.Kit)

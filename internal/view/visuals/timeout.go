package visuals

import "github.com/concurrency-patterns/playground/internal/view/timeoutview"

var _ = add("timeout", timeoutview.Kit)

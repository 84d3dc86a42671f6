package visuals

import "github.com/concurrency-patterns/playground/internal/view/streamview"

var _ = add("stream", streamview.Kit)

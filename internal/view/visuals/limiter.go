package visuals

import "github.com/concurrency-patterns/playground/internal/view/limiterview"

var _ = add("limiter", limiterview.Kit)

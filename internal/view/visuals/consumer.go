package visuals

import "github.com/concurrency-patterns/playground/internal/view/consumerview"

var _ = add("consumer", consumerview.Kit)

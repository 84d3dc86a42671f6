package visuals

import "github.com/concurrency-patterns/playground/internal/view/poolview"

var _ = add("pool", poolview.Kit)

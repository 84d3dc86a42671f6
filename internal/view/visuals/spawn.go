package visuals

import "github.com/concurrency-patterns/playground/internal/view/spawnview"

var _ = add("spawn", spawnview.Kit)

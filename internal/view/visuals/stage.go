package visuals

import "github.com/concurrency-patterns/playground/internal/view/stageview"

var _ = add("stage", stageview.Kit)

package visuals

import "github.com/concurrency-patterns/playground/internal/view/tasksview"

var _ = add("tasks", tasksview.Kit)

//go:build !pg_only || pg_tasks

package visuals

import "github.com/concurrency-patterns/playground/internal/view/tasksview"

var _ = add("tasks", tasksview.Kit)

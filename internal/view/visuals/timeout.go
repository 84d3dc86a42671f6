//go:build !pg_only || pg_timeout

package visuals

import "github.com/concurrency-patterns/playground/internal/view/timeoutview"

var _ = add("timeout", timeoutview.Kit)

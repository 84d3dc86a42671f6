//go:build !pg_only || pg_stream

package visuals

import "github.com/concurrency-patterns/playground/internal/view/streamview"

var _ = add("stream", streamview.Kit)

//go:build !pg_only || pg_spawn

package visuals

import "github.com/concurrency-patterns/playground/wasm/view/spawnview"

var _ = add("spawn", spawnview.Kit)

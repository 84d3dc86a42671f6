package site

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWasmBuilds(t *testing.T) {
	assert.Empty(t, wasmFor(nil), "a page without a demo loads no wasm")
	assert.Equal(t, "playground-stage-tasks.wasm", wasmFor([]string{"stage", "tasks"}))

	builds := wasmBuilds([]*page{{demos: []string{"stream"}}, {demos: []string{"stage", "tasks"}}, {}})
	var files []string
	for _, b := range builds {
		files = append(files, b.File)
	}
	assert.Contains(t, files, "playground-stage-tasks.wasm", "a page with two patterns gets a build of both")
	assert.Contains(t, files, "playground-stream.wasm")
	assert.Contains(t, files, "playground-pool.wasm", "every scenario gets a build of its own")
	assert.IsIncreasing(t, files)

	var list strings.Builder
	assert.NoError(t, writeWasmList(&list, []wasmBuild{{File: "playground-stage-tasks.wasm", Scenarios: []string{"stage", "tasks"}}}))
	assert.Equal(t, "playground-stage-tasks.wasm pg_only pg_stage pg_tasks\n", list.String())
}

package playground_test

import (
	"github.com/concurrency-patterns/playground/internal/scenario"

	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"

	"github.com/concurrency-patterns/playground/web/playground"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// convert renders markdown with only this extension, so the golden files
// show nothing but its effect.
func convert(src []byte) (string, error) {
	var out bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(playground.Extension))
	err := md.Convert(src, &out)
	return out.String(), err
}

// TestGolden renders each testdata/NAME.md and compares the result with
// NAME.html, or, when rendering fails, the error with NAME.err.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".md")
		t.Run(filepath.Base(base), func(t *testing.T) {
			src, err := os.ReadFile(in)
			require.NoError(t, err)
			got, golden := "", base+".html"
			out, err := convert(src)
			if err != nil {
				// The list of known scenarios grows with the library; the
				// golden files name it $SCENARIOS.
				got, golden = strings.ReplaceAll(err.Error(), strings.Join(scenario.Names(), ", "), "$SCENARIOS")+"\n", base+".err"
			} else {
				got = out
			}
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no %s: the input rendered differently than expected (success or error); run with -update to record it", golden)
			assert.Equal(t, string(want), got)
		})
	}
}

package playground_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/concurrency-patterns/playground/web/playground"
)

// FuzzPlaygroundFence renders arbitrary markdown, seeded with the golden
// inputs: it must render or fail with *playground.Error, never panic.
func FuzzPlaygroundFence(f *testing.F) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := convert(src)
		for _, e := range unjoin(err) {
			var pe *playground.Error
			if e != nil && !errors.As(e, &pe) {
				t.Fatalf("error %v is not a *playground.Error", e)
			}
		}
	})
}

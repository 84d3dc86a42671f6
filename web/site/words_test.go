package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// insiderWords are names a reader arriving from a search cannot know: the
// document the project started from is ours, not theirs. A workload's
// random seed ("the same seed gives …") is a parameter and stays.
var insiderWords = regexp.MustCompile(`(?i)\bthe seed\b(?:'s)?[^.]*?(?:GenServer|section|leaves|RateLimiter)|\bseed's\b|\bof the seed\b`)

// TestPagesSpeakToReaders holds every page and every package doc of the
// library to words a reader knows.
func TestPagesSpeakToReaders(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, dir := range []string{"content", "patterns"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".go")) {
				return err
			}
			text, err := os.ReadFile(path)
			require.NoError(t, err)
			for _, m := range insiderWords.FindAllString(string(text), -1) {
				assert.Failf(t, "a page speaks of the project's origin", "%s: %q", path, m)
			}
			return nil
		})
		require.NoError(t, err)
	}
}

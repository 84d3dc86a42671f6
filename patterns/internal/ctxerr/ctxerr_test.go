package ctxerr_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/internal/ctxerr"
)

func TestOf(t *testing.T) {
	errWhy := errors.New("the user left")
	plain, cancelPlain := context.WithCancel(context.Background())
	cancelPlain()
	caused, cancelCaused := context.WithCancelCause(context.Background())
	cancelCaused(errWhy)
	wrapped, cancelWrapped := context.WithCancelCause(context.Background())
	cancelWrapped(fmt.Errorf("closing: %w", context.Canceled))
	child, cancelChild := context.WithCancel(caused)
	defer cancelChild()

	cases := []struct {
		name string
		ctx  context.Context
		is   []error
		text string
	}{
		{"running", context.Background(), nil, ""},
		{"cancelled", plain, []error{context.Canceled}, "context canceled"},
		{"with a cause", caused, []error{context.Canceled, errWhy}, "context canceled: the user left"},
		{"a cause that says it", wrapped, []error{context.Canceled}, "closing: context canceled"},
		{"a child of one with a cause", child, []error{context.Canceled, errWhy}, "context canceled: the user left"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ctxerr.Of(tc.ctx)
			if tc.is == nil {
				assert.NoError(t, err)
				return
			}
			for _, want := range tc.is {
				assert.ErrorIs(t, err, want)
			}
			assert.EqualError(t, err, tc.text)
		})
	}
}

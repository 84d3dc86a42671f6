package trace_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/internal/leaktest"
)

func TestMain(m *testing.M) { leaktest.VerifyTestMain(m) }

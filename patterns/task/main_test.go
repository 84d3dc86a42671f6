package task_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/patterns/internal/leaktest"
)

func TestMain(m *testing.M) { leaktest.VerifyTestMain(m) }

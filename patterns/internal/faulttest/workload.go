package faulttest

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// The size of a fault-injection workload: this many goroutines call the
// pattern, one call after another, for this long in virtual time.
const (
	Callers = 10_000
	Span    = 10 * time.Second
)

// Workloads is how many random workloads a fault-injection test runs:
// PATTERNS_FAULT_SEEDS if set, else 3, or 1 with -short. Each costs a few
// seconds of CPU, several times that with -race.
func Workloads() int {
	if n, err := strconv.Atoi(os.Getenv("PATTERNS_FAULT_SEEDS")); err == nil && n > 0 {
		return n
	}
	if testing.Short() {
		return 1
	}
	return 3
}

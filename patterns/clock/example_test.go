package clock_test

import (
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
)

// A virtual clock fires its timers only when stepped, in deadline order,
// so a program that waits minutes runs at once and the same way every time.
func ExampleVirtual() {
	clk := clock.NewVirtual()
	clk.AfterFunc(3*time.Second, func() { fmt.Println("retry at", clk.Elapsed()) })
	clk.AfterFunc(time.Second, func() { fmt.Println("heartbeat at", clk.Elapsed()) })
	for clk.Step() {
	}
	fmt.Println("timers left:", clk.Pending())
	// Output:
	// heartbeat at 1s
	// retry at 3s
	// timers left: 0
}

// Advance moves a virtual clock by a fixed amount, firing every timer due
// on the way; a timer set for later stays pending.
func ExampleVirtual_Advance() {
	clk := clock.NewVirtual()
	t := clk.NewTimer(10 * time.Second)
	clk.Advance(4 * time.Second)
	select {
	case <-t.C():
		fmt.Println("fired early")
	default:
		fmt.Println("still waiting at", clk.Elapsed())
	}
	clk.Advance(6 * time.Second)
	<-t.C()
	fmt.Println("fired at", clk.Elapsed())
	// Output:
	// still waiting at 4s
	// fired at 10s
}

// Or is how an option takes a clock: nil means the wall clock.
func ExampleOr() {
	var configured clock.Clock // no clock given
	c := clock.Or(configured)
	fmt.Println(c.Since(c.Now()) < time.Minute)
	// Output: true
}

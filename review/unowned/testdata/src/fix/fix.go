package fix

import "sync"

func work() {}

func fanOut(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	go func() { // want `supervised tasks: nothing waits`
		work()
	}()
	wg.Wait()
}

// No WaitGroup in reach: no fix.
func alone() {
	go func() { work() }() // want `supervised tasks: nothing waits`
}

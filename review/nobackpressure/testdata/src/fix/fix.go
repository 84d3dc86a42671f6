package fix

func forward(values []int, out chan<- int) {
	for _, v := range values {
		go func() { out <- v }() // want `backpressure: each value waits`
	}
}

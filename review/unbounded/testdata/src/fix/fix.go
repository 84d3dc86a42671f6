package fix

import "golang.org/x/sync/errgroup"

func work(int) {}

func all(items []int) error {
	var g errgroup.Group
	for _, it := range items {
		g.Go(func() error { work(it); return nil }) // want `bounded spawning: g.Go`
	}
	return g.Wait()
}

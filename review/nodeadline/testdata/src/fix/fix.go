package fix

import (
	"context"
	"net/http"
)

func get(u string) error {
	_, err := http.Get(u) // want `timeouts: http.Get`
	return err
}

func head(u string) {
	c := &http.Client{
		CheckRedirect: nil,
	}
	c.Head(u) // want `timeouts: this client`
}

func first(ctx context.Context, ch <-chan string) (string, error) {
	v := <-ch // want `timeouts: this receive ignores ctx`
	return v, nil
}

func drain(ctx context.Context, done <-chan struct{}) (int, error) {
	<-done // want `timeouts: this receive ignores ctx`
	return 1, nil
}

func lookup(ctx context.Context) {}

func handler(w http.ResponseWriter, req *http.Request) {
	lookup(context.Background()) // want `timeouts: context.Background`
}

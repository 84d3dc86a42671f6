package orders

import (
	"net/http"
	"sync"

	"example.com/shop/billing"
)

// backlog holds the orders a worker has yet to ship.
type backlog struct {
	mu      sync.Mutex
	pending []string
}

func (b *backlog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	b.mu.Lock()
	b.pending = append(b.pending, id)
	b.mu.Unlock()
	go billing.Charge(id)
}

func (b *backlog) next() (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.pending) == 0 {
		return "", false
	}
	id := b.pending[0]
	b.pending = b.pending[1:]
	return id, true
}

func main() {
	go restock("all")
	http.ListenAndServe(":8080", &backlog{})
}

func restock(id string) {
	resp, err := http.Get("https://stock.example/" + id)
	if err == nil {
		resp.Body.Close()
	}
}

package pool_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

// session stands for something costly to set up, such as a connection.
type session struct{ id int }

func Example() {
	made := 0
	dial := func(ctx context.Context) (*session, error) {
		made++
		return &session{id: made}, nil
	}
	hangUp := func(s *session) { fmt.Println("closing session", s.id) }

	p, err := pool.New(context.Background(), dial, hangUp, pool.Size(2), pool.MaxOverflow(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()

	err = p.Transaction(context.Background(), func(ctx context.Context, s *session) error {
		fmt.Println("working with session", s.id)
		return nil
	})
	fmt.Println("transaction:", err)
	st := p.Status()
	fmt.Println(st.State, "available:", st.Available)
	// Output:
	// working with session 1
	// transaction: <nil>
	// ready available: 2
	// closing session 2
	// closing session 1
}

func ExamplePool_TryCheckout() {
	p, _ := pool.New(context.Background(), func(context.Context) (int, error) { return 42, nil }, nil,
		pool.Size(1), pool.MaxOverflow(0))
	defer p.Close()
	w, _ := p.TryCheckout(context.Background())
	if _, err := p.TryCheckout(context.Background()); errors.Is(err, pool.ErrFull) {
		fmt.Println("full:", p.Status().State)
	}
	p.Checkin(w)
	fmt.Println("after checkin:", p.Status().State)
	// Output:
	// full: full
	// after checkin: ready
}

func ExamplePool_Transaction_broken() {
	made := 0
	p, _ := pool.New(context.Background(), func(context.Context) (int, error) { made++; return made, nil }, nil,
		pool.Size(1), pool.MaxOverflow(0))
	defer p.Close()
	_ = p.Transaction(context.Background(), func(ctx context.Context, conn int) error {
		return fmt.Errorf("connection %d reset: %w", conn, pool.ErrBroken)
	})
	_ = p.Transaction(context.Background(), func(ctx context.Context, conn int) error {
		fmt.Println("now using connection", conn)
		return nil
	})
	// Output:
	// now using connection 2
}

// A panic inside a transaction goes on to the caller, and the worker is
// checked in, as poolboy's transaction does; a worker reported dead is
// replaced before Discard returns.
func ExamplePool_Discard() {
	made := 0
	p, _ := pool.New(context.Background(), func(context.Context) (int, error) { made++; return made, nil }, nil,
		pool.Size(1), pool.MaxOverflow(0))
	defer p.Close()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = p.Transaction(context.Background(), func(context.Context, int) error { panic("bug in the caller") })
	}()
	fmt.Println("idle after the panic:", p.Status().Available, "made:", made)
	w, _ := p.TryCheckout(context.Background())
	p.Discard(w, errors.New("connection reset"))
	fmt.Println("idle after Discard:", p.Status().Available, "made:", made)
	// Output:
	// recovered: bug in the caller
	// idle after the panic: 1 made: 1
	// idle after Discard: 1 made: 2
}

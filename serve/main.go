package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

// errUsage is a command line the flag package has already complained about.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends, then shuts the server down gracefully.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dir := flags.String("dir", "_site", "the built site `folder` to serve")
	port := flags.String("port", "", "the `port` to listen on (default: $PORT, else 8080; 0 picks a free one)")
	base := flags.String("base", "/", "the URL `path` to serve the site under, such as /concurrency/ for a project site's")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if *port == "" {
		*port = getenv("PORT")
	}
	if *port == "" {
		*port = "8080"
	}

	h, err := newSiteHandler(*dir)
	if err != nil {
		return err
	}
	defer h.Close()
	ln, err := listen(*port)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: underBase(*base, h), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s at http://localhost:%d%s (Ctrl-C stops)\n", *dir, ln.Addr().(*net.TCPAddr).Port, basePath(*base))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdown)
	<-served // http.ErrServerClosed, now that Shutdown has returned
	return err
}

// listen opens the port on localhost, with a message that says what to do
// when the port is taken.
func listen(port string) (net.Listener, error) {
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return nil, fmt.Errorf("port %q is not a port number (0 to 65535)", port)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("localhost", port))
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("port %s is already in use; set PORT=… to use another", port)
	}
	return ln, err
}

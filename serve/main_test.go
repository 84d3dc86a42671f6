package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// takenPort holds a port for the rest of the test.
func takenPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "localhost:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

func TestRunRefuses(t *testing.T) {
	site := newTestSite(t)
	port := takenPort(t)
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"taken port", []string{"-dir", site, "-port", port}, nil,
			"port " + port + " is already in use; set PORT=… to use another"},
		{"taken port from PORT", []string{"-dir", site}, map[string]string{"PORT": port},
			"port " + port + " is already in use"},
		{"not a port", []string{"-dir", site, "-port", "eighty"}, nil,
			`port "eighty" is not a port number`},
		{"port out of range", []string{"-dir", site, "-port", "70000"}, nil,
			`port "70000" is not a port number`},
		{"missing folder", []string{"-dir", "no-such-site", "-port", "0"}, nil,
			"folder no-such-site does not exist; run make site first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(t.Context(), tt.args, env(tt.env), io.Discard, io.Discard)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), "got %q, want it to start with %q", err, tt.want)
			assert.NotContains(t, err.Error(), "\n", "one line")
		})
	}
}

func TestRunUsage(t *testing.T) {
	var stderr strings.Builder
	err := run(t.Context(), []string{"-bogus"}, env(nil), io.Discard, &stderr)
	assert.ErrorIs(t, err, errUsage)
	assert.Contains(t, stderr.String(), "-dir folder")
}

// TestRunServes starts the server on a free port, as PORT=0 asks, fetches
// the index from the URL it prints, and stops it by cancelling.
func TestRunServes(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-dir", newTestSite(t)}, env(map[string]string{"PORT": "0"}), w, io.Discard)
		w.Close()
	}()

	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	_, url, ok := strings.Cut(line, " at ")
	require.True(t, ok, "no URL in %q", line)
	url, _, _ = strings.Cut(url, " ")
	require.True(t, strings.HasPrefix(url, "http://localhost:"), url)

	res, err := http.Get(url)
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, "<h1>home</h1>", string(body))

	cancel()
	assert.NoError(t, <-done)
	http.DefaultClient.CloseIdleConnections()
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"nnscratch/lessons/internal/lessontest"
)

// TestFlags checks every flag's range and the address's form.
func TestFlags(t *testing.T) {
	t.Parallel()
	lessontest.Flags(t, parseFlags, []lessontest.FlagCase{
		{Args: nil},
		{Args: []string{"-addr", ":9000", "-sessions", "2", "-rate", "500", "-idle", "30s"}},
		{Args: []string{"-addr", "localhost"}, Want: "-addr must be host:port"},
		{Args: []string{"-sessions", "0"}, Want: "-sessions must be in 1 … 1000, got 0"},
		{Args: []string{"-rate", "2000000"}, Want: "-rate must be in 1 … 1000000"},
		{Args: []string{"-idle", "10ms"}, Want: "-idle must be in 1s … 24h, got 10ms"},
		{Args: []string{"-idle", "forever"}, Want: "invalid value"},
	})
}

// TestRunBadAddr checks that an address the lesson cannot listen on is a
// usage error (exit 2) that names the flag.
func TestRunBadAddr(t *testing.T) {
	t.Parallel()
	lessontest.Runs(t, parseFlags, run, []lessontest.RunCase{
		{Args: []string{"-addr", "256.0.0.1:80"}, Code: 2, Want: "-addr 256.0.0.1:80"},
	})
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestServeShutdown starts the real server on a free port, opens a stream
// that outlives the write timeout, checks the limit on the request's size,
// and cancels the context as Ctrl-C does: serve ends the stream, returns
// nil and says so.
func TestServeShutdown(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	cfg := testConfig()
	cfg.WriteTimeout = 300 * time.Millisecond
	go func() { done <- serve(ctx, &out, ln, cfg) }()
	base := "http://" + ln.Addr().String()
	res, err := http.Post(base+"/api/session", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	id := strings.TrimPrefix(res.Header.Get("Location"), "/api/session/")
	stream, err := http.Get(base + "/api/session/" + id + "/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	events := bufio.NewReader(stream.Body)
	for start := time.Now(); time.Since(start) < 3*cfg.WriteTimeout; {
		readEvent(t, events) // a stream outlives the write timeout
	}
	long, err := http.Get(base + "/?" + strings.Repeat("x", 100<<10))
	if err != nil {
		t.Fatal(err)
	}
	long.Body.Close()
	if long.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("a 100 KiB address: got %d, want 431", long.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not return within 10 s of the cancel")
	}
	if got, want := out.String(), "Playground at "+base+"/ (Ctrl-C stops it)\nStopped.\n"; got != want {
		t.Errorf("serve printed %q, want %q", got, want)
	}
}

// TestBeyondLoopback checks the warning for an address other machines can reach.
func TestBeyondLoopback(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		ip   string
		warn bool
		url  string
	}{
		{"127.0.0.1", false, "http://127.0.0.1:8080/"},
		{"::1", false, "http://[::1]:8080/"},
		{"0.0.0.0", true, "http://localhost:8080/"},
		{"192.168.1.5", true, "http://192.168.1.5:8080/"},
	} {
		got := banner(&net.TCPAddr{IP: net.ParseIP(c.ip), Port: 8080})
		if strings.Contains(got, "warning:") != c.warn || !strings.Contains(got, "Playground at "+c.url+" ") {
			t.Errorf("%s: got %q, want the URL %s and warning %v", c.ip, got, c.url, c.warn)
		}
	}
}

// TestREADME checks the figures the README states about the server: the
// address it prints and the default budgets.
func TestREADME(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(b)), " ")
	cfg, lim := defaultServerConfig(), DefaultLimits()
	addr, err := net.ResolveTCPAddr("tcp", defaultConfig().addr)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		strings.TrimSpace(banner(addr)),
		fmt.Sprintf("%d times a second the server runs", cfg.FPS),
		fmt.Sprintf("and %d requests a second", cfg.RequestsPerSec),
		fmt.Sprintf("bodies of at most %d KiB", cfg.MaxBody>>10),
		fmt.Sprintf("(%d layers, %d units,", lim.MaxLayers, lim.MaxUnits),
		fmt.Sprintf("up to %d hidden layers of up to %d units", lim.MaxLayers, lim.MaxUnits),
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
}

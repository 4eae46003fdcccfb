// Playground serves a page, in the spirit of TensorFlow Playground, that
// trains the lessons' small networks live in Go and shows every number
// behind a step: pick a data set, the input features, the hidden layers,
// the activation, the loss, the optimiser and its rates, press play, and
// watch the output's heat map, each unit's own heat map, the weights and
// the train and test loss change, frame by frame. "Inspect this step"
// prints the step's matrices (inputs, z, a, δ, gradients, update) as the
// lessons' -trace does, "as a command" gives the command line or Go
// program that reproduces the run, and the page's URL holds the whole
// setting, so a reload or a shared link gives the same numbers.
//
//	go run ./lessons/15-playground
//	go run ./lessons/15-playground -addr 127.0.0.1:9000 -sessions 4
//
// The engine (setting.go, session.go, frame.go, …) trains; the server
// (server.go, sessions.go, wire.go) keeps one session per browser tab,
// bounded in number, idle time and steps a second, and sends each frame as
// a few hundred bytes of JSON, float32 weights and one byte per heat-map
// pixel, which static/app.js draws on canvases.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"nnscratch/lessons/internal/cli"
)

// config holds the lesson's settings, one per flag.
type config struct {
	addr   string       // where to listen
	server serverConfig // the server's budgets
}

func defaultConfig() config {
	return config{addr: "127.0.0.1:8080", server: defaultServerConfig()}
}

func main() { cli.Main("playground", parseFlags, run) }

// run serves the playground until Ctrl-C or SIGTERM, then shuts down
// gracefully.
func run(w io.Writer, cfg config) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop) // a second Ctrl-C during the shutdown stops at once
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return cli.BadInput(fmt.Errorf("-addr %s: %w", cfg.addr, err))
	}
	return serve(ctx, w, ln, cfg.server)
}

// serve answers on ln until ctx is done; then it ends the streams, lets
// the requests in flight finish (for up to five seconds) and returns.
func serve(ctx context.Context, w io.Writer, ln net.Listener, cfg serverConfig) error {
	fmt.Fprint(w, banner(ln.Addr().(*net.TCPAddr)))
	h := newServer(cfg)
	// Streams lift the write timeout for themselves (stream.go).
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: cfg.WriteTimeout, IdleTimeout: time.Minute, MaxHeaderBytes: 64 << 10}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	h.Close()
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	fmt.Fprintln(w, "Stopped.")
	return err
}

// banner returns what the lesson prints when it listens on addr: the URL
// to open, after a warning if addr is reachable beyond this machine.
func banner(addr *net.TCPAddr) string {
	host, warn := addr.IP.String(), ""
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	if !addr.IP.IsLoopback() {
		warn = fmt.Sprintf("warning: listening on %s, beyond this machine's loopback: anyone who can reach it can start training sessions\n", addr)
	}
	return fmt.Sprintf("%sPlayground at http://%s/ (Ctrl-C stops it)\n", warn, net.JoinHostPort(host, fmt.Sprint(addr.Port)))
}

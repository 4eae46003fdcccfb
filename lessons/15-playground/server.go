package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// static holds the page: index.html (a template), app.js and style.css,
// all written by hand for this lesson; nothing is fetched from elsewhere.
//
//go:embed static
var static embed.FS

// serverConfig is what a server needs: the engine's limits and the web
// side's own budgets.
type serverConfig struct {
	Limits         Limits           // sizes a setting may ask for (the engine's)
	MaxSessions    int              // sessions at once (tabs)
	Idle           time.Duration    // a session without a request for this long is dropped
	StepsPerSec    int              // steps a second one session may run; also the most one request may ask for (within Limits.MaxSteps)
	FPS            int              // frames a second a stream sends
	MaxBody        int64            // bytes a request body may have
	WriteTimeout   time.Duration    // time to write an answer (streams excepted)
	RequestsPerSec int              // requests a second one session may make (the stream's frames aside)
	Now            func() time.Time // the clock; nil means time.Now
	Log            *log.Logger      // where handler panics are reported; nil means discard
}

// defaultServerConfig returns the budgets the lesson runs with.
func defaultServerConfig() serverConfig {
	return serverConfig{Limits: DefaultLimits(), MaxSessions: 32, Idle: 10 * time.Minute,
		StepsPerSec: 20000, FPS: 30, MaxBody: 8 << 10, WriteTimeout: time.Minute, RequestsPerSec: 100}
}

// server is the playground's http.Handler: the page, and the API that
// creates, steps, streams, inspects and drops training sessions. It has
// no global state, so any number of servers can run in one process.
type server struct {
	cfg      serverConfig
	mux      *http.ServeMux
	sessions *table
	page     *template.Template
	done     chan struct{} // closed by Close: streams end
	once     sync.Once
}

// newServer returns a server with no sessions. It panics if the embedded
// page does not parse, which the tests rule out.
func newServer(cfg serverConfig) *server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	s := &server{cfg: cfg, mux: http.NewServeMux(), done: make(chan struct{}),
		sessions: newTable(cfg.MaxSessions, cfg.Idle, cfg.RequestsPerSec, cfg.Now),
		page:     template.Must(template.ParseFS(static, "static/index.html"))}
	files, err := fs.Sub(static, "static")
	if err != nil {
		panic(err)
	}
	s.mux.HandleFunc("GET /{$}", s.index)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(files)))
	s.mux.HandleFunc("POST /api/session", s.create)
	s.mux.HandleFunc("DELETE /api/session/{id}", s.remove)
	s.mux.HandleFunc("GET /api/session/{id}/frame", s.withSession(s.frame))
	s.mux.HandleFunc("POST /api/session/{id}/step", s.withSession(s.step))
	s.mux.HandleFunc("GET /api/session/{id}/stream", s.withSession(s.stream))
	s.mux.HandleFunc("GET /api/session/{id}/inspect", s.withSession(s.inspect))
	s.mux.HandleFunc("GET /api/session/{id}/loss.png", s.withSession(s.lossPNG))
	return s
}

// ServeHTTP bounds the request body, routes the request and turns a panic
// in a handler into a 500 that says so, rather than a dropped connection.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.cfg.Log.Printf("%s %s: panic: %v", r.Method, r.URL.Path, v)
			http.Error(w, fmt.Sprintf("internal error: %v", v), http.StatusInternalServerError)
		}
	}()
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	s.mux.ServeHTTP(w, r)
}

// Close ends every stream and drops every session. The server still
// answers requests afterwards (http.Server.Shutdown waits for them).
func (s *server) Close() {
	s.once.Do(func() { close(s.done) })
	s.sessions.clear()
}

// fail answers with status and a one-line message.
func fail(w http.ResponseWriter, status int, format string, args ...any) {
	http.Error(w, fmt.Sprintf(format, args...), status)
}

// index serves the page, with the default setting and the budgets filled in.
func (s *server) index(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy",
		"default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'")
	var buf bytes.Buffer
	err := s.page.Execute(&buf, map[string]any{
		"Default":     DefaultSetting().Query().Encode(),
		"StepsPerSec": s.cfg.StepsPerSec,
		"MaxLayers":   s.cfg.Limits.MaxLayers,
		"MaxUnits":    s.cfg.Limits.MaxUnits,
		"FPS":         s.cfg.FPS,
	})
	if err != nil {
		fail(w, http.StatusInternalServerError, "page: %v", err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// created is the answer to POST /api/session.
type created struct {
	ID      string            `json:"id"`      // the session's id, for the other endpoints
	Query   string            `json:"query"`   // the setting in canonical form, for the page's URL
	Values  map[string]string `json:"values"`  // every field's value, whether it applies or not, for the controls
	About   string            `json:"about"`   // the lesson preset's network and rule, or ""
	Command string            `json:"command"` // the command line or Go program that reproduces the run
}

// create starts a session with the setting in the query string or in a
// form-encoded body: 201 and a created, 400 for a bad setting, 413 for a
// body over the budget, 429 when the server holds all the sessions it may.
func (s *server) create(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "the request body is over %d bytes", tooBig.Limit)
			return
		}
		fail(w, http.StatusBadRequest, "the setting does not parse: %v", err)
		return
	}
	set, err := ParseSetting(r.Form)
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	if err := s.sessions.reserve(); err != nil {
		w.Header().Set("Retry-After", strconv.Itoa(int(s.cfg.Idle.Seconds())))
		fail(w, http.StatusTooManyRequests, "%v", err)
		return
	}
	sess, err := NewSession(set, s.cfg.Limits)
	if err != nil {
		s.sessions.release()
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	e := s.sessions.insert(sess, s.cfg.StepsPerSec) // a new session may run one second's steps at once
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Location", "/api/session/"+e.id)
	w.WriteHeader(http.StatusCreated)
	c := created{ID: e.id, Query: set.Query().Encode(), Values: map[string]string{}, Command: set.Command()}
	for k, v := range set.values() {
		c.Values[k] = v[0]
	}
	if p := presets[set.Lesson]; p != nil {
		c.About = p.about
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(c)
}

// remove drops a session: 204, or 404 if there is none of that id.
func (s *server) remove(w http.ResponseWriter, r *http.Request) {
	if !s.sessions.remove(r.PathValue("id")) {
		fail(w, http.StatusNotFound, "no session %q (it may have expired)", r.PathValue("id"))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// withSession turns a handler of one session into an http.HandlerFunc
// that finds the session named in the path, or answers 404 if there is
// none and 429 if the session has made its requests for this second.
func (s *server) withSession(h func(http.ResponseWriter, *http.Request, *entry)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		e, ok, allowed := s.sessions.get(r.PathValue("id"))
		if !ok {
			fail(w, http.StatusNotFound, "no session %q (it may have expired after %v idle; reload the page)", r.PathValue("id"), s.cfg.Idle)
			return
		}
		if !allowed {
			w.Header().Set("Retry-After", "1")
			fail(w, http.StatusTooManyRequests, "rate limit: a session answers at most %d requests a second", s.cfg.RequestsPerSec)
			return
		}
		h(w, r, e)
	}
}

// noParams answers 400 and returns false if the request has query
// parameters, which the endpoint takes none of.
func noParams(w http.ResponseWriter, r *http.Request) bool {
	for k := range r.URL.Query() {
		fail(w, http.StatusBadRequest, "unknown parameter %q (this endpoint takes none)", k)
		return false
	}
	return true
}

// queryInt reads the only query parameter a request may have, name, as an
// int in lo … hi (def if absent), or answers 400 and returns false.
func queryInt(w http.ResponseWriter, r *http.Request, name string, def, lo, hi int) (int, bool) {
	q := r.URL.Query()
	for k := range q {
		if k != name {
			fail(w, http.StatusBadRequest, "unknown parameter %q (only %s is allowed)", k, name)
			return 0, false
		}
	}
	if len(q[name]) > 1 {
		fail(w, http.StatusBadRequest, "%s is given %d times", name, len(q[name]))
		return 0, false
	}
	if len(q[name]) == 0 {
		return def, true
	}
	n, err := strconv.Atoi(q.Get(name))
	if err != nil || n < lo || n > hi {
		fail(w, http.StatusBadRequest, "%s must be an integer in %d … %d, got %q", name, lo, hi, q.Get(name))
		return 0, false
	}
	return n, true
}

// maxSteps returns the most steps one request (or one frame of a stream)
// may ask for: a second's worth, and no more than one Session.Step takes.
func (s *server) maxSteps() int { return min(s.cfg.StepsPerSec, s.cfg.Limits.MaxSteps) }

// snapshot takes the session's frame and encodes it into e.wire. The
// caller holds e.mu.
func (e *entry) snapshot() {
	e.sess.Snapshot(&e.frame)
	e.wire = appendFrame(e.wire[:0], &e.frame)
}

// writeFrame answers with the wire form of the last snapshot. The caller
// holds e.mu.
func writeFrame(w http.ResponseWriter, e *entry) {
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(e.wire)))
	w.Write(e.wire)
}

// frame answers with the session's current frame, without stepping.
func (s *server) frame(w http.ResponseWriter, r *http.Request, e *entry) {
	if !noParams(w, r) {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.snapshot()
	writeFrame(w, e)
}

// step runs n optimiser steps (?n=, default 1) and answers with the frame
// after them: 400 for a bad n, 429 when the session's steps a second are
// spent, 422 when training fails (the loss became NaN or infinite).
func (s *server) step(w http.ResponseWriter, r *http.Request, e *entry) {
	n, ok := queryInt(w, r, "n", 1, 1, s.maxSteps())
	if !ok {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if k := e.steps.take(n, s.cfg.StepsPerSec, s.cfg.Now()); k < n {
		e.steps.tokens += float64(k) // give back what take spent: all or nothing
		w.Header().Set("Retry-After", "1")
		fail(w, http.StatusTooManyRequests, "rate limit: a session runs at most %d steps a second; %d asked, %d available now", s.cfg.StepsPerSec, n, k)
		return
	}
	if err := e.sess.Step(n); err != nil {
		fail(w, http.StatusUnprocessableEntity, "training stopped: %v", err)
		return
	}
	e.snapshot()
	writeFrame(w, e)
}

// inspect answers with the last step's matrices as text, in numpy's
// format: the same text as the lessons' -trace.
func (s *server) inspect(w http.ResponseWriter, r *http.Request, e *entry) {
	if !noParams(w, r) {
		return
	}
	var text string
	e.locked(func() { text = e.sess.Inspect() })
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, text)
}

// lossPNG answers with the loss curves so far as a PNG file to download.
func (s *server) lossPNG(w http.ResponseWriter, r *http.Request, e *entry) {
	if !noParams(w, r) {
		return
	}
	var buf bytes.Buffer
	var err error
	e.locked(func() { err = e.sess.LossCurvePNG(&buf) })
	if err != nil {
		fail(w, http.StatusConflict, "no loss curve: %v", err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Content-Disposition", `attachment; filename="loss-curve.png"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

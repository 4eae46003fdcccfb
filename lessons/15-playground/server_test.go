package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// testConfig returns the server budgets the tests use: small, so that the
// limits are quick to reach.
func testConfig() serverConfig {
	c := defaultServerConfig()
	c.MaxSessions = 4
	c.Idle = time.Minute
	return c
}

// clock is a settable time for the tests of rate limits and expiry.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// start runs a server of cfg under httptest, closing both when t ends.
func start(t *testing.T, cfg serverConfig) (*server, *httptest.Server) {
	t.Helper()
	h := newServer(cfg)
	srv := httptest.NewServer(h)
	t.Cleanup(func() { h.Close(); srv.Close() })
	return h, srv
}

// do sends a request and returns the status and body; it fails t only if
// the request cannot be made.
func do(t *testing.T, method, u string, body io.Reader) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b), res.Header
}

// expect checks a request's status and that its body contains want.
func expect(t *testing.T, method, u string, body io.Reader, status int, want string) string {
	t.Helper()
	got, b, _ := do(t, method, u, body)
	if got != status || !strings.Contains(b, want) {
		t.Errorf("%s %s: got %d %q, want %d and a body containing %q", method, u, got, b, status, want)
	}
	return b
}

// create starts a session with the setting query and returns its answer.
func create(t *testing.T, srv *httptest.Server, query string) created {
	t.Helper()
	code, body, hdr := do(t, "POST", srv.URL+"/api/session?"+query, nil)
	if code != http.StatusCreated {
		t.Fatalf("POST /api/session?%s: got %d %q, want 201", query, code, body)
	}
	var c created
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	if c.ID == "" || c.Command == "" || hdr.Get("Location") != "/api/session/"+c.ID {
		t.Errorf("created: got %+v at %q, want an id, a command and its Location", c, hdr.Get("Location"))
	}
	return c
}

// TestPage checks the page and its files, and the answers to what is not there.
func TestPage(t *testing.T) {
	t.Parallel()
	_, srv := start(t, testConfig())
	page := expect(t, "GET", srv.URL+"/", nil, 200, `<canvas id="heat"`)
	if want := `data-default="` + strings.ReplaceAll(DefaultSetting().Query().Encode(), "&", "&amp;") + `"`; !strings.Contains(page, want) {
		t.Errorf("the page lacks %s", want)
	}
	if want := fmt.Sprintf(`data-max-layers="%d" data-max-units="%d"`, DefaultLimits().MaxLayers, DefaultLimits().MaxUnits); !strings.Contains(page, want) {
		t.Errorf("the page lacks %s", want)
	}
	for _, f := range []string{"app.js", "style.css"} {
		code, _, hdr := do(t, "GET", srv.URL+"/static/"+f, nil)
		if code != 200 || hdr.Get("Content-Type") == "" {
			t.Errorf("GET /static/%s: got %d %q, want 200 with a type", f, code, hdr.Get("Content-Type"))
		}
	}
	for _, src := range []string{page, mustGet(t, srv.URL+"/static/app.js"), mustGet(t, srv.URL+"/static/style.css")} {
		if strings.Contains(src, "http://") || strings.Contains(src, "https://") {
			t.Errorf("the page refers to another site, but must work offline")
		}
	}
	expect(t, "GET", srv.URL+"/nope", nil, 404, "not found")
	expect(t, "POST", srv.URL+"/", nil, 405, "")
}

// mustGet returns the body of GET u.
func mustGet(t *testing.T, u string) string {
	t.Helper()
	_, b, _ := do(t, "GET", u, nil)
	return b
}

// TestCreate checks that a session starts from the query or from a form
// body, and answers with the canonical setting.
func TestCreate(t *testing.T) {
	t.Parallel()
	_, srv := start(t, testConfig())
	c := create(t, srv, "")
	q, err := url.ParseQuery(c.Query)
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseSetting(q)
	if err != nil || set.Query().Encode() != c.Query {
		t.Errorf("the answer's query %q: ParseSetting gives %v, %q; want it back unchanged", c.Query, err, set.Query().Encode())
	}
	body := strings.NewReader(DefaultSetting().Query().Encode())
	if code, b, _ := do(t, "POST", srv.URL+"/api/session", body); code != 201 {
		t.Errorf("a setting in the body: got %d %q, want 201", code, b)
	}
}

// TestBadRequests sends what a broken or hostile page might: each gets a
// 4xx and a message, never a 5xx.
func TestBadRequests(t *testing.T) {
	t.Parallel()
	_, srv := start(t, testConfig())
	id := create(t, srv, "").ID
	s := srv.URL + "/api/session/" + id
	for _, c := range []struct {
		method, url string
		body        string
		status      int
		want        string
	}{
		{"POST", srv.URL + "/api/session?bogus=1", "", 400, "bogus"},
		{"POST", srv.URL + "/api/session?rate=NaN", "", 400, "rate"},
		{"POST", srv.URL + "/api/session?rate=1e400", "", 400, "rate"},
		{"POST", srv.URL + "/api/session?seed=-1", "", 400, "seed"},
		{"POST", srv.URL + "/api/session?hidden=8,8,8,8,8,8,8", "", 400, "hidden"},
		{"POST", srv.URL + "/api/session?hidden=100000", "", 400, "hidden"},
		{"POST", srv.URL + "/api/session?points=1000000000", "", 400, "points"},
		{"POST", srv.URL + "/api/session?%zz", "", 400, ""},
		{"POST", srv.URL + "/api/session", "rate=%zz", 400, "does not parse"},
		{"POST", srv.URL + "/api/session", "rate=" + strings.Repeat("1", 1<<20), 413, "over 8192 bytes"},
		{"POST", s + "/step?n=0", "", 400, "n must be an integer in 1 …"},
		{"POST", s + "/step?n=-5", "", 400, "n must be"},
		{"POST", s + "/step?n=1e3", "", 400, "n must be"},
		{"POST", s + "/step?n=99999999999999999999", "", 400, "n must be"},
		{"POST", s + "/step?n=1&n=2", "", 400, "given 2 times"},
		{"POST", s + "/step?m=1", "", 400, `unknown parameter "m"`},
		{"GET", s + "/step", "", 405, ""},
		{"GET", s + "/stream?n=-1", "", 400, "n must be"},
		{"GET", s + "/frame?x=1", "", 400, "takes none"},
		{"GET", s + "/inspect?x=1", "", 400, "takes none"},
		{"GET", s + "/loss.png?x=1", "", 400, "takes none"},
		{"GET", srv.URL + "/api/session/nope/frame", "", 404, "no session"},
		{"POST", srv.URL + "/api/session/nope/step", "", 404, "no session"},
		{"GET", srv.URL + "/api/session/nope/stream", "", 404, "no session"},
		{"GET", srv.URL + "/api/session/nope/inspect", "", 404, "no session"},
		{"GET", srv.URL + "/api/session/nope/loss.png", "", 404, "no session"},
		{"DELETE", srv.URL + "/api/session/nope", "", 404, "no session"},
	} {
		var body io.Reader
		if c.body != "" {
			body = strings.NewReader(c.body)
		}
		expect(t, c.method, c.url, body, c.status, c.want)
	}
}

// TestStepAndFrame steps a session and reads its frames: the step count
// is what was asked, the frame decodes, and GET frame does not step.
func TestStepAndFrame(t *testing.T) {
	t.Parallel()
	_, srv := start(t, testConfig())
	s := srv.URL + "/api/session/" + create(t, srv, "").ID
	for _, c := range []struct {
		method, path string
		step         int
	}{{"GET", "/frame", 0}, {"POST", "/step", 1}, {"POST", "/step?n=7", 8}, {"GET", "/frame", 8}} {
		code, body, hdr := do(t, c.method, s+c.path, nil)
		if code != 200 || hdr.Get("Content-Type") != "application/octet-stream" {
			t.Fatalf("%s %s: got %d %s %q, want 200 application/octet-stream", c.method, c.path, code, hdr.Get("Content-Type"), body)
		}
		if f := decodeWire(t, []byte(body)); f.Step != c.step {
			t.Errorf("%s %s: got step %d, want %d", c.method, c.path, f.Step, c.step)
		}
	}
}

// TestInspectAndLossPNG checks the inspect text and the loss curve's PNG.
func TestInspectAndLossPNG(t *testing.T) {
	t.Parallel()
	_, srv := start(t, testConfig())
	s := srv.URL + "/api/session/" + create(t, srv, "").ID
	expect(t, "POST", s+"/step?n=20", nil, 200, "")
	code, text, hdr := do(t, "GET", s+"/inspect", nil)
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain") || strings.TrimSpace(text) == "" {
		t.Errorf("GET inspect: got %d %s %q, want 200 and text", code, hdr.Get("Content-Type"), text)
	}
	code, body, hdr := do(t, "GET", s+"/loss.png", nil)
	if code != 200 || hdr.Get("Content-Type") != "image/png" || !strings.Contains(hdr.Get("Content-Disposition"), "attachment") {
		t.Fatalf("GET loss.png: got %d %s %q, want 200 image/png to download", code, hdr.Get("Content-Type"), hdr.Get("Content-Disposition"))
	}
	if _, err := png.Decode(strings.NewReader(body)); err != nil {
		t.Errorf("loss.png does not decode: %v", err)
	}
}

// TestSessionLimit fills the table, is refused one more, and gets a slot
// back by deleting one.
func TestSessionLimit(t *testing.T) {
	t.Parallel()
	h, srv := start(t, testConfig())
	var ids []string
	for range h.cfg.MaxSessions {
		ids = append(ids, create(t, srv, "").ID)
	}
	_, _, hdr := do(t, "POST", srv.URL+"/api/session", nil)
	expect(t, "POST", srv.URL+"/api/session", nil, 429, "too many sessions")
	if hdr.Get("Retry-After") == "" {
		t.Errorf("429 without Retry-After")
	}
	expect(t, "DELETE", srv.URL+"/api/session/"+ids[0], nil, 204, "")
	expect(t, "GET", srv.URL+"/api/session/"+ids[0]+"/frame", nil, 404, "no session")
	create(t, srv, "")
}

// TestIdleExpiry checks that a session unused for longer than Idle is
// dropped, and that one in use is not.
func TestIdleExpiry(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Unix(0, 0)}
	cfg := testConfig()
	cfg.Now = clk.now
	h, srv := start(t, cfg)
	used, idle := create(t, srv, "").ID, create(t, srv, "").ID
	for range 3 {
		clk.add(cfg.Idle * 2 / 3)
		expect(t, "GET", srv.URL+"/api/session/"+used+"/frame", nil, 200, "")
	}
	expect(t, "GET", srv.URL+"/api/session/"+idle+"/frame", nil, 404, "expired")
	if n := h.sessions.len(); n != 1 {
		t.Errorf("after expiry: got %d sessions, want 1", n)
	}
}

// TestRateLimit spends a session's steps a second and checks the 429s,
// and that the bucket refills with time but never beyond one second's.
func TestRateLimit(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Unix(0, 0)}
	cfg := testConfig()
	cfg.Now, cfg.StepsPerSec = clk.now, 100
	_, srv := start(t, cfg)
	s := srv.URL + "/api/session/" + create(t, srv, "").ID
	expect(t, "POST", s+"/step?n=100", nil, 200, "")
	expect(t, "POST", s+"/step?n=1", nil, 429, "at most 100 steps a second")
	clk.add(500 * time.Millisecond)
	expect(t, "POST", s+"/step?n=60", nil, 429, "50 available")
	expect(t, "POST", s+"/step?n=50", nil, 200, "")
	clk.add(10 * time.Second)
	expect(t, "POST", s+"/step?n=101", nil, 400, "1 … 100")
	expect(t, "POST", s+"/step?n=100", nil, 200, "")
	expect(t, "POST", s+"/step?n=1", nil, 429, "")
	if f := decodeWire(t, []byte(mustGet(t, s+"/frame"))); f.Step != 250 {
		t.Errorf("after the refused requests: got step %d, want 250", f.Step)
	}
}

// TestFloods sends many requests at once: creations beyond the limit are
// refused, concurrent steps of one session run one at a time and within
// its rate, frames, inspections and pictures beyond its requests a second
// are refused, and nothing answers 5xx.
func TestFloods(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Unix(0, 0)}
	cfg := testConfig()
	cfg.Now, cfg.StepsPerSec = clk.now, 1000
	h, srv := start(t, cfg)
	counts := func(n int, method, u string) map[int]int {
		var mu sync.Mutex
		got := map[int]int{}
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				code, _, _ := do(t, method, u, nil)
				mu.Lock()
				got[code]++
				mu.Unlock()
			})
		}
		wg.Wait()
		return got
	}
	got := counts(100, "POST", srv.URL+"/api/session")
	if got[201] != cfg.MaxSessions || got[429] != 100-cfg.MaxSessions {
		t.Errorf("100 creations at once: got %v, want %d×201 and the rest 429", got, cfg.MaxSessions)
	}
	h.sessions.clear()
	s := srv.URL + "/api/session/" + create(t, srv, "").ID
	got = counts(300, "POST", s+"/step?n=10")
	if got[200] != 100 || got[429] != 200 {
		t.Errorf("300 steps of 10 at once with 1000 a second: got %v, want 100×200 and 200×429", got)
	}
	clk.add(time.Second)
	if f := decodeWire(t, []byte(mustGet(t, s+"/frame"))); f.Step != 1000 {
		t.Errorf("after the flood: got step %d, want 1000", f.Step)
	}
	for _, path := range []string{"/frame", "/inspect", "/loss.png"} {
		clk.add(time.Second)
		got = counts(3*cfg.RequestsPerSec, "GET", s+path)
		if got[200] != cfg.RequestsPerSec || got[429] != 2*cfg.RequestsPerSec {
			t.Errorf("%d requests of %s at once with %d a second: got %v, want %d×200 and the rest 429",
				3*cfg.RequestsPerSec, path, cfg.RequestsPerSec, got, cfg.RequestsPerSec)
		}
	}
	expect(t, "GET", s+"/frame", nil, 429, "at most 100 requests a second")
}

// readEvent reads one Server-Sent Event: its type ("" for a message) and data.
func readEvent(t *testing.T, r *bufio.Reader) (typ, data string) {
	t.Helper()
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the stream: %v", err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			return typ, data
		case strings.HasPrefix(line, "event: "):
			typ = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			data += line[len("data: "):]
		}
	}
}

// TestStream plays a session: frames arrive n steps apart, a second stream
// is refused, and the stream ends when the session is deleted.
func TestStream(t *testing.T) {
	t.Parallel()
	_, srv := start(t, testConfig())
	id := create(t, srv, "").ID
	s := srv.URL + "/api/session/" + id
	res, err := http.Get(s + "/stream?n=3")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); res.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("stream: got %d %s, want 200 text/event-stream", res.StatusCode, ct)
	}
	r := bufio.NewReader(res.Body)
	for i := 1; i <= 3; i++ {
		typ, data := readEvent(t, r)
		b, err := base64.StdEncoding.DecodeString(data)
		if typ != "" || err != nil {
			t.Fatalf("event %d: got type %q, %v", i, typ, err)
		}
		if f := decodeWire(t, b); f.Step != 3*i {
			t.Errorf("event %d: got step %d, want %d", i, f.Step, 3*i)
		}
	}
	expect(t, "GET", s+"/stream", nil, 409, "already has a stream")
	expect(t, "DELETE", s, nil, 204, "")
	if _, err := io.ReadAll(r); err != nil {
		t.Errorf("after DELETE the stream should end cleanly: %v", err)
	}
}

// divergentSetting is a run whose loss becomes NaN within a few steps: a
// linear network on the regression curve at learning rate 1000.
const divergentSetting = "data=curve&act=linear&rate=1000"

// TestStreamFailed checks that a run that diverges ends its stream with an
// event "failed" that says why, and that a step answers 422.
func TestStreamFailed(t *testing.T) {
	t.Parallel()
	_, srv := start(t, testConfig())
	s := srv.URL + "/api/session/" + create(t, srv, divergentSetting).ID
	expect(t, "POST", s+"/step?n=1000", nil, 422, "training stopped")
	s = srv.URL + "/api/session/" + create(t, srv, divergentSetting).ID
	res, err := http.Get(s + "/stream?n=1000")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	r := bufio.NewReader(res.Body)
	for {
		typ, data := readEvent(t, r)
		if typ == "failed" {
			if !strings.Contains(data, "training stopped") {
				t.Errorf("failed event: got %q", data)
			}
			break
		}
	}
	if rest, _ := io.ReadAll(r); len(rest) != 0 {
		t.Errorf("after the failed event the stream sent %q", rest)
	}
}

// TestCloseEndsStreams checks that Close, as on Ctrl-C, ends a running
// stream, so that the server can shut down.
func TestCloseEndsStreams(t *testing.T) {
	t.Parallel()
	h, srv := start(t, testConfig())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/session/"+create(t, srv, "").ID+"/stream", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	readEvent(t, bufio.NewReader(res.Body))
	h.Close()
	if _, err := io.ReadAll(res.Body); err != nil {
		t.Errorf("the stream did not end cleanly on Close: %v", err)
	}
	if n := h.sessions.len(); n != 0 {
		t.Errorf("after Close: %d sessions, want 0", n)
	}
}

// TestStepsPerRequest checks that a request may ask for no more steps than
// one Session.Step takes, even when the rate allows more.
func TestStepsPerRequest(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.StepsPerSec = 10 * cfg.Limits.MaxSteps
	_, srv := start(t, cfg)
	s := srv.URL + "/api/session/" + create(t, srv, "").ID
	want := fmt.Sprintf("n must be an integer in 1 … %d", cfg.Limits.MaxSteps)
	expect(t, "POST", s+fmt.Sprintf("/step?n=%d", cfg.Limits.MaxSteps+1), nil, 400, want)
	expect(t, "GET", s+fmt.Sprintf("/stream?n=%d", cfg.Limits.MaxSteps+1), nil, 400, "n must be")
}

// TestPanic checks that a handler's panic becomes a 500 that says so, and
// that a session's lock is released by a panic while it is held.
func TestPanic(t *testing.T) {
	t.Parallel()
	h, srv := start(t, testConfig())
	h.mux.HandleFunc("GET /boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	expect(t, "GET", srv.URL+"/boom", nil, 500, "internal error: boom")
	var e entry
	func() {
		defer func() { recover() }()
		e.locked(func() { panic("boom") })
	}()
	if !e.mu.TryLock() {
		t.Errorf("after a panic inside locked, the session's lock is still held")
	}
}

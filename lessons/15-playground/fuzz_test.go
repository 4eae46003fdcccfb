package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// FuzzRequests sends the server requests of any method, path, query and
// body: whatever they are, the answer is not a 5xx, and a refusal says
// why. "{id}" in the path stands for a live session's id, so the fuzzer
// reaches the session's endpoints too.
func FuzzRequests(f *testing.F) {
	for _, c := range []struct{ method, path, query, body string }{
		{"POST", "/api/session", "data=spiral&hidden=8,8&rate=0.1", ""},
		{"POST", "/api/session", "", "act=relu&x=x1,x2,x1x2&batch=0"},
		{"POST", "/api/session", "lesson=03&rate=NaN", ""},
		{"POST", "/api/session", "hidden=8,8,8,8,8,8,8&points=99999999999", ""},
		{"POST", "/api/session/{id}/step", "n=5", ""},
		{"POST", "/api/session/{id}/step", "n=1e9", ""},
		{"GET", "/api/session/{id}/frame", "", ""},
		{"GET", "/api/session/{id}/stream", "n=3", ""},
		{"GET", "/api/session/{id}/inspect", "", ""},
		{"GET", "/api/session/{id}/loss.png", "", ""},
		{"DELETE", "/api/session/{id}", "", ""},
		{"GET", "/static/../server.go", "", ""},
		{"PUT", "/", "", "x"},
	} {
		f.Add(c.method, c.path, c.query, c.body)
	}
	h := newServer(testConfig())
	defer h.Close()
	f.Fuzz(func(t *testing.T, method, path, query, body string) {
		if len(method) == 0 || len(method) > 10 || strings.ContainsAny(method, " \t\r\n") || !strings.HasPrefix(path, "/") {
			return // not a request an HTTP server could receive
		}
		rec := httptest.NewRecorder()
		live := httptest.NewRecorder()
		h.ServeHTTP(live, httptest.NewRequest("POST", "/api/session", nil))
		id := ""
		if live.Code == 201 {
			id = strings.TrimPrefix(live.Header().Get("Location"), "/api/session/")
			defer h.sessions.remove(id)
		}
		r := httptest.NewRequest("GET", "/", strings.NewReader(body))
		r.Method = method
		r.URL.Path = strings.ReplaceAll(path, "{id}", id)
		r.URL.RawQuery = query
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		ctx, cancel := context.WithTimeout(r.Context(), 50*time.Millisecond) // ends a stream
		defer cancel()
		h.ServeHTTP(rec, r.WithContext(ctx))
		if rec.Code >= 500 {
			t.Fatalf("%s %s?%s with %q: got %d %q", method, r.URL.Path, query, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 && rec.Code != 405 && strings.TrimSpace(rec.Body.String()) == "" {
			t.Errorf("%s %s?%s: %d without a message", method, r.URL.Path, query, rec.Code)
		}
	})
}

package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"sync"
	"time"
)

// errFull is the error of a session table that holds as many sessions as
// it may.
var errFull = errors.New("too many sessions")

// entry is one browser tab's training session. Its mutex guards the
// session and everything below it: a Session is not safe for concurrent
// use, and two requests of the same tab (a step and an inspect) may
// arrive at once.
type entry struct {
	id   string
	gone chan struct{} // closed when the table drops the entry, which ends its stream

	mu        sync.Mutex
	sess      *Session
	frame     Frame     // the last snapshot, reused
	wire      []byte    // the last frame's wire form, reused
	tokens    float64   // steps the rate limit allows now
	refilled  time.Time // when tokens was last topped up
	streaming bool      // a stream is running
}

// take returns how many of n wanted steps the rate limit of perSecond
// steps a second allows at time now, and spends them. The bucket holds at
// most one second's steps, so a tab that paused cannot save up a burst.
// The caller holds e.mu.
func (e *entry) take(n, perSecond int, now time.Time) int {
	e.tokens += now.Sub(e.refilled).Seconds() * float64(perSecond)
	e.tokens = min(e.tokens, float64(perSecond))
	e.refilled = now
	k := min(n, int(e.tokens))
	e.tokens -= float64(k)
	return k
}

// table holds the sessions of one server: at most max of them, each
// dropped after idle without a request. Its methods are safe for
// concurrent use. Expired sessions are dropped on the next call of add or
// get, so the table needs no goroutine of its own.
type table struct {
	max  int
	idle time.Duration
	now  func() time.Time

	mu       sync.Mutex
	m        map[string]*entry
	used     map[*entry]time.Time // the time of each entry's last request
	reserved int                  // slots held by sessions being built
}

// newTable returns an empty table of at most max sessions that expire
// after idle; now tells the time.
func newTable(max int, idle time.Duration, now func() time.Time) *table {
	return &table{max: max, idle: idle, now: now, m: map[string]*entry{}, used: map[*entry]time.Time{}}
}

// reserve holds a slot for a session about to be built, or returns errFull.
// A successful reserve must be followed by insert or release.
func (t *table) reserve() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sweep()
	if len(t.m)+t.reserved >= t.max {
		return fmt.Errorf("%w: this server runs at most %d at once, and idle ones expire after %v", errFull, t.max, t.idle)
	}
	t.reserved++
	return nil
}

// release gives back a slot that reserve held.
func (t *table) release() {
	t.mu.Lock()
	t.reserved--
	t.mu.Unlock()
}

// insert puts sess into the slot that reserve held, under a new random id,
// with tokens steps to spend at once.
func (t *table) insert(sess *Session, tokens int) *entry {
	e := &entry{id: rand.Text(), gone: make(chan struct{}), sess: sess, tokens: float64(tokens)}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.reserved--
	e.refilled = t.now()
	t.m[e.id] = e
	t.used[e] = e.refilled
	return e
}

// get returns the session called id, marking it used, or false if there
// is none (or it expired).
func (t *table) get(id string) (*entry, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sweep()
	e, ok := t.m[id]
	if ok {
		t.used[e] = t.now()
	}
	return e, ok
}

// touch marks e used now, so that a running stream keeps it alive.
func (t *table) touch(e *entry) {
	t.mu.Lock()
	if _, ok := t.used[e]; ok {
		t.used[e] = t.now()
	}
	t.mu.Unlock()
}

// remove drops the session called id and reports whether there was one.
func (t *table) remove(id string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.m[id]
	if ok {
		t.drop(e)
	}
	return ok
}

// clear drops every session.
func (t *table) clear() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, e := range t.m {
		t.drop(e)
	}
}

// len returns the number of sessions.
func (t *table) len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.m)
}

// sweep drops the sessions idle for longer than t.idle. The caller holds t.mu.
func (t *table) sweep() {
	now := t.now()
	for e, used := range t.used {
		if now.Sub(used) > t.idle {
			t.drop(e)
		}
	}
}

// drop removes e and closes its gone channel. The caller holds t.mu.
func (t *table) drop(e *entry) {
	delete(t.m, e.id)
	delete(t.used, e)
	close(e.gone)
}

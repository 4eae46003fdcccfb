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

	requests bucket // requests the rate limit allows now; guarded by the table's mutex

	mu        sync.Mutex
	sess      *Session
	frame     Frame  // the last snapshot, reused
	wire      []byte // the last frame's wire form, reused
	steps     bucket // steps the rate limit allows now
	streaming bool   // a stream is running
}

// locked calls f holding e.mu, which it releases even if f panics.
func (e *entry) locked(f func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f()
}

// A bucket is a rate limit of so many tokens a second (steps, requests):
// it refills at that rate and holds at most one second's tokens, so a tab
// that paused cannot save up a burst. A new bucket is full.
type bucket struct {
	tokens   float64
	refilled time.Time
}

// fill makes the bucket full at time now for a rate of perSecond.
func (b *bucket) fill(perSecond int, now time.Time) {
	b.tokens, b.refilled = float64(perSecond), now
}

// take returns how many of n wanted tokens the rate of perSecond allows at
// time now, and spends them.
func (b *bucket) take(n, perSecond int, now time.Time) int {
	b.tokens += now.Sub(b.refilled).Seconds() * float64(perSecond)
	b.tokens = min(b.tokens, float64(perSecond))
	b.refilled = now
	k := min(n, int(b.tokens))
	b.tokens -= float64(k)
	return k
}

// table holds the sessions of one server: at most max of them, each
// dropped after idle without a request and answering at most rps requests
// a second. Its methods are safe for concurrent use. Expired sessions are
// dropped on the next call of reserve or get, so the table needs no
// goroutine of its own.
type table struct {
	max  int
	idle time.Duration
	rps  int
	now  func() time.Time

	mu       sync.Mutex
	m        map[string]*entry
	used     map[*entry]time.Time // the time of each entry's last request
	reserved int                  // slots held by sessions being built
}

// newTable returns an empty table of at most max sessions that expire
// after idle and answer rps requests a second; now tells the time.
func newTable(max int, idle time.Duration, rps int, now func() time.Time) *table {
	return &table{max: max, idle: idle, rps: rps, now: now, m: map[string]*entry{}, used: map[*entry]time.Time{}}
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

// insert puts sess into the slot that reserve held, under a new random
// id, with a full bucket of steps for a rate of stepsPerSec.
func (t *table) insert(sess *Session, stepsPerSec int) *entry {
	e := &entry{id: rand.Text(), gone: make(chan struct{}), sess: sess}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.reserved--
	now := t.now()
	e.steps.fill(stepsPerSec, now)
	e.requests.fill(t.rps, now)
	t.m[e.id] = e
	t.used[e] = now
	return e
}

// get returns the session called id, marking it used, or false if there
// is none (or it expired). It also reports whether the session's rate of
// requests allows this one.
func (t *table) get(id string) (e *entry, ok, allowed bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.sweep()
	e, ok = t.m[id]
	if ok {
		now := t.now()
		t.used[e] = now
		allowed = e.requests.take(1, t.rps, now) == 1
	}
	return e, ok, allowed
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

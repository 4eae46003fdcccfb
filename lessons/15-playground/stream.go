package main

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// stream sends Server-Sent Events while the page plays: FPS times a second
// it runs up to n steps (?n=, default 10; fewer if the rate limit says so),
// and sends the frame after them as an event whose data is the frame's
// wire form in base64. It ends when the page closes it (pause), when the
// session is dropped or the server closes, and after an event "failed"
// whose data says why training stopped. A second stream of the same
// session at once is refused (409).
func (s *server) stream(w http.ResponseWriter, r *http.Request, e *entry) {
	n, ok := queryInt(w, r, "n", 10, 0, s.maxSteps())
	if !ok {
		return
	}
	var busy bool
	e.locked(func() { busy, e.streaming = e.streaming, true })
	if busy {
		fail(w, http.StatusConflict, "this session already has a stream (one per session)")
		return
	}
	defer e.locked(func() { e.streaming = false })
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // a stream outlives any write timeout
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	tick := time.NewTicker(time.Second / time.Duration(s.cfg.FPS))
	defer tick.Stop()
	var event []byte // the event being sent, reused
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-e.gone:
			return
		case <-tick.C:
		}
		var err error
		event, err = s.nextEvent(e, n, event[:0])
		if _, werr := w.Write(event); werr != nil || rc.Flush() != nil || err != nil {
			return
		}
		s.sessions.touch(e)
	}
}

// nextEvent runs up to n steps of e (as many as the rate limit allows) and
// appends to event the stream's next event: the frame after them, or, if
// training failed, an event "failed" that says why, with the error.
func (s *server) nextEvent(e *entry, n int, event []byte) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var err error
	if k := e.steps.take(n, s.cfg.StepsPerSec, s.cfg.Now()); k > 0 {
		err = e.sess.Step(k)
	}
	if err != nil {
		msg := strings.ReplaceAll(err.Error(), "\n", " ") // an event's data line must be one line
		return fmt.Appendf(event, "event: failed\ndata: training stopped: %s\n\n", msg), err
	}
	e.snapshot()
	event = append(event, "data: "...)
	event = base64.StdEncoding.AppendEncode(event, e.wire)
	return append(event, "\n\n"...), nil
}

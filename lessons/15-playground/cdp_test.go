package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"testing"
	"time"
)

// browser is a headless Chromium driven through the Chrome DevTools
// Protocol over a pair of pipes (--remote-debugging-pipe): each message is
// a JSON object ended by a NUL byte, commands on the browser's file
// descriptor 3 and answers and events on its descriptor 4. So the test
// needs nothing beyond the standard library: no WebSocket client.
type browser struct {
	cmd     *exec.Cmd
	in      io.WriteCloser // to the browser
	pipe    *os.File       // from the browser
	out     *bufio.Reader  // reads pipe
	id      int            // the last command's id
	session string         // the page's session id, once attached
}

// startBrowser starts path (chromium) headless with a window of w×h
// pixels and a fresh profile, opens a blank tab and attaches to it. It
// stops the browser when t ends.
func startBrowser(t *testing.T, path string, w, h int) *browser {
	t.Helper()
	toBrowser, in, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	out, fromBrowser, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--headless", "--remote-debugging-pipe", "--no-sandbox",
		"--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
		"--user-data-dir="+t.TempDir(), fmt.Sprintf("--window-size=%d,%d", w, h), "about:blank")
	cmd.ExtraFiles = []*os.File{toBrowser, fromBrowser} // descriptors 3 and 4
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	toBrowser.Close()
	fromBrowser.Close()
	b := &browser{cmd: cmd, in: in, pipe: out, out: bufio.NewReader(out)}
	t.Cleanup(func() {
		in.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		out.Close()
	})
	var target struct{ TargetID string }
	b.call(t, "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct{ SessionID string }
	b.call(t, "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	b.session = attached.SessionID
	return b
}

// call sends a command, waits for its answer (skipping events) and
// decodes the answer's result into result, if not nil. An error answer,
// or no answer within 30 seconds, fails t.
func (b *browser) call(t *testing.T, method string, params, result any) {
	t.Helper()
	b.id++
	msg := map[string]any{"id": b.id, "method": method, "params": params}
	if b.session != "" {
		msg["sessionId"] = b.session
	}
	data, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.in.Write(append(data, 0)); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	b.pipe.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		line, err := b.out.ReadBytes(0)
		if err != nil {
			t.Fatalf("%s: reading the answer: %v", method, err)
		}
		var answer struct {
			ID     int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		if err := json.Unmarshal(line[:len(line)-1], &answer); err != nil {
			t.Fatalf("%s: %v in %q", method, err, line)
		}
		if answer.ID != b.id {
			continue // an event, or an answer to nothing we wait for
		}
		if answer.Error != nil {
			t.Fatalf("%s: %s", method, answer.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(answer.Result, result); err != nil {
				t.Fatalf("%s: %v", method, err)
			}
		}
		return
	}
}

// eval evaluates the JavaScript expression js in the page, awaiting it if
// it is a promise, and decodes its value (as JSON) into v.
func (b *browser) eval(t *testing.T, js string, v any) {
	t.Helper()
	var r struct {
		Result           struct{ Value json.RawMessage }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	b.call(t, "Runtime.evaluate", map[string]any{"expression": js, "returnByValue": true, "awaitPromise": true}, &r)
	if r.ExceptionDetails != nil {
		t.Fatalf("evaluating %s: %s %s", js, r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
	}
	if v != nil {
		if err := json.Unmarshal(r.Result.Value, v); err != nil {
			t.Fatalf("evaluating %s: %v in %s", js, err, r.Result.Value)
		}
	}
}

// waitFor evaluates the boolean expression js every 50 ms until it is
// true, and fails t if it is not within limit.
func (b *browser) waitFor(t *testing.T, js string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		var ok bool
		b.eval(t, "!!("+js+")", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			var status string
			b.eval(t, `(document.getElementById("status") || {}).textContent || ""`, &status)
			t.Fatalf("waited %v for %s; the page at %s says %q", limit, js, b.location(t), status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// location returns the page's address.
func (b *browser) location(t *testing.T) string {
	t.Helper()
	var u string
	b.eval(t, "location.href", &u)
	return u
}

// click presses and releases the left mouse button at the centre of the
// element matched by the CSS selector, as a user would.
func (b *browser) click(t *testing.T, selector string) {
	t.Helper()
	var at struct{ X, Y float64 }
	b.eval(t, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`, selector), &at)
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		b.call(t, "Input.dispatchMouseEvent", map[string]any{"type": typ, "x": at.X, "y": at.Y, "button": "left", "clickCount": 1}, nil)
	}
}

package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// firefox is a headless Firefox driven over Marionette, Firefox's own
// remote protocol: JSON messages over TCP, each written as its length in
// decimal, a colon and the JSON text. A command is [0, id, name, params];
// its answer is [1, id, error, result]. The standard library is enough.
type firefox struct {
	conn net.Conn
	r    *bufio.Reader
	id   int
}

// startFirefox starts firefox (or firefox-esr) headless with a fresh
// profile whose Marionette port is chosen by the system, connects, and opens
// a WebDriver session; it skips t when neither is on PATH or under -short,
// and stops the browser when t ends.
func startFirefox(t *testing.T, w, h int) *firefox {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	path, err := exec.LookPath("firefox")
	if err != nil {
		if path, err = exec.LookPath("firefox-esr"); err != nil {
			t.Skip("firefox is not on PATH (apt-get install -y firefox-esr runs this test)")
		}
	}
	profile := t.TempDir()
	prefs := `user_pref("marionette.port", 0);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
`
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(prefs), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--headless", "--marionette", "--no-remote", "--profile", profile,
		"--width", strconv.Itoa(w), "--height", strconv.Itoa(h))
	cmd.Env = append(os.Environ(), "MOZ_HEADLESS=1", "HOME="+profile)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })

	// Firefox writes the port it listens on to MarionetteActivePort.
	var port string
	for deadline := time.Now().Add(30 * time.Second); port == ""; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("firefox did not open its Marionette port within 30 s")
		}
		if b, err := os.ReadFile(filepath.Join(profile, "MarionetteActivePort")); err == nil {
			port = strings.TrimSpace(string(b))
		}
	}
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+port, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	f := &firefox{conn: conn, r: bufio.NewReader(conn)}
	var hello struct{ MarionetteProtocol int }
	if err := f.read(&hello); err != nil || hello.MarionetteProtocol < 3 {
		t.Fatalf("Marionette greeting: protocol %d, %v", hello.MarionetteProtocol, err)
	}
	f.call(t, "WebDriver:NewSession", map[string]any{"capabilities": map[string]any{}}, nil)
	return f
}

// read reads one message and decodes its JSON into v.
func (f *firefox) read(v any) error {
	f.conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	head, err := f.r.ReadString(':')
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSuffix(head, ":"))
	if err != nil || n < 0 || n > 64<<20 {
		return fmt.Errorf("message length %q", head)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(f.r, body); err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// call sends the command name with params and decodes the answer's
// result into result (if not nil); an error answer fails t.
func (f *firefox) call(t *testing.T, name string, params, result any) {
	t.Helper()
	f.id++
	msg, err := json.Marshal([]any{0, f.id, name, params})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(f.conn, "%d:%s", len(msg), msg); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for {
		var answer []json.RawMessage
		if err := f.read(&answer); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var kind, id int
		if len(answer) != 4 || json.Unmarshal(answer[0], &kind) != nil || json.Unmarshal(answer[1], &id) != nil {
			t.Fatalf("%s: malformed answer %s", name, answer)
		}
		if kind != 1 || id != f.id {
			continue // an event or an older answer
		}
		if string(answer[2]) != "null" {
			t.Fatalf("%s: %s", name, answer[2])
		}
		if result != nil {
			if err := json.Unmarshal(answer[3], result); err != nil {
				t.Fatalf("%s: %v in %s", name, err, answer[3])
			}
		}
		return
	}
}

// eval runs the JavaScript expression js in the page and decodes its value
// into v (if not nil).
func (f *firefox) eval(t *testing.T, js string, v any) {
	t.Helper()
	var r struct{ Value json.RawMessage }
	f.call(t, "WebDriver:ExecuteScript", map[string]any{"script": "return (" + js + ");", "args": []any{}}, &r)
	if v != nil {
		if err := json.Unmarshal(r.Value, v); err != nil {
			t.Fatalf("%s: %v in %s", js, err, r.Value)
		}
	}
}

// waitFor polls the JavaScript condition js until it is true, failing t
// after limit.
func (f *firefox) waitFor(t *testing.T, js string, limit time.Duration) {
	t.Helper()
	for deadline := time.Now().Add(limit); ; time.Sleep(50 * time.Millisecond) {
		var ok bool
		f.eval(t, "!!("+js+")", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s", limit, js)
		}
	}
}

// TestFirefox plays the README's setting in headless Firefox, as TestBrowser
// does in Chromium: the page loads without a complaint, play streams frames
// that are drawn at 20 frames a second or more, the training loss shown
// falls, pause leaves the page on the newest frame, the heat map is drawn,
// and the inspect pane fills in. It skips when Firefox is not on PATH.
func TestFirefox(t *testing.T) {
	f := startFirefox(t, 1280, 900)
	h := newServer(testConfig())
	srv := httptest.NewServer(h)
	t.Cleanup(func() { h.Close(); srv.Close() })

	f.call(t, "WebDriver:Navigate", map[string]any{"url": srv.URL + "/?" + screenshotSetting}, nil)
	f.waitFor(t, "window.playground && window.playground.drawn", 20*time.Second)
	var status string
	if f.eval(t, `document.getElementById("status").textContent`, &status); status != "" {
		t.Fatalf("the page says %q after loading", status)
	}
	var first float64
	f.eval(t, "window.playground.firstLoss", &first)

	f.eval(t, `document.getElementById("play").click() || true`, nil)
	f.waitFor(t, "window.playground.source !== null", 5*time.Second)
	time.Sleep(3 * time.Second) // frames a second are counted over whole seconds
	var fps int
	f.eval(t, "window.playground.fps", &fps)
	f.eval(t, `document.getElementById("play").click() || true`, nil)
	f.waitFor(t, "window.playground.source === null", 5*time.Second)
	f.waitFor(t, "window.playground.drawn === window.playground.latest", time.Second)

	var shown shownFrame
	f.eval(t, shownJS, &shown)
	t.Logf("Firefox: after %d steps the page shows training loss %s (first %.4g), %d frames/s", shown.Step, shown.Loss, first, fps)
	if !(shown.TrainLoss < first) {
		t.Errorf("training loss: got %g after %d steps, want less than the first, %g", shown.TrainLoss, shown.Step, first)
	}
	if shown.Colors < 20 {
		t.Errorf("the output's heat map has %d colours, want a drawn map (at least 20)", shown.Colors)
	}
	if fps < 20 {
		t.Errorf("the page drew %d frames/s while playing, want at least 20", fps)
	}
	f.eval(t, `document.querySelector("#inspect-box summary").click() || true`, nil)
	f.waitFor(t, `document.getElementById("inspect-text").textContent.includes("step")`, 5*time.Second)

	var shot struct{ Value string }
	f.call(t, "WebDriver:TakeScreenshot", map[string]any{"full": true}, &shot)
	img, err := base64.StdEncoding.DecodeString(shot.Value)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(img)); err != nil {
		t.Fatalf("Firefox's screenshot is not a PNG: %v", err)
	}
	if err := writeAtomic(filepath.Join(t.TempDir(), "firefox.png"), img); err != nil {
		t.Fatal(err)
	}
}

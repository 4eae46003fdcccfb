package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"nnscratch/lessons/internal/golden"
)

// screenshotSetting is the run the README's screenshot shows.
const screenshotSetting = "data=circle&noise=10&x=x1,x2&hidden=4,2&act=tanh&rate=0.03&seed=1&speed=100"

// openBrowser starts a server and a headless Chromium of 1280×900 pixels,
// stopped when t ends, or skips t if chromium is not on PATH. The
// environment variable PLAYGROUND_FPS, if set, is the frames a second the
// server streams (30 otherwise): above the screen's refresh rate it shows
// that the page skips frames rather than falling behind.
func openBrowser(t *testing.T) (*browser, *httptest.Server) {
	t.Helper()
	return openBrowserWith(t, testConfig())
}

// openBrowserWith is openBrowser with a server of cfg.
func openBrowserWith(t *testing.T, cfg serverConfig) (*browser, *httptest.Server) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not on PATH (apt-get install -y chromium runs this test)")
	}
	if fps, err := strconv.Atoi(os.Getenv("PLAYGROUND_FPS")); err == nil && fps > 0 {
		cfg.FPS = fps
	}
	h := newServer(cfg)
	srv := httptest.NewServer(h)
	t.Cleanup(func() { h.Close(); srv.Close() }) // h first: it ends the streams srv.Close would wait for
	return startBrowser(t, path, 1280, 900), srv
}

// TestBrowser drives the page in headless Chromium: it loads the page,
// presses play with the mouse, lets it train, pauses, and checks that the
// training loss shown has fallen, that the output's heat map is drawn, and
// that the page redrew at least 20 frames a second. It saves a screenshot;
// with -update it writes it to screenshot.png, the README's picture. It
// skips when chromium is not on PATH.
func TestBrowser(t *testing.T) {
	b, srv := openBrowser(t)
	b.call(t, "Page.navigate", map[string]any{"url": srv.URL + "/?" + screenshotSetting}, nil)
	b.waitFor(t, "window.playground && window.playground.drawn", 20*time.Second)
	var status string
	if b.eval(t, `document.getElementById("status").textContent`, &status); status != "" {
		t.Fatalf("the page says %q after loading", status)
	}
	var first float64
	b.eval(t, "window.playground.firstLoss", &first)

	b.click(t, "#play")
	b.waitFor(t, "window.playground.source !== null", 5*time.Second)
	time.Sleep(3 * time.Second) // frames a second are counted over whole seconds
	var fps, draws int
	var drawMs float64
	b.eval(t, "window.playground.fps", &fps)
	b.eval(t, "window.playground.draws", &draws)
	b.eval(t, "window.playground.drawMs", &drawMs)
	b.click(t, "#play")
	b.waitFor(t, "window.playground.source === null", 5*time.Second)
	b.waitFor(t, "window.playground.drawn === window.playground.latest", time.Second) // not behind

	var shown shownFrame
	b.eval(t, shownJS, &shown)
	last := shown.TrainLoss
	t.Logf("after %d steps the page shows training loss %s (first %.4g); %d frames drawn, %d frames/s in the last second, %.2f ms to draw one",
		shown.Step, shown.Loss, first, draws, fps, drawMs)
	if !(last < first) {
		t.Errorf("training loss: got %g after %d steps, want less than the first, %g", last, shown.Step, first)
	}
	if shown.Colors < 20 {
		t.Errorf("the output's heat map has %d colours, want a drawn map (at least 20)", shown.Colors)
	}
	if fps < 20 {
		t.Errorf("the page drew %d frames/s while playing, want at least 20", fps)
	}

	// The screenshot shows the panes below the drawing too: the step's
	// matrices and the command, the whole page's height.
	b.click(t, "#inspect-box summary")
	b.click(t, "#command-box summary")
	b.waitFor(t, `document.getElementById("inspect-text").textContent.includes("step")`, 5*time.Second)
	var height float64
	b.eval(t, "document.documentElement.scrollHeight", &height)
	var shot struct{ Data string }
	b.call(t, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": 1280, "height": min(height, 1400), "scale": 1}}, &shot)
	img, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(img)); err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	out := filepath.Join(t.TempDir(), "screenshot.png")
	if *golden.Update {
		out = "screenshot.png"
	}
	if err := writeAtomic(out, img); err != nil {
		t.Fatal(err)
	}
}

// shownJS reads what the page shows after a run: the training loss as
// text and as the number drawn, the step, and how many colours the output's
// heat map has (a drawn map has many; a blank canvas one).
const shownJS = `(() => {
	const c = document.getElementById("heat");
	const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
	const colors = new Set();
	for (let i = 0; i < px.length; i += 4) colors.add(px[i] << 16 | px[i + 1] << 8 | px[i + 2]);
	return {loss: document.getElementById("train-loss").textContent,
		trainLoss: window.playground.drawn.trainLoss,
		step: window.playground.drawn.step, colors: colors.size};
})()`

// shownFrame is shownJS's answer.
type shownFrame struct {
	Loss      string
	TrainLoss float64
	Step      int
	Colors    int
}

// writeAtomic writes data to path through a temporary file and a rename,
// so that an interrupted test never leaves half a picture.
func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// TestBrowserControls works the page's controls in headless Chromium: a
// lesson preset (its fixed fields disabled, its command, inspect text and
// loss curve link working), a hidden layer added with the + button, and a reload of the
// page's URL that gives the same numbers after the same steps.
func TestBrowserControls(t *testing.T) {
	b, srv := openBrowser(t)
	b.call(t, "Page.navigate", map[string]any{"url": srv.URL + "/"}, nil)
	b.waitFor(t, "window.playground && window.playground.drawn", 20*time.Second)

	// choose sets a control's value and fires its change event, as picking from the list does.
	choose := func(selector, value string) {
		t.Helper()
		b.eval(t, fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q;
			el.dispatchEvent(new Event("change")); return true; })()`, selector, value), nil)
	}
	choose("[name=lesson]", "03")
	b.waitFor(t, `window.playground.values.lesson === "03" && window.playground.drawn && window.playground.drawn.sizes.join() === "3,4,1"`, 10*time.Second)
	var state struct {
		URL, Command string
		HiddenOff    bool
		RateOff      bool
	}
	b.eval(t, `({url: location.search, command: document.getElementById("command").textContent,
		hiddenOff: document.getElementById("add-layer").disabled,
		rateOff: document.querySelector("[name=rate]").disabled})`, &state)
	if !strings.Contains(state.URL, "lesson=03") || !strings.Contains(state.Command, "go run ./lessons/03-alpha-sweep") || !state.HiddenOff || state.RateOff {
		t.Errorf("lesson 03: got URL %q, command %q, add-layer disabled %v, rate disabled %v; want lesson=03, its go run line, true, false",
			state.URL, state.Command, state.HiddenOff, state.RateOff)
	}
	b.click(t, "#inspect-box summary")
	b.click(t, "#step")
	b.waitFor(t, `window.playground.drawn.step === 1 && document.getElementById("inspect-text").textContent.includes("layer_1 =")`, 10*time.Second)

	var png string
	b.eval(t, `fetch(document.getElementById("png").href).then((r) => r.headers.get("Content-Type"))`, &png)
	if png != "image/png" {
		t.Errorf("the loss curve link: got %q, want image/png", png)
	}

	choose("[name=lesson]", "")
	b.waitFor(t, `window.playground.values.lesson === "" && !document.getElementById("add-layer").disabled`, 10*time.Second)
	b.click(t, "#add-layer")
	b.waitFor(t, `new URLSearchParams(location.search).get("hidden") === "4,2,2"`, 10*time.Second)

	// stepThrice presses step three times and returns the loss shown.
	stepThrice := func() string {
		t.Helper()
		for i := 1; i <= 3; i++ {
			b.click(t, "#step")
			b.waitFor(t, fmt.Sprintf("window.playground.drawn && window.playground.drawn.step === %d", i), 10*time.Second)
		}
		var loss string
		b.eval(t, `window.playground.drawn.trainLoss.toPrecision(17)`, &loss)
		return loss
	}
	before := stepThrice()
	b.call(t, "Page.reload", map[string]any{}, nil)
	b.waitFor(t, "window.playground && window.playground.drawn && window.playground.drawn.step === 0", 20*time.Second)
	if after := stepThrice(); after != before {
		t.Errorf("after a reload of the same URL, three steps give loss %s, want %s as before", after, before)
	}
}

// TestBrowserEveryDataSet loads the page with each data set and lesson
// preset, plays a moment and checks that the page draws frames without an
// error: the decoding and drawing of every shape of network the engine
// makes (one input, a bias input, no hidden layer, regression).
func TestBrowserEveryDataSet(t *testing.T) {
	b, srv := openBrowser(t)
	for _, q := range []string{"data=xor", "data=gauss&hidden=", "data=spiral&x=x1,x2,sinx1,sinx2&hidden=8,8,8,8,8,8",
		"data=curve", "data=iris2", "data=and", "data=xor3", "data=iris10", "lesson=01", "lesson=03", "lesson=04", "lesson=05"} {
		b.call(t, "Page.navigate", map[string]any{"url": srv.URL + "/?play=1&" + q}, nil)
		b.waitFor(t, "window.playground && window.playground.drawn && window.playground.drawn.step > 0", 20*time.Second)
		var status string
		b.eval(t, `document.getElementById("status").textContent`, &status)
		if status != "" {
			t.Errorf("%s: the page says %q", q, status)
		}
	}
}

// TestBrowserKeyboard works the page from the keyboard: every control is
// in the tab order and has a label; Enter on a unit's
// + button adds the unit and leaves the focus on the new + button, and the
// s key steps. Then it lets the session expire and presses s again: the
// page starts the same setting again instead of failing.
func TestBrowserKeyboard(t *testing.T) {
	cfg := testConfig()
	cfg.Idle = 2 * time.Second
	b, srv := openBrowserWith(t, cfg)
	b.call(t, "Page.navigate", map[string]any{"url": srv.URL + "/?hidden=3"}, nil)
	b.waitFor(t, "window.playground && window.playground.drawn", 20*time.Second)
	// key presses and releases a key in the page, as typing does.
	key := func(name, code string, keyCode int, text string) {
		t.Helper()
		for _, typ := range []string{"keyDown", "keyUp"} {
			p := map[string]any{"type": typ, "key": name, "code": code, "windowsVirtualKeyCode": keyCode}
			if typ == "keyDown" && text != "" {
				p["text"] = text
			}
			b.call(t, "Input.dispatchKeyEvent", p, nil)
		}
	}
	var unlabelled []string
	b.eval(t, `[...document.querySelectorAll("input, select, button, summary, a, pre[tabindex]")].filter((el) =>
		el.tabIndex < 0 || !((el.labels && el.labels.length) || el.getAttribute("aria-label") || el.textContent.trim()))
		.map((el) => el.outerHTML.slice(0, 80))`, &unlabelled)
	if len(unlabelled) > 0 {
		t.Errorf("controls without a label or out of the tab order: %q", unlabelled)
	}
	b.eval(t, `document.querySelector('[data-key="0+"]').focus(), true`, nil)
	key("Enter", "Enter", 13, "\r")
	b.waitFor(t, `new URLSearchParams(location.search).get("hidden") === "4" && document.activeElement.dataset.key === "0+"`, 10*time.Second)

	b.eval(t, "document.activeElement.blur(), true", nil)
	key("s", "KeyS", 83, "s")
	b.waitFor(t, "window.playground.drawn.step === 1", 10*time.Second)
	var first string
	b.eval(t, "window.playground.id", &first)
	time.Sleep(cfg.Idle + 500*time.Millisecond)
	key("s", "KeyS", 83, "s")
	b.waitFor(t, `window.playground.id !== `+strconv.Quote(first)+` && document.getElementById("status").textContent.includes("started again")`, 10*time.Second)
}

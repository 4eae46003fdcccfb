package main

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"nnscratch/lessons/internal/golden"
)

// screenshotSetting is the run the README's screenshot shows.
const screenshotSetting = "data=circle&noise=10&x=x1,x2&hidden=4,2&act=tanh&rate=0.03&seed=1&speed=100"

// TestBrowser drives the page in headless Chromium: it loads the page,
// presses play with the mouse, lets it train, pauses, and checks that the
// training loss shown has fallen, that the output's heat map is drawn, and
// that the page redrew at least 20 frames a second. It saves a screenshot;
// with -update it writes it to screenshot.png, the README's picture. It
// skips when chromium is not on PATH.
func TestBrowser(t *testing.T) {
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not on PATH (apt-get install -y chromium runs this test)")
	}
	h := newServer(testConfig())
	srv := httptest.NewServer(h)
	defer srv.Close()
	defer h.Close() // ends the stream first, or srv.Close would wait for it

	b := startBrowser(t, path, 1280, 900)
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
	b.eval(t, "window.playground.fps", &fps)
	b.eval(t, "window.playground.draws", &draws)
	b.click(t, "#play")
	b.waitFor(t, "window.playground.source === null", 5*time.Second)

	var shown struct {
		Loss   string
		Step   int
		Colors int
	}
	b.eval(t, `(() => {
		const c = document.getElementById("heat");
		const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		const colors = new Set();
		for (let i = 0; i < px.length; i += 4) colors.add(px[i] << 16 | px[i + 1] << 8 | px[i + 2]);
		return {loss: document.getElementById("train-loss").textContent,
			step: window.playground.drawn.step, colors: colors.size};
	})()`, &shown)
	var last float64
	b.eval(t, "window.playground.drawn.trainLoss", &last)
	t.Logf("after %d steps the page shows training loss %s (first %.4g); %d frames drawn, %d frames/s in the last second",
		shown.Step, shown.Loss, first, draws, fps)
	if !(last < first) {
		t.Errorf("training loss: got %g after %d steps, want less than the first, %g", last, shown.Step, first)
	}
	if shown.Colors < 20 {
		t.Errorf("the output's heat map has %d colours, want a drawn map (at least 20)", shown.Colors)
	}
	if fps < 20 {
		t.Errorf("the page drew %d frames/s while playing, want at least 20", fps)
	}

	var shot struct{ Data string }
	b.call(t, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
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

// writeAtomic writes data to path through a temporary file and a rename,
// so that an interrupted test never leaves half a picture.
func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// app.js drives the page of lesson 15. The server trains; this file only
// asks for sessions, frames and text, and draws. Each control holds one
// key of the setting (its name attribute is the query key of PLAYGROUND.md);
// changing one starts a new session with the new setting, whose canonical
// query goes into the page's URL, so a reload or a shared link starts the
// very same run. Playing opens a Server-Sent Events stream of frames; each
// frame is decoded into typed arrays (see decodeFrame and wire.go) and the
// newest one is drawn on the next animation frame, so the page never
// falls behind: frames that arrive faster than the screen refreshes are
// skipped, not queued.
"use strict";

// Page-only keys of the URL: they change what the page does, not the numbers.
const PAGE_KEYS = ["play", "speed"];
// The engine's limits, which the server writes into the page.
const MAX_LAYERS = Number(document.body.dataset.maxLayers);
const MAX_UNITS = Number(document.body.dataset.maxUnits);

const $ = (id) => document.getElementById(id);

// page is the state of the page: the session, the setting and the frames.
const page = {
  id: null,                       // the session's id
  query: new URLSearchParams(),   // the session's setting, canonical
  values: {},                     // every field's value, whether it applies or not
  source: null,                   // the EventSource while playing
  latest: null,                   // the newest decoded frame
  drawn: null,                    // the frame on the screen
  fresh: true,                    // no frame of this session drawn yet
  labels: [0, 1],                 // the smallest and largest label, for the colour scale
  firstLoss: null,                // the training loss of the session's first frame
  draws: 0,                       // frames drawn since the page loaded
  drawMs: 0,                      // the mean time to draw a frame, in milliseconds
  fps: 0,                         // frames drawn in the last second
  busy: false,                    // a request that replaces the session is running
};
window.playground = page; // for the browser test and the curious reader

// ---- Colours ----

// lut maps t in [−1, 1], as an index 0 … 255, to a pixel (RGBA packed
// little-endian): orange for −1, near white for 0, blue for +1, as
// TensorFlow Playground colours them.
const lut = new Uint32Array(256);
const rgb = new Array(256);
(function makeLUT() {
  const neg = [245, 147, 34], mid = [232, 234, 235], pos = [8, 119, 189];
  for (let i = 0; i < 256; i++) {
    const t = i / 255 * 2 - 1;
    const a = t < 0 ? neg : pos, s = Math.abs(t);
    const c = mid.map((m, k) => Math.round(m + (a[k] - m) * s));
    lut[i] = (255 << 24 | c[2] << 16 | c[1] << 8 | c[0]) >>> 0;
    rgb[i] = `rgb(${c[0]},${c[1]},${c[2]})`;
  }
})();

// lutIndex turns t (clamped to [−1, 1]) into an index of lut.
function lutIndex(t) {
  if (!(t > -1)) return 0; // also NaN
  if (t >= 1) return 255;
  return Math.round((t + 1) / 2 * 255);
}

// ---- Decoding ----

// decodeFrame reads one frame in the wire format of wire.go from buf, an
// ArrayBuffer, into an object of numbers and typed-array views (no copies).
function decodeFrame(buf) {
  const dv = new DataView(buf);
  const magic = String.fromCharCode(dv.getUint8(0), dv.getUint8(1), dv.getUint8(2), dv.getUint8(3));
  if (magic !== "NNF1") throw new Error("not a frame: magic " + JSON.stringify(magic));
  const j = dv.getUint32(4, true);
  const f = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, j)));
  let off = 8 + j;
  const floats = (n) => { const a = new Float32Array(buf, off, n); off += 4 * n; return a; };
  const bytes = (n) => { const a = new Uint8Array(buf, off, n); off += n; return a; };
  f.historySteps = new Uint32Array(buf, off, f.history); off += 4 * f.history;
  f.trainHistory = floats(f.history);
  f.testHistory = floats(f.history);
  f.weights = []; f.biasValues = [];
  for (let l = 0; l + 1 < f.sizes.length; l++) {
    f.weights.push(floats(f.sizes[l] * f.sizes[l + 1]));
    f.biasValues.push(floats(f.biases[l]));
  }
  f.ranges = floats(2 * (1 + f.units + f.inputs));
  f.x = floats(f.points); f.y = floats(f.points); f.label = floats(f.points);
  f.output = bytes(f.grid * f.grid);
  const g2 = f.unitGrid * f.unitGrid;
  f.unitMaps = [];
  for (let u = 0; u < f.units; u++) f.unitMaps.push(bytes(g2));
  f.inputMaps = [];
  for (let i = 0; i < f.inputs; i++) f.inputMaps.push(bytes(g2));
  f.test = bytes(f.points);
  return f;
}

// base64Bytes decodes a base64 string (a stream event's data) into a fresh ArrayBuffer.
function base64Bytes(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

// ---- Talking to the server ----

// say shows a message in the status line; an error is shown in red.
function say(text, isError) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("error", !!isError);
}

// api fetches path and returns the response, or throws an Error whose
// message is the server's (every refusal of the server is one line of
// text) and whose status is the HTTP status.
async function api(path, options) {
  const res = await fetch(path, options);
  if (!res.ok) {
    const err = new Error((await res.text()).trim() || res.statusText);
    err.status = res.status;
    throw err;
  }
  return res;
}

// restart starts the session again, from step 0 with the same setting,
// after the server dropped it for being idle too long.
async function restart() {
  await newSession(page.query);
  say("The server had dropped this session after it sat idle; it started again from step 0 with the same setting.");
}

// newSession starts a session with setting (URLSearchParams), drops the old
// one, and shows its first frame. If the server refuses the setting, the
// old session stays and the controls go back to its setting.
async function newSession(setting) {
  pause();
  page.busy = true;
  try {
    const res = await api("/api/session", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: setting.toString(),
    });
    const c = await res.json();
    if (page.id) fetch(`/api/session/${page.id}`, { method: "DELETE" });
    page.id = c.id;
    page.query = new URLSearchParams(c.query);
    page.values = c.values;
    $("about").textContent = c.about ? `Lesson ${c.values.lesson}: ${c.about}.` : "";
    page.fresh = true;
    page.firstLoss = null;
    $("command").textContent = c.command;
    $("png").href = `/api/session/${c.id}/loss.png`;
    say("");
    updateURL();
    show(decodeFrame(await (await api(`/api/session/${c.id}/frame`)).arrayBuffer()));
    if ($("inspect-box").open) inspect();
  } catch (e) {
    say(e.message, true);
  } finally {
    page.busy = false;
    setControls(page.query);
  }
}

// updateURL puts the setting (and the speed, if not the default) into the address bar.
function updateURL() {
  const q = new URLSearchParams(page.query);
  if ($("speed").value !== "10") q.set("speed", $("speed").value);
  history.replaceState(null, "", "?" + q.toString());
}

// show makes f the frame to draw next, and remembers the first loss.
function show(f) {
  if (page.firstLoss === null) page.firstLoss = f.trainLoss;
  page.latest = f;
}

// play opens the stream: frames of `speed` steps each, until pause.
function play() {
  if (page.source || !page.id || page.busy) return;
  const src = new EventSource(`/api/session/${page.id}/stream?n=${$("speed").value}`);
  src.onmessage = (ev) => show(decodeFrame(base64Bytes(ev.data)));
  src.addEventListener("failed", (ev) => { pause(); say(ev.data, true); });
  src.onerror = async () => {
    if (page.source !== src) return; // closed by pause
    pause();
    const res = await fetch(`/api/session/${page.id}/frame`);
    if (res.status === 404) { await restart(); play(); } else say("the stream ended: is the server still running?", true);
  };
  page.source = src;
  say("");
  $("play").textContent = "❚❚ Pause";
  $("play").setAttribute("aria-pressed", "true");
}

// pause closes the stream, if any, and refreshes the inspect pane.
function pause() {
  if (!page.source) return;
  page.source.close();
  page.source = null;
  $("play").textContent = "▶ Play";
  $("play").setAttribute("aria-pressed", "false");
  if ($("inspect-box").open) inspect();
}

// step runs one optimiser step and shows the frame after it.
async function step() {
  pause();
  if (!page.id) return;
  try {
    show(decodeFrame(await (await api(`/api/session/${page.id}/step?n=1`, { method: "POST" })).arrayBuffer()));
    say("");
    if ($("inspect-box").open) inspect();
  } catch (e) {
    if (e.status === 404) restart(); else say(e.message, true);
  }
}

// inspect fetches the last step's matrices into the inspect pane.
async function inspect() {
  if (!page.id) return;
  try {
    $("inspect-text").textContent = await (await api(`/api/session/${page.id}/inspect`)).text();
  } catch (e) {
    say(e.message, true);
  }
}

// ---- Controls ----

// settingInputs returns the elements that hold a key of the setting.
function settingInputs() {
  return document.querySelectorAll("#setting [name], [form=setting][name]");
}

// hidden returns the hidden layers' sizes of the current setting.
function hidden() {
  const h = page.values.hidden || "";
  return h === "" ? [] : h.split(",").map(Number);
}

// change starts a new session with key set to value. A lesson preset
// fixes its own data and network, so choosing one sends only the lesson;
// the regression curve has one input and the squared error, so choosing
// it (or leaving it) lets those fields go back to their defaults.
function change(key, value) {
  let q = new URLSearchParams(page.query);
  q.set(key, value);
  if (key === "lesson") q = new URLSearchParams({ lesson: value });
  if (key === "data" && (value === "curve" || page.query.get("data") === "curve")) {
    q.delete("x");
    q.delete("loss");
  }
  newSession(q);
}

// setControls shows the setting in the controls: each shows its field's
// value, and a field that does not apply (or that the lesson preset
// fixes), being absent from the canonical query q, is disabled.
function setControls(q) {
  const values = page.values;
  for (const el of settingInputs()) {
    const v = values[el.name] ?? "";
    if (el.type === "radio") el.checked = el.value === v;
    else el.value = v;
    el.disabled = el.name !== "lesson" && !q.has(el.name);
  }
  const x = (values.x || "").split(",");
  for (const box of document.querySelectorAll("#features input")) {
    box.checked = x.includes(box.value);
    box.disabled = !q.has("x");
  }
  const iris = (values.irisx || ",").split(",");
  $("iris-a").value = iris[0];
  $("iris-b").value = iris[1];
  $("iris-a").disabled = $("iris-b").disabled = !q.has("irisx");
  $("train-out").textContent = values.train ?? "";
  $("noise-out").textContent = values.noise ?? "";
  const h = hidden();
  $("layer-count").textContent = `${h.length} hidden layer${h.length === 1 ? "" : "s"}`;
  $("add-layer").disabled = !q.has("hidden") || h.length >= MAX_LAYERS;
  $("remove-layer").disabled = !q.has("hidden") || h.length === 0;
  unitButtons(q.has("hidden") ? h : []);
}

// unitButtons makes the +/− buttons above each hidden layer of the drawing.
// A button that had the keyboard focus has it again after the rebuild.
function unitButtons(h) {
  const box = $("unit-buttons");
  const focused = box.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  box.replaceChildren();
  const cols = columns(h.length + 2);
  h.forEach((n, l) => {
    const div = document.createElement("div");
    div.className = "units";
    div.style.left = `${cols[l + 1] - 14}px`;
    const plus = button("+", `Add a unit to hidden layer ${l + 1} (${n} now)`, n >= MAX_UNITS, () => { h[l]++; change("hidden", h.join(",")); });
    const minus = button("−", `Remove a unit from hidden layer ${l + 1} (${n} now)`, n <= 1, () => { h[l]--; change("hidden", h.join(",")); });
    plus.dataset.key = `${l}+`;
    minus.dataset.key = `${l}-`;
    const label = document.createElement("span");
    label.textContent = `${n}`;
    div.append(plus, minus, label);
    box.append(div);
  });
  if (focused) {
    const again = box.querySelector(`[data-key="${focused}"]`);
    if (again && !again.disabled) again.focus();
    else if (again) again.parentElement.querySelector("button:not(:disabled)")?.focus(); // the other of the pair
  }
}

// button returns a button showing text, labelled for screen readers.
function button(text, label, disabled, onclick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.title = label;
  b.disabled = disabled;
  b.onclick = onclick;
  return b;
}

// bind attaches the controls' handlers.
function bind() {
  for (const el of settingInputs()) {
    el.addEventListener("change", () => change(el.name, el.value));
  }
  for (const id of ["train", "noise"]) {
    const el = document.querySelector(`[name=${id}]`);
    el.addEventListener("input", () => { $(`${id}-out`).textContent = el.value; });
  }
  for (const box of document.querySelectorAll("#features input")) {
    box.addEventListener("change", () => {
      const on = [...document.querySelectorAll("#features input:checked")].map((b) => b.value);
      change("x", on.join(","));
    });
  }
  for (const id of ["iris-a", "iris-b"]) $(id).onchange = () => change("irisx", `${$("iris-a").value},${$("iris-b").value}`);
  $("add-layer").onclick = () => { const h = hidden(); h.push(2); change("hidden", h.join(",")); };
  $("remove-layer").onclick = () => { const h = hidden(); h.pop(); change("hidden", h.join(",")); };
  // A tab that closes or reloads gives its session back at once rather than after the idle time.
  window.addEventListener("pagehide", () => {
    if (page.id) fetch(`/api/session/${page.id}`, { method: "DELETE", keepalive: true });
  });
  window.addEventListener("error", (ev) => say(`page error: ${ev.message}`, true));
  $("setting").addEventListener("submit", (ev) => ev.preventDefault());
  $("play").onclick = () => (page.source ? pause() : play());
  $("step").onclick = step;
  $("reset").onclick = () => newSession(page.query);
  $("speed").onchange = () => { updateURL(); if (page.source) { pause(); play(); } };
  $("inspect").onclick = inspect;
  setInterval(() => { if (page.source && $("inspect-box").open) inspect(); }, 1000); // while playing
  $("inspect-box").addEventListener("toggle", () => { if ($("inspect-box").open) inspect(); });
  $("copy").onclick = () => navigator.clipboard.writeText($("command").textContent).then(() => say("copied"), () => say("select the text to copy it"));
  $("show-test").onchange = $("discretize").onchange = () => { page.drawn = null; };
  document.addEventListener("keydown", (ev) => {
    if (ev.target !== document.body || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === " ") { ev.preventDefault(); $("play").click(); }
    if (ev.key === "s") step();
    if (ev.key === "r") newSession(page.query);
  });
}

// ---- Drawing ----

// paint draws a side×side map of bytes onto canvas ctx at (x, y, w, h),
// colouring byte b by lut[index(lo + b/255·(hi − lo))], through a scratch canvas.
const scratch = document.createElement("canvas");
const images = new Map(); // side → the ImageData and its pixels as Uint32s, reused
function paint(ctx, bytes, side, lo, hi, index, x, y, w, h) {
  if (scratch.width !== side) scratch.width = scratch.height = side;
  const sctx = scratch.getContext("2d");
  if (!images.has(side)) {
    const img = sctx.createImageData(side, side);
    images.set(side, { img, px: new Uint32Array(img.data.buffer) });
  }
  const { img, px } = images.get(side);
  const table = new Uint32Array(256); // byte → pixel, once per map
  for (let b = 0; b < 256; b++) table[b] = lut[index(lo + b / 255 * (hi - lo))];
  for (let i = 0; i < px.length; i++) px[i] = table[bytes[i]];
  sctx.putImageData(img, 0, 0);
  ctx.drawImage(scratch, x, y, w, h);
}

// outputIndex returns the colour of an output value: the labels' range
// maps to [−1, 1]; discretized, each side of the middle gets one colour.
function outputIndex(v) {
  const [lo, hi] = page.labels;
  let t = hi > lo ? 2 * (v - lo) / (hi - lo) - 1 : 0;
  if ($("discretize").checked) t = t > 0 ? 1 : -1;
  return lutIndex(t);
}

// heatIndex returns the colour of a value of the big output map: for
// classification the output itself, as outputIndex; for regression the
// map holds ŷ − y, so zero (the learned curve) is white and the labels'
// half range is full colour.
function heatIndex(f) {
  if (!f.regression) return outputIndex;
  const half = (page.labels[1] - page.labels[0]) / 2;
  return (v) => lutIndex($("discretize").checked ? Math.sign(v) : v / half);
}

// draw puts frame f on the screen.
function draw(f) {
  if (page.fresh) {
    page.labels = [Math.min(...f.label), Math.max(...f.label)];
    if (!(page.labels[1] > page.labels[0])) page.labels = [0, 1];
    page.fresh = false;
  }
  $("epoch").textContent = f.epoch.toLocaleString("en");
  $("stepno").textContent = f.step.toLocaleString("en");
  $("train-loss").textContent = f.trainLoss === null ? "NaN" : f.trainLoss.toFixed(3);
  const hasTest = f.test.includes(1);
  $("test-loss").textContent = !hasTest ? "none (no test set)" : f.testLoss === null ? "NaN" : f.testLoss.toFixed(3);
  $("loss-name").textContent = f.lossName;
  if (f.diverged) say(f.diverged, true);
  const legend = f.regression ? ["ŷ below", "ŷ(x₁)", "ŷ above"] : ["0 / −1", "½", "1"];
  document.querySelectorAll(".legend span").forEach((el, i) => { el.textContent = legend[i]; });
  drawHeat(f);
  drawCurve(f, hasTest);
  drawNetwork(f);
}

// toCanvas returns a function from the frame's domain to canvas pixels.
function toCanvas(f, w, h) {
  const [x0, x1, y0, y1] = f.domain;
  return (x, y) => [(x - x0) / (x1 - x0) * w, (y1 - y) / (y1 - y0) * h];
}

// drawHeat draws the output map and the points on it.
function drawHeat(f) {
  const c = $("heat"), ctx = c.getContext("2d");
  ctx.imageSmoothingEnabled = !$("discretize").checked;
  paint(ctx, f.output, f.grid, f.ranges[0], f.ranges[1], heatIndex(f), 0, 0, c.width, c.height);
  const at = toCanvas(f, c.width, c.height);
  const showTest = $("show-test").checked;
  ctx.lineWidth = 1;
  for (let i = 0; i < f.points; i++) {
    if (f.test[i] && !showTest) continue;
    const [px, py] = at(f.x[i], f.y[i]);
    const [lo, hi] = page.labels;
    ctx.fillStyle = f.regression ? "#333" : rgb[lutIndex(2 * (f.label[i] - lo) / (hi - lo) - 1)];
    ctx.strokeStyle = f.test[i] ? "#000" : "#fff";
    ctx.beginPath();
    ctx.arc(px, py, 3.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

// drawCurve draws the loss histories against the step: training dark,
// test light (if there is a test set).
function drawCurve(f, hasTest) {
  const c = $("curve"), ctx = c.getContext("2d");
  ctx.clearRect(0, 0, c.width, c.height);
  const n = f.history;
  if (n < 2) return;
  let top = 0;
  for (let i = 0; i < n; i++) top = Math.max(top, f.trainHistory[i], f.testHistory[i] || 0);
  if (!(top > 0)) return;
  const last = f.historySteps[n - 1] || 1; // the x axis is the step
  const curves = hasTest ? [[f.testHistory, "#aaa"], [f.trainHistory, "#222"]] : [[f.trainHistory, "#222"]];
  for (const [hist, colour] of curves) {
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const x = f.historySteps[i] / last * c.width, y = c.height - 2 - hist[i] / top * (c.height - 4);
      if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
}

// columns returns the x of each layer's column in the network drawing.
function columns(n) {
  const w = $("net").width, node = 30, margin = 40;
  return Array.from({ length: n }, (_, i) => margin + i * (w - 2 * margin - node) / Math.max(1, n - 1));
}

// drawNetwork draws every unit as its heat map and every weight as an
// edge: blue positive, orange negative, wider for a larger |w|.
function drawNetwork(f) {
  const c = $("net"), ctx = c.getContext("2d"), node = 30;
  ctx.clearRect(0, 0, c.width, c.height);
  const cols = columns(f.sizes.length);
  const rowY = (n, i) => {
    const gap = Math.min(44, (c.height - 30) / n);
    return 30 + (c.height - 30 - gap * n) / 2 + i * gap + (gap - node) / 2;
  };
  for (let l = 0; l + 1 < f.sizes.length; l++) {
    const nin = f.sizes[l], nout = f.sizes[l + 1], w = f.weights[l];
    for (let i = 0; i < nin; i++) for (let j = 0; j < nout; j++) {
      const v = w[i * nout + j];
      const xa = cols[l] + node, ya = rowY(nin, i) + node / 2;
      const xb = cols[l + 1], yb = rowY(nout, j) + node / 2;
      ctx.strokeStyle = rgb[lutIndex(Math.max(-1, Math.min(1, v)))];
      ctx.lineWidth = Math.min(6, 0.4 + Math.abs(v) * 1.5);
      ctx.beginPath();
      ctx.moveTo(xa, ya);
      ctx.bezierCurveTo((xa + xb) / 2, ya, (xa + xb) / 2, yb, xb, yb);
      ctx.stroke();
    }
  }
  ctx.imageSmoothingEnabled = false;
  ctx.font = "11px sans-serif";
  ctx.fillStyle = "#333";
  ctx.textAlign = "right";
  for (let i = 0; i < f.sizes[0]; i++) {
    const y = rowY(f.sizes[0], i);
    if (i < f.inputs) {
      const r = 2 + 2 * f.units + 2 * i, lo = f.ranges[r], hi = f.ranges[r + 1];
      const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1; // symmetric about 0
      paint(ctx, f.inputMaps[i], f.unitGrid, lo, hi, (v) => lutIndex(v / m), cols[0], y, node, node);
    }
    ctx.strokeStyle = "#999"; ctx.lineWidth = 1;
    ctx.strokeRect(cols[0], y, node, node);
    ctx.fillText(f.inputNames[i] || `in ${i + 1}`, cols[0] - 4, y + node / 2 + 4);
  }
  let u = 0; // the unit maps come layer by layer, the output last
  for (let l = 1; l < f.sizes.length; l++) {
    for (let i = 0; i < f.sizes[l]; i++, u++) {
      const y = rowY(f.sizes[l], i);
      const last = l === f.sizes.length - 1;
      if (u < f.units) {
        paint(ctx, f.unitMaps[u], f.unitGrid, f.ranges[2 + 2 * u], f.ranges[3 + 2 * u],
          last ? outputIndex : (v) => lutIndex(v), cols[l], y, node, node);
      }
      ctx.strokeStyle = "#555"; ctx.lineWidth = 1;
      ctx.strokeRect(cols[l], y, node, node);
    }
  }
}

// animate draws the newest frame once per screen refresh, and counts the
// frames drawn in each second of play.
let second = performance.now(), count = 0;
function animate(now) {
  if (page.latest && page.latest !== page.drawn) {
    const t0 = performance.now();
    draw(page.latest);
    page.drawMs += (performance.now() - t0 - page.drawMs) / (page.draws + 1); // running mean
    page.drawn = page.latest;
    page.draws++;
    count++;
  }
  if (!page.source) { // count whole seconds of play only
    second = now;
    count = 0;
  } else if (now - second >= 1000) {
    page.fps = Math.round(count * 1000 / (now - second));
    $("fps").textContent = page.fps;
    second = now;
    count = 0;
  }
  requestAnimationFrame(animate);
}

// start reads the setting from the URL (or the default), starts its
// session, and plays if the URL says play=1.
async function start() {
  $("net").width = Math.max(400, $("network").clientWidth); // the drawing fills its column
  bind();
  const url = new URLSearchParams(location.search);
  const setting = new URLSearchParams();
  for (const [k, v] of url) if (!PAGE_KEYS.includes(k)) setting.append(k, v);
  if (url.has("speed")) $("speed").value = url.get("speed");
  if ([...setting].length === 0) for (const [k, v] of new URLSearchParams(document.body.dataset.default)) setting.append(k, v);
  requestAnimationFrame(animate);
  await newSession(setting);
  if (!page.id) { // the URL's setting was refused: say why, and start the default
    const why = $("status").textContent;
    await newSession(new URLSearchParams(document.body.dataset.default));
    say(why, true);
  }
  if (url.get("play") === "1") play();
}

start();

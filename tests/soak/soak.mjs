// Soak test (issue 9): each training screen trains live for a while; the JS heap, the wasm
// memory and the frame rate are reported at the start and the end. Not part of the default
// suite. Usage (after `trunk build --release --public-url /courses/nnp/`):
//   cd tests && node soak/soak.mjs [minutes per screen, default 10]
// The convolution painter has nothing to train: there a mouse paints strokes over the image
// the whole time. Memory is read at the start, half way and the end; the run fails if a page
// logs an error, if the JS heap grows by more than half, if the wasm memory still grows in the
// second half (it may grow while histories fill, then must stay flat), or if the frame rate
// at the end falls below half of the start (best of three 2-second windows each, so a busy
// machine does not fail it by chance). A training screen must train the whole time: every few
// seconds the soak checks that the screen's text moved on (an epoch, an update count, a loss);
// a screen that stopped by itself (backprop after its epochs, the LSTM at its target) is
// started again, and one that cannot be restarted fails the run. A screen asked for that is
// not there, or a memory that cannot be read, fails the run too.
import assert from "node:assert/strict";
import { serveDist, launchBrowser, watchedContext, DESKTOP } from "../e2e/harness.mjs";

const minutes = Number(process.argv[2] ?? 10);
const SCREENS = [
  { slug: "boundaries", start: ".bd-play", ready: ".bd-heat" },
  { slug: "lstm", start: ".lstm-train", ready: ".lstm-train" },
  { slug: "deep", start: ".deep-play:not([disabled])", ready: ".deep-play:not([disabled])" },
  { slug: "backprop", start: ".bp-train", ready: ".bp-graph-svg" },
  { slug: "conv", paint: ".conv-paint", ready: ".conv-map-0 canvas" },
];

/** The best of three samples (highest frame rate; memory from the last). Memory that cannot
 * be read is an error, not a zero that would always look flat. */
const settled = async (page) => {
  const samples = [];
  for (let k = 0; k < 3; k++) samples.push(await sample(page));
  const last = samples[2];
  if (!(last.heap > 0)) throw new Error("the JS heap size cannot be read (performance.memory)");
  if (!(last.wasm > 0)) throw new Error("the wasm memory cannot be read (TrunkApplicationStarted)");
  return { ...last, fps: Math.max(...samples.map((s) => s.fps)) };
};

/** Paints zigzag strokes over `selector` with the mouse until `ms` have passed. */
const paintFor = async (page, selector, ms) => {
  const box = await page.locator(selector).first().boundingBox();
  const end = Date.now() + ms;
  for (let stroke = 0; Date.now() < end; stroke++) {
    const y0 = box.y + box.height * (0.2 + 0.6 * ((stroke * 0.37) % 1));
    await page.mouse.move(box.x + box.width * 0.1, y0);
    await page.mouse.down();
    for (let k = 1; k <= 20; k++) {
      await page.mouse.move(box.x + box.width * (0.1 + 0.04 * k), y0 + (k % 2 ? 12 : -12));
    }
    await page.mouse.up();
  }
};

/** What the screen shows in words: it changes while a screen trains. */
const shownText = (page) => page.evaluate(() => document.querySelector("main")?.innerText ?? "");

/** Keeps a training screen training for `ms`: every 3 s its text must have moved on; if it
 * stopped by itself it is started again with `button`. Returns how often it had to be. */
const keepTraining = async (page, button, ms, log) => {
  const end = Date.now() + ms;
  let before = await shownText(page);
  while (Date.now() < end) {
    await page.waitForTimeout(3000);
    const now = await shownText(page);
    if (now === before) {
      log.restarts += 1;
      await button.click();
      await page.waitForTimeout(1000);
      const after = await shownText(page);
      if (after === now) throw new Error("the screen stopped training and Train did not start it again");
      before = after;
    } else {
      before = now;
    }
  }
};

/** Heap bytes after a full garbage collection (so only live objects count), wasm memory
 * bytes and frames per second. */
const sample = async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.detach();
  return page.evaluate(
    () =>
      new Promise((done) => {
        let frames = 0;
        const t0 = performance.now();
        const tick = () => {
          frames += 1;
          if (performance.now() - t0 < 2000) requestAnimationFrame(tick);
          else {
            const memory = window.__nnpWasm?.memory ?? null;
            done({
              heap: performance.memory?.usedJSHeapSize ?? null,
              wasm: memory ? memory.buffer.byteLength : null,
              fps: (frames * 1000) / (performance.now() - t0),
            });
          }
        };
        requestAnimationFrame(tick);
      }),
  );
};

const site = await serveDist();
const browser = await launchBrowser();
let failed = false;
const only = process.env.SOAK_SCREENS?.split(",");
const unknown = (only ?? []).filter((slug) => !SCREENS.some((s) => s.slug === slug));
if (unknown.length) {
  console.log(`no such screen to soak: ${unknown.join(", ")}`);
  failed = true;
}
for (const { slug, start, paint, ready } of SCREENS.filter((s) => !only || only.includes(s.slug))) {
  const { context, problems } = await watchedContext(browser, DESKTOP);
  // Trunk announces the instantiated module; keep it to read the wasm memory's size.
  await context.addInitScript(() =>
    addEventListener("TrunkApplicationStarted", (e) => (window.__nnpWasm = e.detail.wasm)),
  );
  const page = await context.newPage();
  await page.goto(`${site.url}#/${slug}`);
  const half = minutes * 30_000;
  const log = { restarts: 0 };
  try {
    await page.locator(ready).first().waitFor({ timeout: 60000 });
    let train;
    if (paint) {
      train = (ms) => paintFor(page, paint, ms);
    } else {
      const button = page.locator(start).first();
      await button.waitFor({ timeout: 10000 });
      await button.click();
      train = (ms) => keepTraining(page, button, ms, log);
    }
    const first = await settled(page);
    await train(half);
    const middle = await settled(page);
    await train(half);
    const last = await settled(page);
    const mb = (b) => (b / 1048576).toFixed(1);
    console.log(
      `${slug}: heap ${mb(first.heap)} → ${mb(middle.heap)} → ${mb(last.heap)} MB, ` +
        `wasm ${mb(first.wasm)} → ${mb(middle.wasm)} → ${mb(last.wasm)} MB, ` +
        `${first.fps.toFixed(0)} → ${last.fps.toFixed(0)} fps` +
        (paint ? ", painted the whole time" : `, trained the whole time (restarted ${log.restarts}×)`),
    );
    assert.deepEqual(problems, []);
    assert.ok(last.heap <= first.heap * 1.5 + 5 * 1048576, "the JS heap stays flat");
    assert.ok(last.wasm <= middle.wasm + 2 * 1048576, "the wasm memory stays flat in the second half");
    assert.ok(last.fps >= first.fps / 2, "the frame rate stays steady");
  } catch (error) {
    failed = true;
    console.log(`${slug}: ${error.message}`);
  }
  await context.close();
}
await browser.close();
await site.close();
process.exit(failed ? 1 : 0);

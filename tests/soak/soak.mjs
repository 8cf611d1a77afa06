// Soak test (issue 9): each training screen trains live for a while; the JS heap, the wasm
// memory and the frame rate are reported at the start and the end. Not part of the default
// suite. Usage (after `trunk build --release --public-url /courses/nnp/`):
//   cd tests && node soak/soak.mjs [minutes per screen, default 10]
// Fails if a page logs an error, if the heap grows by more than half, or if the frame rate
// at the end falls below half of the start.
import assert from "node:assert/strict";
import { serveDist, launchBrowser, watchedContext, DESKTOP } from "../e2e/harness.mjs";

const minutes = Number(process.argv[2] ?? 10);
const SCREENS = [
  { slug: "boundaries", start: ".bd-play", ready: ".bd-heat" },
  { slug: "lstm", start: ".lstm-train", ready: ".lstm-train" },
  { slug: "deep", start: ".deep-play:not([disabled])", ready: ".deep-play:not([disabled])" },
  { slug: "backprop", start: ".bp-train", ready: ".bp-graph-svg" },
];

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
              heap: performance.memory?.usedJSHeapSize ?? 0,
              wasm: memory ? memory.buffer.byteLength : 0,
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
for (const { slug, start, ready } of SCREENS) {
  const { context, problems } = await watchedContext(browser, DESKTOP);
  // Trunk announces the instantiated module; keep it to read the wasm memory's size.
  await context.addInitScript(() =>
    addEventListener("TrunkApplicationStarted", (e) => (window.__nnpWasm = e.detail.wasm)),
  );
  const page = await context.newPage();
  await page.goto(`${site.url}#/${slug}`);
  await page.locator(ready).first().waitFor();
  const button = page.locator(start).first();
  if (!(await button.count())) {
    console.log(`${slug}: no ${start} button, skipped`);
    await context.close();
    continue;
  }
  await button.click();
  const first = await sample(page);
  await page.waitForTimeout(minutes * 60_000);
  const last = await sample(page);
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(
    `${slug}: heap ${mb(first.heap)} → ${mb(last.heap)} MB, wasm ${mb(first.wasm)} → ${mb(last.wasm)} MB, ` +
      `${first.fps.toFixed(0)} → ${last.fps.toFixed(0)} fps`,
  );
  try {
    assert.deepEqual(problems, []);
    assert.ok(last.heap <= first.heap * 1.5 + 5 * 1048576, "the JS heap stays flat");
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

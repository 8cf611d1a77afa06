// The LSTM screen as a student uses it: switch the cell (RNN → LSTM → GRU) on the same
// input, scrub time, read a gate value off the page and check it is in [0, 1], click a
// heatmap cell and read its equations with numbers, train until the target, type a bad
// sequence, and check the phone layout does not scroll sideways.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

let site;
let browser;
before(async () => {
  site = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(kind) {
  const { context, problems } = await watchedContext(browser, kind);
  const page = await context.newPage();
  await page.goto(`${site.url}#/lstm`);
  await page.locator(".lstm-band-map canvas").first().waitFor();
  return { context, problems, page };
}

/** A value written on the page as text, with a true minus sign. */
const number = (text) => Number(text.trim().replace("−", "-"));

/** Sets the time slider to step `t` (1-based) as a drag would. */
async function scrubTo(page, t) {
  await page.locator(".lstm-time").evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, t);
  await page.waitForFunction((v) => document.querySelector(".lstm-now-t")?.textContent.startsWith(`t = ${v} `), t);
}

test("switch variants, scrub time, read gates in [0, 1], click a cell for its equations", async () => {
  const { context, problems, page } = await open(DESKTOP);
  const input = await page.locator(".lstm-sequence").inputValue();

  await page.locator(".lstm-variant-rnn").click();
  await page.waitForFunction(() => document.querySelector(".lstm-diagram-rnn"));
  assert.equal(await page.locator(".lstm-band").count(), 3, "RNN: input, h, output");
  assert.equal(await page.locator(".lstm-sequence").inputValue(), input, "same input");

  await page.locator(".lstm-variant-lstm").click();
  await page.waitForFunction(() => document.querySelector(".lstm-diagram-lstm"));
  assert.equal(await page.locator(".lstm-band").count(), 8, "LSTM: input, f i C̃ C o h, output");
  await scrubTo(page, 3);
  const forget = number(await page.locator('.lstm-band-value[data-q="f"]').textContent());
  assert.ok(forget >= 0 && forget <= 1, `f_t = ${forget} lies in [0, 1]`);
  const diagramF = number(await page.locator(".lstm-layer-f .lstm-layer-value").textContent());
  assert.equal(diagramF, forget, "the diagram shows the same f_t");
  await screenshot(page, "desktop-lstm.png");

  // Click unit 3 at step 5 of the output-gate band: the equations follow.
  const band = page.locator(".lstm-band-o .lstm-band-map");
  await band.scrollIntoViewIfNeeded();
  const box = await band.boundingBox();
  const steps = Number(await page.locator(".lstm-time").getAttribute("max"));
  await page.mouse.click(box.x + box.width * (4.5 / steps), box.y + box.height * (2.5 / 8));
  await page.waitForFunction(() => document.querySelector(".lstm-eq-head h2")?.textContent.includes("unit 3 at t = 5"));
  const line = page.locator('.lstm-eq.picked[data-q="o"]');
  assert.match(await line.locator(".lstm-eq-formula").textContent(), /o_t = σ\(W_o·\[h_\{t−1\}, x_t\] \+ b_o\)/);
  const numbers = await line.locator(".lstm-eq-numbers").textContent();
  assert.match(numbers, /^= σ\(−?\d\.\d{3} [+−] \d\.\d{3} [+−] \d\.\d{3}\) = σ\(−?\d\.\d{3}\) = \d\.\d{3}$/);
  const o = number(await line.locator(".lstm-eq-value").textContent());
  assert.ok(o >= 0 && o <= 1, `o_t = ${o}`);
  assert.equal(number(await page.locator('.lstm-band-value[data-q="o"]').textContent()), o);
  await page.locator(".lstm-equations").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-lstm-equations.png");

  await page.locator(".lstm-variant-gru").click();
  await page.waitForFunction(() => document.querySelector(".lstm-diagram-gru"));
  const z = number(await page.locator('.lstm-band-value[data-q="z"]').textContent());
  assert.ok(z >= 0 && z <= 1, `z_t = ${z}`);
  assert.equal(await page.locator(".lstm-sequence").inputValue(), input, "still the same input");
  assert.deepEqual(problems, []);
  await context.close();
});

test("training the LSTM reaches the target, and a typo keeps the old sequence", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".lstm-train").click();
  await page.waitForFunction(() => document.querySelector(".lstm-variant-lstm .lstm-variant-badge")?.textContent.startsWith("✓"), null, { timeout: 60000 });
  assert.match(await page.locator(".lstm-notice").textContent(), /LSTM reached the target after \d+ updates/);
  assert.equal(await page.locator(".lstm-train").textContent(), "▶ Train", "training paused at the target");
  await screenshot(page, "desktop-lstm-trained.png");

  const before = await page.locator(".lstm-sequence").inputValue();
  await page.locator(".lstm-sequence").fill("AEZ");
  await page.locator(".lstm-sequence").press("Enter");
  await page.locator(".lstm-sequence").blur();
  await page.waitForFunction(() => document.querySelector(".lstm-notice.notice-error"));
  assert.match(await page.locator(".lstm-notice").textContent(), /“Z” at position 3/);
  assert.equal(Number(await page.locator(".lstm-time").getAttribute("max")), before.length, "old sequence stays");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: nothing overflows sideways, the diagram and bands are readable", async () => {
  const { context, problems, page } = await open(PHONE);
  await screenshot(page, "phone-lstm.png");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.locator(".lstm-heat-panel").scrollIntoViewIfNeeded();
  await screenshot(page, "phone-lstm-heatmaps.png");
  await page.locator(".lstm-compare").scrollIntoViewIfNeeded();
  await screenshot(page, "phone-lstm-compare.png");
  assert.deepEqual(problems, []);
  await context.close();
});

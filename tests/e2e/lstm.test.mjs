// The LSTM screen as a student uses it: switch the cell (RNN → LSTM → GRU) on the same
// input, scrub time, read a gate value off the page and check it is in [0, 1], click a
// heatmap cell and read its equations with numbers, train until the target, race RNN, LSTM
// and GRU at the defaults, type a bad sequence, and check the phone layout does not scroll
// sideways.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

async function open(kind) {
  const { context, problems } = await watchedContext(env.browser, kind);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/lstm`);
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
  await page.waitForFunction(() => document.querySelector(".lstm-variant-lstm .lstm-variant-badge")?.textContent.startsWith("✓"), null, { timeout: 120000 });
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

test("the race at the defaults: LSTM and GRU reach the target, the plain RNN stays near chance", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".lstm-compare-run").scrollIntoViewIfNeeded();
  const started = Date.now();
  await page.locator(".lstm-compare-run").click();
  await page.waitForFunction(() => document.querySelector(".lstm-race-outcome")?.dataset.finished === "true", null, { timeout: 180000 });
  const seconds = (Date.now() - started) / 1000;
  const lanes = await page.locator(".lstm-race-lane").evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.variant, { accuracy: Number(r.dataset.accuracy), updates: r.dataset.updates }])));
  assert.deepEqual(Object.keys(lanes), ["rnn", "lstm", "gru"]);
  for (const v of ["lstm", "gru"]) {
    assert.match(lanes[v].updates, /^\d+$/, `${v} reached the target: ${JSON.stringify(lanes)}`);
    assert.ok(lanes[v].accuracy >= 0.9, `${v} is right on fresh sequences: ${JSON.stringify(lanes)}`);
  }
  assert.equal(lanes.rnn.updates, "", "the plain RNN never reaches the target");
  assert.ok(lanes.rnn.accuracy <= 0.4, `the plain RNN stays near chance (25%): ${lanes.rnn.accuracy}`);
  const winner = await page.locator(".lstm-race-outcome").getAttribute("data-winner");
  assert.ok(["lstm", "gru"].includes(winner), `winner ${winner}`);
  assert.match(await page.locator(".lstm-race-outcome").textContent(), /(LSTM|GRU) won: it reached the target after \d+ updates\. The RNN stayed near chance/);
  // Reported, not asserted: a duration belongs to benchmarks, never to a pass/fail (the
  // issue's "about 60 s on a laptop" is met by a wide margin: ~3 s here).
  console.log(`# race at the defaults: ${seconds.toFixed(1)} s, ${JSON.stringify(lanes)}`);
  await screenshot(page, "desktop-lstm-race.png");
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

/** What a student would compare between two screens showing the same run. */
async function lstmState(page) {
  return {
    badges: await page.locator(".lstm-variant-badge").allTextContents(),
    active: await page.locator(".lstm-variant.active .lstm-variant-name").textContent(),
    updates: await page.locator(".lstm-updates .lstm-stat-value").textContent(),
    loss: await page.locator(".lstm-loss .lstm-stat-value").textContent(),
    accuracy: await page.locator(".lstm-accuracy .lstm-stat-value").textContent(),
    task: await page.locator(".lstm-task-select").inputValue(),
    distance: (await page.locator(".lstm-distance").count()) ? await page.locator(".lstm-distance").inputValue() : null,
    sequence: await page.locator(".lstm-sequence").inputValue(),
    time: await page.locator(".lstm-time").inputValue(),
    bands: await page.locator(".lstm-band-value").allTextContents(),
    equations: await page.locator(".lstm-eq-numbers").allTextContents(),
  };
}

async function notReplaying(page) {
  await page.locator(".lstm-band-map canvas").first().waitFor();
  await page.waitForFunction(() => !document.querySelector(".lstm-replay"), null, { timeout: 120000 });
}

test("the share link opens the same cells, training, sequence and time step elsewhere", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".lstm-distance").selectOption("30");
  await page.locator(".lstm-sequence").fill("BEFGHIJKLEFGH");
  await page.locator(".lstm-sequence").press("Enter");
  await page.waitForFunction(() => document.querySelector(".lstm-time")?.max === "13");
  await page.locator(".lstm-variant-gru").click();
  for (let k = 0; k < 3; k++) await page.locator(".lstm-step").click();
  // The plain RNN does not reach the target at distance 30: it trains until paused.
  await page.locator(".lstm-variant-rnn").click();
  await page.locator(".lstm-train").click();
  await page.waitForFunction(() => Number(document.querySelector(".lstm-updates .lstm-stat-value").textContent) >= 30);
  await page.locator(".lstm-train").click(); // pause: the address bar now holds the run
  assert.equal(await page.locator(".lstm-train").textContent(), "▶ Train");
  await scrubTo(page, 7);
  const original = await lstmState(page);
  const link = page.url();
  assert.match(link, /#\/lstm\?v=rnn&task=remember&dist=30&.*seq=BEFGHIJKLEFGH&u=\d+\.0\.0\.0\.3&t=6/);
  assert.ok(link.length < 2000, "a link, not a file");

  const fresh = await watchedContext(env.browser, DESKTOP);
  const other = await fresh.context.newPage();
  // A short run replays in a frame or two, faster than a test can poll: the page itself
  // records the replay status the moment it appears.
  await other.addInitScript(() => {
    new MutationObserver(() => {
      const text = document.querySelector(".lstm-replay")?.textContent;
      if (text && !window.__replayStatus) window.__replayStatus = text;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await other.goto(link);
  const status = await other.waitForFunction(() => window.__replayStatus);
  assert.match(await status.jsonValue(), /Replaying the shared run: update \d+ of \d+/);
  await screenshot(other, "desktop-lstm-replaying.png");
  await notReplaying(other);
  assert.deepEqual(await lstmState(other), original);
  await screenshot(other, "desktop-lstm-shared.png");

  // A tampered link opens, names what it could not use and keeps the rest.
  await other.goto(`${env.site.url}#/lstm?v=gru&h=99&lr=fast&u=1`);
  await other.reload();
  await other.locator(".lstm-notice").waitFor();
  assert.match(await other.locator(".lstm-notice-text").textContent(), /\(h, lr, u\)/);
  assert.equal(await other.locator(".lstm-variant.active .lstm-variant-name").textContent(), "GRU");
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the state survives a reload without the link, and a saved file opens it again", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".lstm-task-select").selectOption("text");
  const text = "hello world, hold the word. ";
  await page.locator(".lstm-text").fill(text);
  await page.locator(".lstm-text").blur();
  await page.waitForFunction(() => document.querySelector(".lstm-sequence")?.value.length === 24);
  for (let k = 0; k < 2; k++) await page.locator(".lstm-step").click();
  await page.waitForFunction(() => document.querySelector(".lstm-updates .lstm-stat-value").textContent === "2");
  const original = await lstmState(page);

  // Opening the screen again without any link brings back what this browser remembered.
  await page.goto(`${env.site.url}#/`);
  await page.goto(`${env.site.url}#/lstm`);
  await page.reload();
  await notReplaying(page);
  assert.equal(await page.locator(".lstm-text").inputValue(), text);
  assert.deepEqual(await lstmState(page), original);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".state-save").click()]);
  const saved = await download.path();

  const fresh = await watchedContext(env.browser, PHONE);
  const other = await fresh.context.newPage();
  await other.goto(`${env.site.url}#/lstm`);
  await other.locator(".lstm-band-map canvas").first().waitFor();
  assert.notEqual(await other.locator(".lstm-sequence").inputValue(), original.sequence);
  await other.locator(".state-open input").setInputFiles(saved);
  await notReplaying(other);
  await other.waitForFunction((u) => document.querySelector(".lstm-updates .lstm-stat-value").textContent === u, original.updates);
  assert.deepEqual(await lstmState(other), original);
  assert.equal(await other.locator(".lstm-text").inputValue(), text);
  // A file that is not ours is refused with a message; the state stays.
  await other.locator(".state-open input").setInputFiles({ name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await other.locator(".file-error").waitFor();
  assert.deepEqual(await lstmState(other), original);
  await screenshot(other, "phone-lstm-opened.png");
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

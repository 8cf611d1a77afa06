// The CNN screen as a student uses it: wait for the digits, press Train and let the default
// budget of epochs run out by itself, read the test accuracy; draw a "1" with the mouse and
// see the network read it; the same page on a phone without sideways scrolling.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

async function open(kind) {
  const { context, problems } = await watchedContext(env.browser, kind);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/cnn`);
  await page.locator(".cnn-kernel").first().waitFor({ timeout: 120000 });
  return { context, problems, page };
}

const probabilities = (page) =>
  page.$$eval(".cnn-prob", (bars) => bars.map((b) => [Number(b.dataset.class), Number(b.dataset.probability)]));

/** A vertical stroke down the middle of the draw box, drawn with the mouse. */
async function drawOne(page) {
  const box = await page.locator(".cnn-draw-box").boundingBox();
  const x = box.x + box.width * 0.5;
  await page.mouse.move(x, box.y + box.height * 0.1);
  await page.mouse.down();
  for (let k = 1; k <= 16; k++) {
    await page.mouse.move(x, box.y + box.height * (0.1 + 0.05 * k));
  }
  await page.mouse.up();
}

test("desktop: Train runs to the budget, the test accuracy is high, a drawn 1 is read as 1", async () => {
  const { context, problems, page } = await open(DESKTOP);
  assert.equal(await page.locator("main h1").textContent(), "A CNN that learns digits");
  assert.match(await page.locator(".cnn-credit").textContent(), /Alpaydin & C\. Kaynak, 1998, CC BY 4\.0/);
  assert.equal(await page.locator(".cnn-matrix .cnn-cell").count(), 100);
  await screenshot(page, "desktop-cnn-start.png");

  const started = Date.now();
  await page.locator(".cnn-play").click();
  await page.waitForFunction(
    () => Number(document.querySelector(".cnn-status")?.dataset.epoch) >= 1,
    null,
    { timeout: 120000 },
  );
  const epochMs = Date.now() - started;
  console.log(`first epoch(s) in Chromium: ${epochMs} ms`);
  await screenshot(page, "desktop-cnn-training.png");
  await page.waitForFunction(
    () => {
      const s = document.querySelector(".cnn-status")?.dataset;
      return s && s.epoch === "10" && s.running === "false";
    },
    null,
    { timeout: 240000 },
  );
  console.log(`10 epochs in Chromium: ${Date.now() - started} ms`);
  assert.match(await page.locator(".cnn-done").textContent(), /Training stopped by itself/);
  const accuracy = Number(await page.locator(".cnn-test-accuracy").getAttribute("data-accuracy"));
  assert.ok(accuracy >= 0.9, `test accuracy ${accuracy}`);
  const diagonal = await page.$$eval(".cnn-diagonal", (cells) => cells.reduce((n, c) => n + Number(c.dataset.count), 0));
  const all = await page.$$eval(".cnn-cell", (cells) => cells.reduce((n, c) => n + Number(c.dataset.count), 0));
  assert.ok(Math.abs(diagonal / all - accuracy) < 1e-3, "the matrix agrees with the accuracy");
  assert.match(page.url(), /u=\d+/, "the link holds the updates done");
  await screenshot(page, "desktop-cnn-trained.png");

  await drawOne(page);
  await page.waitForFunction(() => document.querySelector(".cnn-draw-result")?.dataset.predicted !== "");
  const predicted = await page.locator(".cnn-draw-result").getAttribute("data-predicted");
  assert.match(predicted, /^[0-9]$/);
  const p = await probabilities(page);
  assert.equal(p.length, 10);
  assert.ok(Math.abs(p.reduce((s, [, v]) => s + v, 0) - 1) < 1e-3, `probabilities ${JSON.stringify(p)}`);
  assert.equal(predicted, "1", "a clean vertical bar is a one");
  assert.match(await page.locator(".cnn-showing").textContent(), /your drawing/);
  await screenshot(page, "desktop-cnn-drawn.png");
  await page.locator(".cnn-confusion").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-cnn-confusion.png");

  // The link replays the same run to the same point.
  const link = page.url();
  const again = await context.newPage();
  await again.goto(link);
  await again.waitForFunction(
    (want) => document.querySelector(".cnn-test-accuracy")?.dataset.accuracy === want
      && !document.querySelector(".cnn-replay"),
    String(await page.locator(".cnn-test-accuracy").getAttribute("data-accuracy")),
    { timeout: 120000 },
  );
  await again.close();

  await page.getByRole("button", { name: "中文" }).click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "会学习的卷积网络（手写数字）");
  await page.locator("main h1").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-cnn-zh.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: steps, draws with a finger's box, and never scrolls sideways", async () => {
  const { context, problems, page } = await open(PHONE);
  await screenshot(page, "phone-cnn-top.png");
  await page.locator(".cnn-step").click();
  await page.waitForFunction(() => document.querySelector(".cnn-status")?.dataset.updates === "1");
  for (const panel of [".cnn-network", ".cnn-draw", ".cnn-loss", ".cnn-confusion", ".cnn-settings"]) {
    await page.locator(panel).scrollIntoViewIfNeeded();
    await screenshot(page, `phone-cnn-${panel.slice(5)}.png`);
  }
  assert.equal(
    await page.locator(".cnn-draw-box").evaluate((el) => getComputedStyle(el).touchAction),
    "none",
  );
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).touchAction), "auto");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a malformed link gets a note, not a broken page", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/cnn?seed=x&lr=-3&u=abc&batch=7`);
  await page.locator(".cnn-kernel").first().waitFor({ timeout: 120000 });
  const note = await page.locator(".cnn-link-notice").textContent();
  assert.match(note, /seed, lr, u, batch/);
  assert.equal(await page.locator(".cnn-status").getAttribute("data-updates"), "0");
  assert.deepEqual(problems, []);
  await context.close();
});

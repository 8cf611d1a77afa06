// Deep networks as a student uses them: wait for the digits, pretrain layer 1 and watch the
// feature images change, stack it and pretrain layer 2, fine-tune and see both accuracy
// curves; the same on a phone without sideways scrolling; a missing data file explained.
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

const pixels = (page, selector) =>
  page.$eval(selector, (c) => Array.from(c.getContext("2d").getImageData(0, 0, c.width, c.height).data));

const differing = (a, b) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

async function open(kind) {
  const { context, problems } = await watchedContext(browser, kind);
  const page = await context.newPage();
  await page.goto(`${site.url}#/deep`);
  await page.locator(".deep-feature-grid").waitFor({ timeout: 20000 });
  return { context, problems, page };
}

/** Trains for `ms` with the Train button, then pauses. */
async function train(page, ms) {
  await page.locator(".deep-play").click();
  await page.waitForTimeout(ms);
  await page.locator(".deep-play").click();
  await page.waitForFunction(() => !document.querySelector(".deep-play")?.classList.contains("active"));
}

test("desktop: pretrain two layers, watch the features change, then fine-tune", async () => {
  const { context, problems, page } = await open(DESKTOP);
  assert.equal(await page.locator("main h1").textContent(), "Deep networks, layer by layer");
  assert.match(await page.locator(".deep-labels-readout").textContent(), /^100 labels of 1,297 training images/);
  assert.match(await page.locator(".deep-credit").textContent(), /UCI optdigits, Alpaydin & Kaynak, CC BY 4\.0/);

  const first = await pixels(page, ".deep-feature-grid");
  await train(page, 1500);
  const trained = await pixels(page, ".deep-feature-grid");
  assert.ok(differing(first, trained) > 1000, "layer 1's feature images changed while training");
  const status = await page.locator(".deep-status").textContent();
  const steps = Number(status.match(/Layer 1: ([\d,]+) steps/)[1].replace(/,/g, ""));
  assert.ok(steps >= 100, `only ${steps} steps in 1.5 s`);
  await screenshot(page, "desktop-deep-layer1.png");

  await page.getByRole("button", { name: /pretrain layer 2/ }).click();
  await page.locator('.deep-feature-grid[data-layer="2"]').waitFor();
  assert.match(await page.locator(".deep-now").textContent(), /Pretrain layer 2/);
  assert.equal(await page.locator(".deep-frozen").count(), 1);
  const second = await pixels(page, ".deep-feature-grid");
  await train(page, 1500);
  assert.ok(differing(second, await pixels(page, ".deep-feature-grid")) > 200, "layer 2's features changed");

  await page.getByRole("button", { name: /fine-tune with labels/ }).click();
  await page.locator(".deep-race").getByText("Appears when").waitFor({ state: "detached" });
  await train(page, 2500);
  await page.locator(".deep-accuracy").waitFor();
  const readout = await page.locator(".deep-accuracy").textContent();
  const [, pre, rand] = readout.match(/pretrained ([\d.]+)% · random init ([\d.]+)%/);
  assert.ok(Number(pre) > 50, `pretrained accuracy ${pre}%`);
  assert.ok(Number(rand) >= 0);
  const chart = await pixels(page, ".deep-race canvas");
  const blue = chart.filter((_, i) => i % 4 === 0 && chart[i] < 60 && chart[i + 2] > 160).length;
  const orange = chart.filter((_, i) => i % 4 === 0 && chart[i] > 190 && chart[i + 2] < 60).length;
  assert.ok(blue > 50 && orange > 50, `both accuracy curves drawn (${blue} blue, ${orange} orange px)`);
  await page.locator(".deep-race").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-deep-finetune.png");
  await page.locator(".deep-projection").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-deep-projection.png");

  await page.getByRole("button", { name: "中文" }).click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "深度网络：逐层预训练");
  assert.match(await page.locator(".deep-accuracy").textContent(), /步后：预训练 [\d.]+% · 随机初始化/);
  await page.locator("main h1").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-deep-zh.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: trains, reads, and never scrolls sideways", async () => {
  const { context, problems, page } = await open(PHONE);
  await screenshot(page, "phone-deep-top.png");
  await train(page, 1000);
  for (const panel of [".deep-recon", ".deep-features", ".deep-loss", ".deep-settings", ".deep-projection"]) {
    await page.locator(panel).scrollIntoViewIfNeeded();
    await screenshot(page, `phone-deep-${panel.slice(6)}.png`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a missing data file is explained, and Try again loads it", async () => {
  const { context, problems } = await watchedContext(browser, DESKTOP);
  const page = await context.newPage();
  let fail = true;
  await page.route("**/data/digits.csv", (route) =>
    fail ? route.fulfill({ status: 404, body: "gone" }) : route.continue());
  await page.goto(`${site.url}#/deep`);
  await page.locator(".deep-load-error").waitFor();
  assert.match(await page.locator(".deep-load-error").textContent(), /server answered 404/);
  await screenshot(page, "desktop-deep-error.png");
  fail = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await page.locator(".deep-feature-grid").waitFor();
  const unexpected = problems.filter((p) => !p.includes("404"));
  assert.deepEqual(unexpected, []);
  await context.close();
});

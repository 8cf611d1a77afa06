// Deep networks as a student uses them: wait for the digits, pretrain layer 1 and watch the
// feature images change, stack it and pretrain layer 2, fine-tune and see both accuracy
// curves; the default race run to its end with pretraining ahead by 10 points, read from
// the result hooks; "Stack it" before any step explained; the same on a phone without
// sideways scrolling; a missing data file explained.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

const pixels = (page, selector) =>
  page.$eval(selector, (c) => Array.from(c.getContext("2d").getImageData(0, 0, c.width, c.height).data));

const differing = (a, b) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

async function open(kind) {
  const { context, problems } = await watchedContext(env.browser, kind);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/deep`);
  await page.locator(".deep-feature-grid").waitFor({ timeout: 120000 });
  return { context, problems, page };
}

/** Trains with the Train button until the status shows at least `steps` steps (or the run
 * has finished at its fine-tuning budget), then pauses. Waits on the work done, not on the
 * clock, so a slow machine only takes longer. */
async function train(page, steps) {
  await page.locator(".deep-play").click();
  await page.waitForFunction(
    (n) => {
      const status = document.querySelector(".deep-status");
      const m = status?.textContent.match(/([\d,]+) steps/);
      return status?.classList.contains("deep-finished") || (m && Number(m[1].replace(/,/g, "")) >= n);
    },
    steps,
    { timeout: 120000 },
  );
  // Pauses unless the run has just ended at its budget (checked and clicked in one go, as
  // the last steps may finish while a click waits).
  await page.evaluate(() => document.querySelector(".deep-play.active")?.click());
  await page.waitForFunction(() => !document.querySelector(".deep-play")?.classList.contains("active"));
}

/** Both nets' results as the hooks give them. */
async function results(page) {
  const read = async (variant) => {
    const el = page.locator(`.deep-result[data-variant="${variant}"]`);
    return { accuracy: Number(await el.getAttribute("data-accuracy")), updates: Number(await el.getAttribute("data-updates")) };
  };
  return { pretrained: await read("pretrained"), random: await read("random") };
}

test("desktop: pretrain two layers, watch the features change, then fine-tune", async () => {
  const { context, problems, page } = await open(DESKTOP);
  assert.equal(await page.locator("main h1").textContent(), "Deep networks, layer by layer");
  assert.match(await page.locator(".deep-labels-readout").textContent(), /^30 labels of 1,297 training images/);
  assert.match(await page.locator(".deep-credit").textContent(), /UCI optdigits, Alpaydin & Kaynak, CC BY 4\.0/);
  // Two hidden layers, so that the second stacking goes to fine-tuning.
  await page.locator(".deep-depth").selectOption("2");
  await page.locator(".deep-labels").selectOption("10");

  const first = await pixels(page, ".deep-feature-grid");
  await train(page, 300);
  const trained = await pixels(page, ".deep-feature-grid");
  assert.ok(differing(first, trained) > 1000, "layer 1's feature images changed while training");
  assert.match(await page.locator(".deep-status").textContent(), /Layer 1: [\d,]+ steps/);
  await screenshot(page, "desktop-deep-layer1.png");

  await page.getByRole("button", { name: /pretrain layer 2/ }).click();
  await page.locator('.deep-feature-grid[data-layer="2"]').waitFor();
  assert.match(await page.locator(".deep-now").textContent(), /Pretrain layer 2/);
  assert.equal(await page.locator(".deep-frozen").count(), 1);
  const second = await pixels(page, ".deep-feature-grid");
  await train(page, 300);
  assert.ok(differing(second, await pixels(page, ".deep-feature-grid")) > 200, "layer 2's features changed");

  await page.getByRole("button", { name: /fine-tune with labels/ }).click();
  await page.locator(".deep-race").getByText("Appears when").waitFor({ state: "detached" });
  await train(page, 200);
  await page.locator(".deep-accuracy").waitFor();
  const readout = await page.locator(".deep-accuracy").textContent();
  const [, pre, rand] = readout.match(/pretrained ([\d.]+)% · random init ([\d.]+)%/);
  assert.ok(Number(pre) > 50, `pretrained accuracy ${pre}%`);
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

test("the default race runs to its budget by itself and pretraining wins by 10 points", async () => {
  const { context, problems, page } = await open(DESKTOP);
  assert.match(await page.locator(".deep-why").first().textContent(), /deep stack of sigmoid units/);
  const started = Date.now();
  await page.locator(".deep-play").click();
  await page.locator(".deep-status.deep-finished").waitFor({ timeout: 180000 });
  const seconds = (Date.now() - started) / 1000;
  assert.match(await page.locator(".deep-status").textContent(), /^Finished: both nets had the same 300 fine-tuning steps/);
  assert.ok(await page.locator(".deep-play").isDisabled(), "nothing left to train");
  assert.equal(await page.locator(".deep-frozen").count(), 0);
  const { pretrained, random } = await results(page);
  assert.equal(pretrained.updates, 300);
  assert.equal(random.updates, 300);
  assert.ok(pretrained.accuracy >= random.accuracy + 0.1,
    `pretrained ${pretrained.accuracy} vs random init ${random.accuracy} (${seconds.toFixed(0)} s)`);
  assert.match(await page.locator(".deep-verdict").textContent(), /^Pretraining is ahead by [\d.]+ points/);
  await page.locator(".deep-race").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-deep-race-finished.png");
  await page.getByRole("button", { name: "中文" }).click();
  await page.waitForFunction(() => document.querySelector(".deep-status")?.textContent.startsWith("完成"));
  assert.match(await page.locator(".deep-verdict").textContent(), /^预训练的测试准确率领先/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Stack it before any pretraining step says what it needs and stacks nothing", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.getByRole("button", { name: /pretrain layer 2/ }).click();
  await page.locator(".deep-pretrain-first").waitFor();
  assert.match(await page.locator(".deep-pretrain-first").textContent(), /Layer 1 has not been trained yet/);
  assert.match(await page.locator(".deep-now").textContent(), /Pretrain layer 1/);
  await page.locator(".deep-steps").click();
  await page.locator(".deep-pretrain-first").waitFor({ state: "detached" });
  await page.getByRole("button", { name: /pretrain layer 2/ }).click();
  await page.waitForFunction(() => document.querySelector(".deep-now")?.textContent.includes("Pretrain layer 2"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: trains, reads, and never scrolls sideways", async () => {
  const { context, problems, page } = await open(PHONE);
  await screenshot(page, "phone-deep-top.png");
  await train(page, 200);
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
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  let fail = true;
  await page.route("**/data/digits.csv", (route) =>
    fail ? route.fulfill({ status: 404, body: "gone" }) : route.continue());
  await page.goto(`${env.site.url}#/deep`);
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

/** What a student would compare between two screens showing the same experiment. */
async function deepState(page) {
  return {
    status: await page.locator(".deep-status").textContent(),
    labels: await page.locator(".deep-labels-readout").textContent(),
    accuracy: (await page.locator(".deep-accuracy").count()) ? await page.locator(".deep-accuracy").textContent() : null,
    how: await page.locator(".deep-how").inputValue(),
    random: await page.locator(".deep-show-random").getAttribute("aria-pressed"),
    features: await pixels(page, ".deep-feature-grid"),
    digits: await pixels(page, ".deep-recon canvas"),
    plane: await pixels(page, ".deep-plane"),
  };
}

async function settled(page) {
  await page.locator(".deep-feature-grid").waitFor({ timeout: 120000 });
  await page.waitForFunction(() => !document.querySelector(".deep-replay"), null, { timeout: 120000 });
}

test("the share link opens the same experiment, replayed to the same phase and step", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".deep-depth").selectOption("2");
  await page.locator(".deep-labels").selectOption("5");
  await train(page, 600);
  await page.getByRole("button", { name: /pretrain layer 2/ }).click();
  await train(page, 400);
  await page.getByRole("button", { name: /fine-tune with labels/ }).click();
  await train(page, 200);
  await page.locator(".deep-show-random").click();
  const original = await deepState(page);
  const link = page.url();
  assert.match(link, /#\/deep\?hidden=32\.32&labels=5&pr=0\.05&fr=0\.1&ft=whole&s=\d+\.\d+\.\d+&proj=1$/);

  const fresh = await watchedContext(env.browser, DESKTOP);
  const other = await fresh.context.newPage();
  await other.goto(link);
  await other.locator(".deep-replay").waitFor({ timeout: 120000 });
  await screenshot(other, "desktop-deep-replaying.png");
  await settled(other);
  assert.deepEqual(await deepState(other), original);
  await screenshot(other, "desktop-deep-shared.png");

  // A tampered link opens, names what it could not use and keeps the rest.
  // (No `hidden`: an old link, the 64 → 32 → 16 → 10 net, so five phases do not fit.)
  await other.goto(`${env.site.url}#/deep?labels=7&fr=0.3&s=1.2.3.4.5`);
  await other.reload();
  await other.locator(".deep-link-notice").waitFor();
  assert.match(await other.locator(".deep-link-notice").textContent(), /\(labels, s\)/);
  assert.equal(await other.locator(".deep-rate-fine input").inputValue(), "0.3");
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the experiment survives a reload without the link, and a saved file opens it again", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".deep-how").selectOption("output");
  await page.locator(".deep-steps").click();
  await page.getByRole("button", { name: /pretrain layer 2/ }).click();
  await page.locator(".deep-steps").click();
  await page.waitForFunction(() => document.querySelector(".deep-status")?.textContent.startsWith("Layer 2: 100 steps"));
  const original = await deepState(page);

  await page.goto(`${env.site.url}#/`);
  await page.goto(`${env.site.url}#/deep`);
  await page.reload();
  await settled(page);
  assert.deepEqual(await deepState(page), original);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".state-save").click()]);
  const saved = await download.path();

  const fresh = await watchedContext(env.browser, DESKTOP);
  const other = await fresh.context.newPage();
  await other.goto(`${env.site.url}#/deep`);
  await other.locator(".deep-feature-grid").waitFor({ timeout: 120000 });
  assert.notEqual(await other.locator(".deep-status").textContent(), original.status);
  await other.locator(".state-open input").setInputFiles(saved);
  await other.waitForFunction((s) => document.querySelector(".deep-status")?.textContent === s, original.status, { timeout: 120000 });
  await settled(other);
  assert.deepEqual(await deepState(other), original);
  await other.locator(".state-open input").setInputFiles({ name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("nnp-playground 1\n#/lstm?v=gru\n") });
  await other.locator(".file-error").waitFor();
  assert.match(await other.locator(".file-error").textContent(), /lstm/);
  assert.deepEqual(await deepState(other), original);
  await screenshot(other, "desktop-deep-opened.png");
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

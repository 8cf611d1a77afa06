// Weights files in the browser (its own JSON.stringify and JSON.parse): on the decision
// boundaries, LSTM and deep screens, "Save weights (JSON)" then "Open weights…" after a reset
// brings back every weight (the file saved again is the same text, and every number in it is
// the shortest decimal of its value), and files that do not fit are refused by name with
// nothing changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openSite, watchedContext, DESKTOP } from "./harness.mjs";

const env = openSite();

async function saveWeights(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".weights-save").click()]);
  assert.match(download.suggestedFilename(), /^nnp-[a-z]+-weights\.json$/);
  return readFileSync(await download.path(), "utf8");
}

const openWeights = (page, name, text) =>
  page.locator(".weights-open input").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/// The notice's text once it says something new.
async function noticeAfter(page, selector, action) {
  const before = await page.locator(selector).allTextContents();
  await action();
  await page.waitForFunction(
    ([sel, old]) => {
      const now = [...document.querySelectorAll(sel)].map((e) => e.textContent);
      return now.length > 0 && now.join("|") !== old;
    },
    [selector, before.join("|")],
  );
  return (await page.locator(selector).allTextContents()).join(" ");
}

const SCREENS = [
  {
    slug: "boundaries",
    ready: ".bd-heat",
    train: async (page) => {
      for (let k = 0; k < 5; k++) await page.locator(".bd-step").click();
    },
    reset: ".bd-reset",
    notice: ".bd-notice-text",
    check: (file) => {
      assert.equal(file.model, "network");
      assert.deepEqual(file.inputs, ["x1", "x2"]);
      assert.deepEqual(file.layers.map((l) => [l.weights.length, l.weights[0].length, l.activation]),
        [[4, 2, "tanh"], [2, 4, "tanh"], [1, 2, file.layers[2].activation]]);
    },
  },
  {
    slug: "lstm",
    ready: ".lstm-step",
    train: async (page) => {
      for (let k = 0; k < 3; k++) await page.locator(".lstm-step").click();
    },
    reset: ".lstm-reset",
    notice: ".lstm-notice-text",
    check: (file) => {
      assert.equal(file.variant, "lstm");
      assert.equal(file.updates, 3);
      assert.deepEqual(file.blocks.map((b) => b.name), ["W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "V", "c"]);
    },
  },
  {
    slug: "deep",
    ready: ".deep-feature-grid",
    train: async (page) => {
      await page.locator(".deep-steps").click();
    },
    reset: ".deep-reset",
    notice: ".deep-weights-notice",
    check: (file) => {
      assert.equal(file.phase, "pretrain");
      assert.deepEqual(file.shape, [64, 32, 32, 32, 32, 10]);
      assert.equal(file.autoencoders.length, 4);
    },
  },
];

for (const screen of SCREENS) {
  test(`${screen.slug}: weights saved as JSON open again exactly; a file that does not fit changes nothing`, async () => {
    const { context, problems } = await watchedContext(env.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/${screen.slug}`);
    await page.locator(screen.ready).waitFor({ timeout: 120000 });
    await screen.train(page);
    const saved = await saveWeights(page);
    const file = JSON.parse(saved);
    assert.equal(file.format, "nnp-weights 1");
    assert.equal(file.screen, screen.slug);
    screen.check(file);
    // Every number is the shortest decimal that reads back to its value (so the file is exact).
    const numbers = saved.match(/-?\d+\.\d+(e[-+]?\d+)?/g) ?? [];
    assert.ok(numbers.length > 20, `${numbers.length} numbers`);
    for (const n of numbers.slice(0, 200)) assert.equal(String(Number(n)), n);

    await page.locator(screen.reset).click();
    const reset = await saveWeights(page);
    assert.notEqual(reset, saved, "Reset made other weights");

    const opened = await noticeAfter(page, screen.notice, () => openWeights(page, "w.json", saved));
    assert.match(opened, /Weights opened from the file/);
    assert.equal(await saveWeights(page), saved.replace(/"updates": \d+/, '"updates": 0'), "every weight is back");

    const other = screen.slug === "lstm" ? "deep" : "lstm";
    const wrong = await noticeAfter(page, screen.notice, () =>
      openWeights(page, "other.json", JSON.stringify({ ...file, screen: other })));
    assert.match(wrong, new RegExp(`weights of another screen \\(${other}\\)`));
    const broken = await noticeAfter(page, screen.notice, () => openWeights(page, "broken.json", saved.slice(0, 200)));
    assert.match(broken, /This file is not JSON \(/);
    const cut = JSON.parse(saved);
    const key = { boundaries: "layers", lstm: "blocks", deep: "hidden" }[screen.slug];
    cut[key] = cut[key].slice(1);
    const unfit = await noticeAfter(page, screen.notice, () => openWeights(page, "cut.json", JSON.stringify(cut)));
    assert.match(unfit, /These weights do not fit \(.+\); nothing was changed/);
    assert.equal(await saveWeights(page), saved.replace(/"updates": \d+/, '"updates": 0'), "nothing changed");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Switch to Chinese and no English sentence is left on any screen (and the English pages
// carry no Chinese): words in Latin letters must be names of things (variables, functions,
// units), listed below.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, DESKTOP } from "./harness.mjs";

const env = openSite();

const SCREENS = ["", "boundaries", "backprop", "deep", "conv", "lstm", "activations"];
// Names that stay in Latin letters in a Chinese text: math, code-like names, units, and the
// lecture's own variable names (score, loss are node names of its computation graphs), and
// key names as printed on keyboards.
const NAMES = new Set(
  `sign logistic sigmoid tanh relu linear softmax max min avg exp log sin cos abs sqrt
   rnn lstm gru sgd adam pca bptt csv png uci optdigits alpaydin kaynak cc by
   squared hinge xor ms kb mb wasm sobel
   score loss
   tab enter space esc`.split(/\s+/).filter(Boolean),
);

async function latinWords(page) {
  return page.evaluate(() => {
    const words = new Set();
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || el.closest("svg text, code, kbd, .math, [translate=no], option, select, input, textarea")) continue;
      if (getComputedStyle(el).display === "none") continue;
      for (const w of node.textContent.match(/[A-Za-z]{3,}/g) ?? []) words.add(w);
    }
    return [...words];
  });
}

test("a Chinese page shows no English words beyond names", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(env.site.url);
  await page.getByRole("button", { name: "中文" }).click();
  const found = {};
  for (const slug of SCREENS) {
    await page.goto(`${env.site.url}#/${slug}`);
    await page.waitForTimeout(slug === "deep" ? 1500 : 400);
    const left = (await latinWords(page)).filter((w) => !NAMES.has(w.toLowerCase()));
    if (left.length) found[slug || "home"] = left;
  }
  assert.deepEqual(found, {});
  assert.deepEqual(problems, []);
  await context.close();
});

test("an English page shows no Chinese", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const found = {};
  for (const slug of SCREENS) {
    await page.goto(`${env.site.url}#/${slug}`);
    await page.waitForTimeout(slug === "deep" ? 1500 : 400);
    const text = await page.locator("main").innerText();
    const han = text.match(/[\u4e00-\u9fff]+/g);
    if (han) found[slug || "home"] = han;
  }
  assert.deepEqual(found, {});
  assert.deepEqual(problems, []);
  await context.close();
});

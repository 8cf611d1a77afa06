// Switch to Chinese and no English sentence is left on any screen (and the English pages
// carry no Chinese): words in Latin letters must be names of things (variables, functions,
// units), listed below.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, openScreen, watchedContext, SCREENS, DESKTOP } from "./harness.mjs";

const env = openSite();

// Names that stay in Latin letters in a Chinese text: math, code-like names, units, and the
// lecture's own variable names (score, loss are node names of its computation graphs), and
// key names as printed on keyboards.
const NAMES = new Set(
  `sign logistic sigmoid tanh relu linear softmax max min avg exp log sin cos abs sqrt
   rnn lstm gru sgd adam pca bptt csv png json uci optdigits alpaydin kaynak cc by
   squared hinge xor ms kb mb wasm sobel
   score loss
   tab enter space esc ctrl shift`.split(/\s+/).filter(Boolean),
);

/** The Latin words of the visible text in `main`, and how many characters were scanned. */
async function latinWords(page) {
  return page.evaluate(() => {
    const words = new Set();
    let scanned = 0;
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || el.closest("svg text, code, kbd, .math, [translate=no], option, select, input, textarea")) continue;
      if (getComputedStyle(el).display === "none") continue;
      scanned += node.textContent.trim().length;
      for (const w of node.textContent.match(/[A-Za-z]{3,}/g) ?? []) words.add(w);
    }
    return { words: [...words], scanned };
  });
}

test("a Chinese page shows no English words beyond names", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(env.site.url);
  await page.getByRole("button", { name: "中文" }).click();
  const found = {};
  for (const screen of SCREENS) {
    await openScreen(page, env.site.url, screen);
    const { words, scanned } = await latinWords(page);
    assert.ok(scanned >= 40, `${screen.name}: only ${scanned} characters of text to check`);
    const han = await page.locator("main").innerText().then((t) => t.match(/[\u4e00-\u9fff]/g)?.length ?? 0);
    assert.ok(han >= 20, `${screen.name}: only ${han} Chinese characters, the page is not in Chinese`);
    const left = words.filter((w) => !NAMES.has(w.toLowerCase()));
    if (left.length) found[screen.name] = left;
  }
  assert.deepEqual(found, {});
  assert.deepEqual(problems, []);
  await context.close();
});

test("an English page shows no Chinese", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const found = {};
  for (const screen of SCREENS) {
    await openScreen(page, env.site.url, screen);
    const text = await page.locator("main").innerText();
    const english = text.match(/[A-Za-z]{3,}/g)?.length ?? 0;
    assert.ok(english >= 10, `${screen.name}: only ${english} English words, nothing to check`);
    const han = text.match(/[\u4e00-\u9fff]+/g);
    if (han) found[screen.name] = han;
  }
  assert.deepEqual(found, {});
  assert.deepEqual(problems, []);
  await context.close();
});

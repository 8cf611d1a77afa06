// A class at the back of a room: on a projector (1024×768 and 1280×800, presenter mode) each
// screen shows its main picture, the text that explains it and its Play/Step controls without
// scrolling; words and numbers drawn in the picture are at least 16 px (12 px on a phone) and
// none sticks out of its box. Screenshots: tests/output/screenshots/stage-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, PHONE, SCREENS } from "./harness.mjs";

const env = openSite();

const PROJECTORS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
];

/** Per screen: the main picture, its explanation and its controls (each must be on screen),
 * and the pictures whose text is measured. */
const STAGES = [
  {
    slug: "boundaries",
    picture: [".bd-plane"],
    explain: [".screen-boundaries .lead", ".bd-metrics"],
    controls: [".bd-play", ".bd-step"],
    text: [".bd-plane", ".bd-net", ".bd-output .line-chart"],
    // The plane uses the room it is given.
    tallest: { selector: ".bd-plane", share: 0.6 },
  },
  {
    slug: "backprop",
    picture: [".bp-graph-svg"],
    explain: [".bp-graph-note .lead", ".bp-status"],
    controls: [".bp-step", ".bp-forward", ".bp-backward"],
    text: [".bp-graph-svg"],
    // Every node shows f and g: the widest numbers the graph ever writes.
    act: async (page) => {
      await page.locator(".bp-forward").click();
      await page.locator(".bp-backward").click();
      await page.locator(".bp-node .bp-g").first().waitFor();
    },
  },
  {
    slug: "conv",
    picture: [".conv-input .conv-canvas", ".conv-map-0 .conv-canvas", ".conv-map-3 .conv-canvas"],
    explain: [".screen-conv .lead", ".conv-probe"],
    controls: [".conv-tool"],
    text: [".conv-stage .conv-legend"],
  },
  {
    slug: "lstm",
    picture: [".lstm-diagram", ".lstm-band:first-child .lstm-band-map"],
    explain: [".screen-lstm .lead", ".lstm-now"],
    controls: [".lstm-train", ".lstm-step"],
    text: [".lstm-diagram", ".lstm-bands"],
  },
  {
    slug: "deep",
    picture: [".deep-stack"],
    explain: [".screen-deep .lead", ".deep-schedule"],
    controls: [".deep-play", ".deep-steps"],
    text: [".deep-stack"],
  },
  {
    slug: "cnn",
    picture: [".cnn-network .cnn-kernel", ".cnn-network .cnn-probs"],
    explain: [".screen-cnn .lead"],
    controls: [".cnn-play", ".cnn-step"],
    text: [".cnn-network"],
  },
  {
    slug: "activations",
    picture: [".screen-activations .gallery-item:first-child .line-chart"],
    explain: [".screen-activations .lead"],
    controls: [],
    text: [".screen-activations .gallery-item:first-child .line-chart"],
  },
];

/** The boxes of `selectors` (first match of each) that are not wholly inside the viewport. */
async function outside(page, selectors) {
  return page.evaluate((selectors) => {
    const misses = [];
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (!element) {
        misses.push(`${selector}: not on the page`);
        continue;
      }
      const r = element.getBoundingClientRect();
      const inside = r.width > 0 && r.height > 0 && r.top >= -0.5 && r.left >= -0.5 &&
        r.bottom <= innerHeight + 0.5 && r.right <= document.documentElement.clientWidth + 0.5;
      if (!inside) misses.push(`${selector}: ${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    return misses;
  }, selectors);
}

/**
 * Every visible piece of text inside `roots`, with its drawn size in CSS px (an SVG text's font
 * size times the drawing's scale) and whether it sticks out of its box: an SVG text out of its
 * node's rectangle or out of the drawing, an HTML element whose content is wider than itself.
 */
async function textIn(page, roots) {
  return page.evaluate((roots) => {
    const found = [];
    for (const root of roots.flatMap((selector) => [...document.querySelectorAll(selector)])) {
      const svgTexts = root.matches("svg") ? root.querySelectorAll("text") : root.querySelectorAll("svg text");
      for (const text of svgTexts) {
        if (!text.textContent.trim() || text.getClientRects().length === 0) continue;
        const scale = text.getScreenCTM().a;
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        const box = text.getBoundingClientRect();
        const frame = (text.closest("g[data-label]")?.querySelector("rect") ?? text.ownerSVGElement).getBoundingClientRect();
        const out = box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1;
        found.push({ text: text.textContent.trim(), size, out });
      }
      // A chart drawn on a canvas says how large its labels are in its own pixels.
      for (const canvas of root.matches("canvas[data-label-px]") ? [root] : root.querySelectorAll("canvas[data-label-px]")) {
        if (canvas.getClientRects().length === 0) continue;
        const size = Number(canvas.dataset.labelPx) * canvas.clientWidth / canvas.width;
        found.push({ text: `${canvas.className} tick labels`, size, out: false });
      }
      const html = root.matches("svg, canvas") ? [] : [root, ...root.querySelectorAll("*")].filter((e) => !(e instanceof SVGElement));
      for (const element of html) {
        const own = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        if (!own || element.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        // Content wider than its box (scrolled or cut off), for a box that is not a line of text.
        const out = element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).display !== "inline";
        found.push({ text: element.textContent.trim().slice(0, 40), size, out });
      }
    }
    return found;
  }, roots);
}

/** Opens a screen at `kind` (presenter mode when `presenter`), waits for its picture. */
async function openStage(kind, stage, presenter) {
  const { context, problems } = await watchedContext(env.browser, kind);
  const page = await context.newPage();
  const screen = SCREENS.find((s) => s.slug === stage.slug);
  await page.goto(`${env.site.url}#/${stage.slug}${presenter ? "?presenter=1" : ""}`);
  await page.locator(screen.ready).first().waitFor();
  await page.locator(stage.picture[0]).first().waitFor();
  if (stage.act) await stage.act(page);
  // Layout settles (fonts, the plane's size) before measuring.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { context, problems, page };
}

for (const viewport of PROJECTORS) {
  test(`projector ${viewport.width}×${viewport.height}, presenter: picture, explanation and controls on one screen`, async () => {
    const failures = [];
    for (const stage of STAGES) {
      const { context, problems, page } = await openStage({ name: "projector", viewport }, stage, true);
      await screenshot(page, `stage-${viewport.width}-${stage.slug}.png`);
      const missing = await outside(page, [...stage.picture, ...stage.explain, ...stage.controls]);
      for (const miss of missing) failures.push(`${stage.slug}: ${miss}`);
      if (stage.tallest) {
        const height = await page.$eval(stage.tallest.selector, (e) => e.getBoundingClientRect().height);
        if (height < stage.tallest.share * viewport.height) {
          failures.push(`${stage.slug}: ${stage.tallest.selector} is ${Math.round(height)} px high, under ${stage.tallest.share * 100} % of ${viewport.height}`);
        }
      }
      // The main picture's text, and every other drawing's on the screen (SVG, charts).
      const texts = await textIn(page, [...stage.text, ".screen svg", ".screen canvas[data-label-px]"]);
      if (stage.text.length > 0 && texts.length === 0) failures.push(`${stage.slug}: no text found in ${stage.text}`);
      for (const t of texts) {
        if (t.size < 15.95) failures.push(`${stage.slug}: "${t.text}" drawn at ${t.size.toFixed(1)} px`);
        if (t.out) failures.push(`${stage.slug}: "${t.text}" sticks out of its box`);
      }
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (sideways > 0) failures.push(`${stage.slug}: the page scrolls sideways by ${sideways} px`);
      if (problems.length) failures.push(`${stage.slug}: ${problems.join("; ")}`);
      await context.close();
    }
    assert.deepEqual(failures, []);
  });
}

test("phone 390 px, presenter mode on and off: no screen scrolls sideways, and text in its pictures is at least 12 px", async () => {
  const failures = [];
  for (const [stage, presenter] of STAGES.flatMap((s) => [[s, false], [s, true]])) {
    const { context, problems, page } = await openStage(PHONE, stage, presenter);
    await screenshot(page, `stage-phone-${stage.slug}${presenter ? "-presenter" : ""}.png`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 0) failures.push(`${stage.slug}: the page scrolls sideways by ${sideways} px`);
    for (const t of await textIn(page, [...stage.text, ".screen svg", ".screen canvas[data-label-px]"])) {
      if (t.size < 11.95) failures.push(`${stage.slug}: "${t.text}" drawn at ${t.size.toFixed(1)} px`);
    }
    if (problems.length) failures.push(`${stage.slug}: ${problems.join("; ")}`);
    await context.close();
  }
  assert.deepEqual(failures, []);
});

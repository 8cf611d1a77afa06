// Accessibility checks a screen reader user and a keyboard-only user would notice: every
// control on every screen has a name, and a screen can be driven with the keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, openScreen, watchedContext, screenshot, SCREENS, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

/** Presses Tab until the focus is on an element with `className` (at most `limit` times). */
const tabTo = async (page, className, limit) => {
  for (let k = 0; k < limit; k++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((c) => document.activeElement?.classList.contains(c), className)) return true;
  }
  return false;
};

/** The sum of the red channel of the canvas matching `selector` (0 for a black canvas). */
const INK = (selector) => {
  const c = document.querySelector(selector);
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let s = 0;
  for (let i = 0; i < d.length; i += 4) s += d[i];
  return s;
};
const inkOf = (page, selector) => page.evaluate(INK, selector);
/** For waitForFunction: whether the canvas's ink differs from `before` (self-contained, as
 * the page runs it). */
const INK_CHANGED = ([selector, before]) => {
  const c = document.querySelector(selector);
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let s = 0;
  for (let i = 0; i < d.length; i += 4) s += d[i];
  return s !== before;
};

/** Visible controls without an accessible name, described for the failure message, and how
 * many visible controls there were. */
const unnamedControls = (page) =>
  page.evaluate(() => {
    const named = (el) => {
      const label =
        el.getAttribute("aria-label") ||
        el.getAttribute("title") ||
        (el.getAttribute("aria-labelledby") &&
          document.getElementById(el.getAttribute("aria-labelledby"))?.textContent) ||
        (el.labels && [...el.labels].map((l) => l.textContent).join(" ")) ||
        (["BUTTON", "A", "SUMMARY"].includes(el.tagName) ? el.textContent : "");
      return (label ?? "").trim().length > 0;
    };
    const controls = document.querySelectorAll(
      "main button, main a[href], main input, main select, main textarea, main [tabindex]:not([tabindex='-1'])",
    );
    const visible = [...controls].filter((el) => el.offsetParent !== null || el.getClientRects().length > 0);
    const unnamed = visible
      .filter((el) => el.type !== "hidden" && !named(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
    return { unnamed, checked: visible.length };
  });

test("every control on every screen has a name a screen reader can say", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const found = {};
  for (const screen of SCREENS) {
    await openScreen(page, env.site.url, screen);
    const { unnamed, checked } = await unnamedControls(page);
    assert.ok(checked >= screen.controls, `${screen.name}: only ${checked} controls to check`);
    if (unnamed.length) found[screen.name] = [...new Set(unnamed)];
  }
  assert.deepEqual(found, {});
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Text whose contrast with what is behind it is below WCAG AA: 4.5 : 1, or 3 : 1 for large
 * text (24 px, or 18.7 px bold). The background is the first opaque colour up the tree
 * (semi-transparent ones are blended); text over a picture or a gradient is not judged.
 */
const lowContrastText = (page) =>
  page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const luminance = ({ r, g, b }) => {
      const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el) => {
      const layers = [];
      for (let node = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== "none" || ["CANVAS", "IMG", "svg"].includes(node.tagName)) return null;
        const c = parse(style.backgroundColor);
        if (c && c.a > 0) {
          layers.push(c);
          if (c.a >= 1) break;
        }
      }
      return layers.reduceRight((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    const bad = [];
    let judged = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent.trim()) continue;
      seen.add(el);
      if (el.closest("svg")) continue; // drawn on pictures: judged by eye in screenshots
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!rect.width || !rect.height || style.visibility === "hidden") continue;
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || rect.width <= 1) continue; // screen-reader only
      const bg = background(el);
      const fg = parse(style.color);
      if (!bg || !fg) continue;
      let opacity = 1;
      for (let n = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
      // Disabled controls are deliberately faint (WCAG exempts inactive components).
      if (opacity < 0.5 || el.closest(":disabled, [aria-disabled='true']")) continue;
      judged += 1;
      const text = over({ ...fg, a: fg.a * opacity }, bg);
      const [hi, lo] = [luminance(text), luminance(bg)].sort((x, y) => y - x);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        bad.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${node.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
      }
    }
    return { low: [...new Set(bad)], judged };
  });

test("every text on every screen has AA contrast, in both modes and both languages", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const found = {};
  for (const presenter of [false, true]) {
    for (const lang of ["en", "zh"]) {
      for (const screen of SCREENS) {
        await openScreen(page, env.site.url, screen);
        await page.evaluate(
          ([p, l]) => {
            document.documentElement.classList.toggle("presenter", p);
            document.documentElement.lang = l;
          },
          [presenter, lang],
        );
        const { low, judged } = await lowContrastText(page);
        assert.ok(judged >= 10, `${screen.name}: only ${judged} texts judged`);
        if (low.length) found[`${screen.name}${presenter ? " (presenter)" : ""}`] = low;
      }
      if (lang === "en") break; // the colours do not depend on the language
    }
  }
  assert.deepEqual(found, {});
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: Tab reaches Step on the decision boundaries and Enter trains one epoch", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const reached = await tabTo(page, "bd-step", 40);
  assert.ok(reached, "Tab reaches the Step button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".bd-epoch-value").textContent === "1");
  // The focus is drawn where the keyboard is.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: Tab to the network, arrows pick a link, Enter edits its weight", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const reached = await tabTo(page, "bd-links", 80);
  assert.ok(reached, "Tab reaches the network diagram");
  assert.match(await page.getAttribute(".bd-links", "aria-label"), /Enter/);
  const readout = page.locator(".bd-link-readout");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const said = await readout.textContent();
  assert.match(said, /→.*w = /, "the readout says which link and its weight");
  const epoch = await page.locator(".bd-epoch-value").textContent();
  await page.keyboard.press("ArrowRight");
  assert.notEqual(await readout.textContent(), said, "→ moves to the next layer");
  assert.equal(await page.locator(".bd-epoch-value").textContent(), epoch, "→ on the diagram is not Step");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.classList.contains("bd-weight-input"));
  await page.keyboard.press("Control+A");
  await page.keyboard.type("1.5");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".bd-weight-input")?.value === "1.5000");
  const active = page.locator(".bd-link.active").first();
  // The drawing follows the new weight: a line's width is 2·|w|.
  assert.equal(await active.getAttribute("stroke-width"), "3");
  await page.locator(".bd-weight-close").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.classList.contains("bd-links"));
  await screenshot(page, "desktop-boundaries-keyboard-weight.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: Tab walks through every control of every screen, focus always shown", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const missed = {};
  for (const screen of SCREENS) {
    await openScreen(page, env.site.url, screen);
    // Mark every visible, enabled control in the screen, then Tab until focus leaves the page.
    const total = await page.evaluate(() => {
      const controls = document.querySelectorAll(
        "main button:not(:disabled), main a[href], main input:not(:disabled), main select:not(:disabled), main textarea, main [tabindex]:not([tabindex='-1'])",
      );
      let n = 0;
      for (const el of controls) {
        const visible = el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
        if (visible && !(el.type === "radio" && !el.checked)) el.dataset.walk = String(n++);
      }
      return n;
    });
    assert.ok(total >= screen.controls, `${screen.name}: only ${total} controls to walk`);
    const unseen = new Set([...Array(total).keys()].map(String));
    const faint = new Set();
    await page.locator("body").focus();
    for (let k = 0; k < total + 40 && unseen.size; k++) {
      await page.keyboard.press("Tab");
      const seen = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el?.dataset.walk) return null;
        const style = getComputedStyle(el);
        // An outline or a shadow; inside an SVG picture, a shape drawn in the focus colour.
        const ring = (s) => (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
        const drawn = [...el.querySelectorAll("rect, circle, path")].some(
          (shape) => getComputedStyle(shape).stroke === "rgb(255, 176, 0)",
        );
        const shown = ring(style) || (el instanceof SVGElement && drawn);
        return { id: el.dataset.walk, shown, name: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}` };
      });
      if (!seen) continue;
      unseen.delete(seen.id);
      if (!seen.shown) faint.add(seen.name);
    }
    const left = await page.evaluate(
      (ids) => ids.map((id) => {
        const el = document.querySelector(`[data-walk="${id}"]`);
        return el ? `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}` : id;
      }),
      [...unseen],
    );
    if (left.length || faint.size) missed[screen.name] = { unreachable: [...new Set(left)], noFocusRing: [...faint] };
  }
  assert.deepEqual(missed, {});
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: Tab to the plane, arrows move a cursor, Enter paints a point", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const count = async () => parseInt(await page.locator(".bd-counts").textContent(), 10);
  const reached = await tabTo(page, "bd-points", 60);
  assert.ok(reached, "Tab reaches the plane");
  const epoch = await page.locator(".bd-epoch-value").textContent();
  await page.keyboard.press("2"); // the −1 tool, as with the mouse
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("ArrowUp");
  await page.locator(".bd-key-cursor").waitFor();
  assert.equal(await page.locator(".bd-epoch-value").textContent(), epoch, "→ on the plane is not Step");
  // The readout follows the cursor: x = (2, 0.25).
  assert.match(await page.locator(".bd-probe-table").textContent(), /\(2\.00, 0\.25\)/);
  const before = await count();
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => parseInt(document.querySelector(".bd-counts").textContent, 10) === n + 1, before);
  await page.keyboard.press(" ");
  assert.equal(await page.locator(".bd-play").textContent().then((t) => /Play/.test(t)), true, "Space painted, it did not start training");
  await screenshot(page, "desktop-boundaries-keyboard-paint.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: Tab to the convolution canvas, Enter puts the brush down, arrows paint a line", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/conv`);
  await page.locator(".conv-map-0 canvas").waitFor();
  await page.getByRole("button", { name: "Clear" }).click();
  const reached = await tabTo(page, "conv-paint", 80);
  assert.ok(reached, "Tab reaches the canvas");
  const ink = () => inkOf(page, ".conv-paint");
  assert.equal(await ink(), 0, "a cleared canvas is black");
  await page.keyboard.press("ArrowLeft");
  await page.locator(".conv-key-cursor").waitFor();
  assert.equal(await ink(), 0, "moving with the brush up paints nothing");
  await page.keyboard.press("Enter");
  const dab = await ink();
  assert.ok(dab > 0, "Enter puts the brush down: a dab");
  for (let k = 0; k < 4; k++) await page.keyboard.press("Shift+ArrowRight");
  const line = await ink();
  assert.ok(line > 2 * dab, `moving with the brush down paints a line (${dab} → ${line})`);
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  assert.equal(await ink(), line, "lifted: moving paints no more");
  assert.equal(await page.getByRole("button", { name: "Undo" }).isEnabled(), true, "the stroke can be undone");
  await screenshot(page, "desktop-conv-keyboard-paint.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: a finger scrolls over the plane until a painting tool is chosen, then paints a point", async () => {
  const { context, problems } = await watchedContext(env.browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const count = async () => parseInt(await page.locator(".bd-counts").textContent(), 10);
  const before = await count();
  const plane = page.locator(".bd-points");
  await plane.scrollIntoViewIfNeeded();
  let box = await plane.boundingBox();
  // With Look (the default) a finger only probes: a tap adds nothing …
  await page.touchscreen.tap(box.x + box.width * 0.15, box.y + box.height * 0.85);
  await page.locator(".bd-probe-table").waitFor();
  assert.equal(await count(), before, "a tap with Look paints nothing");
  // … and a swipe over the plane scrolls the page (raw touch events, as a finger sends them).
  const client = await context.newCDPSession(page);
  const swipe = async (x, from, to) => {
    await client.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: from }] });
    for (let k = 1; k <= 10; k++) {
      await client.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: from + ((to - from) * k) / 10 }] });
    }
    await client.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  };
  const scrolled = await page.evaluate(() => window.scrollY);
  const middle = Math.round(box.x + box.width / 2);
  await swipe(middle, Math.round(box.y + box.height * 0.8), Math.round(box.y + box.height * 0.2));
  await page.waitForFunction((y) => window.scrollY > y + 100, scrolled);
  assert.equal(await count(), before, "a swipe with Look paints nothing");
  // With a painting tool chosen, a finger paints: a tap one point, a swipe a stroke (and
  // the page stays where it is).
  await page.locator(".bd-tool.positive").click();
  await plane.scrollIntoViewIfNeeded();
  box = await plane.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.15, box.y + box.height * 0.85);
  await page.waitForFunction((n) => parseInt(document.querySelector(".bd-counts").textContent, 10) === n + 1, before);
  const still = await page.evaluate(() => window.scrollY);
  await swipe(Math.round(box.x + box.width / 2), Math.round(box.y + box.height * 0.8), Math.round(box.y + box.height * 0.2));
  await page.waitForFunction((n) => parseInt(document.querySelector(".bd-counts").textContent, 10) > n + 3, before);
  assert.equal(await page.evaluate(() => window.scrollY), still, "painting does not scroll");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a pen (stylus) paints points and pixels too", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  // What a stylus sends: pointer events of type "pen" with pressure.
  const stroke = async (selector, from, to) => {
    const box = await page.locator(selector).boundingBox();
    const at = ([fx, fy]) => ({ clientX: box.x + box.width * fx, clientY: box.y + box.height * fy });
    const pen = { pointerType: "pen", pointerId: 7, isPrimary: true, bubbles: true, pressure: 0.6 };
    await page.locator(selector).dispatchEvent("pointerdown", { ...pen, ...at(from), buttons: 1, button: 0 });
    for (let k = 1; k <= 8; k++) {
      const p = [from[0] + ((to[0] - from[0]) * k) / 8, from[1] + ((to[1] - from[1]) * k) / 8];
      await page.locator(selector).dispatchEvent("pointermove", { ...pen, ...at(p), buttons: 1 });
    }
    await page.locator(selector).dispatchEvent("pointerup", { ...pen, ...at(to), buttons: 0, button: 0 });
  };

  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const count = async () => parseInt(await page.locator(".bd-counts").textContent(), 10);
  const before = await count();
  await page.locator(".bd-tool.positive").click();
  await stroke(".bd-points", [0.1, 0.9], [0.3, 0.9]);
  await page.waitForFunction((n) => parseInt(document.querySelector(".bd-counts").textContent, 10) > n, before);

  await page.goto(`${env.site.url}#/conv`);
  await page.locator(".conv-map-0 canvas").waitFor();
  const ink = await inkOf(page, ".conv-paint");
  await stroke(".conv-paint", [0.2, 0.2], [0.8, 0.8]);
  await page.waitForFunction(INK_CHANGED, [".conv-paint", ink]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Save picture gives a PNG of the picture as drawn, on every screen that has one", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  for (const [slug, ready] of [["boundaries", ".bd-heat"], ["backprop", ".bp-graph-svg"], ["conv", ".conv-map-0 canvas"], ["lstm", ".lstm-heat"], ["cnn", ".cnn-picture canvas"], ["deep", ".deep-feature-grid"]]) {
    await page.goto(`${env.site.url}#/${slug}`);
    await page.locator(ready).first().waitFor({ timeout: 120000 });
    await page.waitForTimeout(300);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".save-picture").first().click()]);
    assert.match(download.suggestedFilename(), /\.png$/);
    const bytes = (await import("node:fs")).readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], `${slug}: a PNG`);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width >= 100 && height >= 50, `${slug}: ${width}×${height}`);
    // Not blank: the picture has more than one colour in it.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length && seen.size < 50; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
      return seen.size;
    }, bytes.toString("base64"));
    assert.ok(colours > 3, `${slug}: ${colours} colours`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

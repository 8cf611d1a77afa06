// Accessibility checks a screen reader user and a keyboard-only user would notice: every
// control on every screen has a name, and a screen can be driven with the keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

const SCREENS = ["", "boundaries", "backprop", "deep", "conv", "lstm", "activations"];

/** Visible controls without an accessible name, described for the failure message. */
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
    return [...controls]
      .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
      .filter((el) => el.type !== "hidden" && !named(el))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
  });

test("every control on every screen has a name a screen reader can say", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const found = {};
  for (const slug of SCREENS) {
    await page.goto(`${env.site.url}#/${slug}`);
    await page.waitForTimeout(slug === "deep" ? 1500 : 400);
    const unnamed = await unnamedControls(page);
    if (unnamed.length) found[slug || "home"] = [...new Set(unnamed)];
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
  let reached = false;
  for (let k = 0; k < 40 && !reached; k++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.classList.contains("bd-step"));
  }
  assert.ok(reached, "Tab reaches the Step button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector(".bd-epoch-value").textContent === "1");
  // The focus is drawn where the keyboard is.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: a finger paints a point on the decision boundaries", async () => {
  const { context, problems } = await watchedContext(env.browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const count = async () => parseInt(await page.locator(".bd-counts").textContent(), 10);
  const before = await count();
  const plane = page.locator(".bd-points");
  await plane.scrollIntoViewIfNeeded();
  const box = await plane.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.15, box.y + box.height * 0.85);
  await page.waitForFunction((n) => parseInt(document.querySelector(".bd-counts").textContent, 10) === n + 1, before);
  assert.deepEqual(problems, []);
  await context.close();
});

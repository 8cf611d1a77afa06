// A teacher in a lecture hall: presenter mode makes the type larger and is remembered, the
// keyboard drives training (Space, →, R) and "?" lists the keys — on the screen a class
// watches, without touching the mouse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE, SCREENS } from "./harness.mjs";

const env = openSite();

const epoch = async (page) => parseInt(await page.locator(".bd-epoch-value").textContent(), 10);
// On a phone, innerWidth grows with content that sticks out: compare with clientWidth.
const overflowX = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
// The type of the controls and of the text beside them (the title stays compact on a projector).
const typeSize = (page) => page.$eval(".bd-play", (b) => parseFloat(getComputedStyle(b).fontSize));

test("presenter mode enlarges the type and survives a reload", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const normal = await typeSize(page);
  await page.getByRole("button", { name: "Presenter" }).click();
  assert.equal(await page.getAttribute("html", "class"), "presenter");
  assert.ok((await typeSize(page)) > 1.2 * normal, "the type grew");
  assert.equal(await page.locator(".fullscreen-switch").count(), 1, "a full-screen button appears");
  await screenshot(page, "desktop-presenter-boundaries.png");
  await page.reload();
  await page.locator(".bd-heat").waitFor();
  assert.equal(await page.getAttribute("html", "class"), "presenter");
  assert.equal(await page.getAttribute(".presenter-switch", "aria-pressed"), "true");
  await page.getByRole("button", { name: "Presenter" }).click();
  assert.ok(!(await page.getAttribute("html", "class"))?.includes("presenter"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("Space, → and R drive training; ? lists the keys", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  await page.locator("main h1").click(); // focus the page, not a control
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".bd-epoch-value").textContent === "1");
  await page.keyboard.press(" ");
  await page.waitForFunction(() => parseInt(document.querySelector(".bd-epoch-value").textContent, 10) > 5);
  await page.keyboard.press(" ");
  const paused = await epoch(page);
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), paused, "Space paused training");
  await page.keyboard.press("r");
  await page.waitForFunction(() => document.querySelector(".bd-epoch-value").textContent === "0");

  await page.keyboard.press("?");
  await page.locator(".keys-list").waitFor();
  assert.match(await page.locator(".keys-list").textContent(), /Space.*Play or pause training/);
  await screenshot(page, "desktop-keys.png");
  await page.keyboard.press("Escape");
  await page.locator(".keys-list").waitFor({ state: "detached" });

  // Typing in a field is typing, not a shortcut.
  await page.locator(".bd-lr").fill("0.1");
  await page.locator(".bd-lr").press("r");
  assert.equal(await page.locator(".bd-lr").inputValue(), "0.1r");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: the header with its buttons fits the width", async () => {
  const { context, problems } = await watchedContext(env.browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/lstm`);
  await page.locator("main h1").waitFor();
  const overflow = await overflowX(page);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await screenshot(page, "phone-header.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every screen with a state offers Copy link, Save to file and Open file", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  for (const slug of ["boundaries", "backprop", "conv", "lstm", "deep"]) {
    await page.goto(`${env.site.url}#/${slug}`);
    await page.locator(".state-save").waitFor();
    assert.equal(await page.locator(".state-open input[type=file]").count(), 1, slug);
    const copy = page.getByRole("button", { name: "Copy link" });
    assert.equal(await copy.count(), 1, `${slug} has one Copy link button`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// Presenter mode: the teacher hides the controls a lecture does not need; the choice is in
// the link, so a student opening it sees the same clean view, with a way to show it all.
const hiddenParam = (page) => new URL(page.url()).hash.match(/[?&]hide=([^&]*)/)?.[1] ?? null;

test("presenter mode hides chosen panels, and the link carries the choice", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  assert.equal(await page.locator(".panel-hide").count(), 0, "no Hide buttons outside presenter mode");
  await page.getByRole("button", { name: "Presenter" }).click();
  const data = page.locator('[data-panel="data"]');
  assert.ok(await data.isVisible());

  // The keyboard reaches a Hide button; after hiding, focus lands on "Show all".
  const hideData = data.getByRole("button", { name: "Hide this panel" });
  await hideData.focus();
  assert.equal(await hideData.evaluate((b) => b.tabIndex >= 0 && document.activeElement === b), true);
  await page.keyboard.press("Enter");
  await data.waitFor({ state: "hidden" });
  await page.waitForFunction(() => document.activeElement?.id === "hidden-chip");
  await page.locator('[data-panel="train"] .panel-hide').click();
  await page.locator('[data-panel="train"]').waitFor({ state: "hidden" });
  assert.equal(hiddenParam(page), "data.train");
  assert.equal(await page.locator(".bd-heat").isVisible(), true, "the picture stays");
  assert.equal(await page.getByRole("button", { name: "2 hidden · Show all" }).count(), 1);
  assert.ok((await overflowX(page)) <= 0);
  await screenshot(page, "desktop-presenter-hidden-boundaries.png");

  // The screen's own link writing keeps the hidden panels in the address.
  await page.locator("main h1").click();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".bd-epoch-value").textContent === "1");
  const link = page.url();
  assert.equal(hiddenParam(page), "data.train");

  // A student opens the link: same panels hidden, no "unknown setting", one click shows all.
  const student = await watchedContext(env.browser, DESKTOP);
  const other = await student.context.newPage();
  await other.goto(link);
  await other.locator(".bd-heat").waitFor();
  assert.equal(await other.locator('[data-panel="data"]').isVisible(), false);
  assert.equal(await other.locator('[data-panel="train"]').isVisible(), false);
  assert.equal(await other.locator(".panel-hide").count(), 0, "not in presenter mode there");
  const notices = (await other.locator(".notice").allTextContents()).join(" ");
  assert.doesNotMatch(notices, /hide|unknown/i);
  await other.getByRole("button", { name: /Show all/ }).click();
  await other.locator('[data-panel="data"]').waitFor();
  assert.equal(await other.locator('[data-panel="train"]').isVisible(), true);
  assert.equal(await other.locator(".hidden-chip").count(), 0);
  assert.equal(hiddenParam(other), null, "the address no longer hides anything");
  assert.deepEqual(student.problems, []);
  await student.context.close();

  // A second screen: hidden panels survive the screen's own link and a trip elsewhere.
  await page.goto(`${env.site.url}#/conv`);
  await page.locator('[data-panel="kernels"] .panel-hide').click();
  await page.locator('[data-panel="kernels"]').waitFor({ state: "hidden" });
  await page.locator(".conv-lecture").click();
  await page.waitForFunction(() => /[?&]hide=kernels(&|$)/.test(location.hash) && /\?.+&|&.+/.test(location.hash));
  await page.getByRole("link", { name: /LSTM/ }).first().click();
  await page.waitForFunction(() => location.hash.startsWith("#/lstm"));
  await page.locator(".lstm-train").first().waitFor();
  await page.locator(".hidden-chip").waitFor({ state: "detached" }); // nothing hidden on the LSTM screen
  await page.goBack();
  await page.locator('[data-panel="tools"]').waitFor();
  assert.equal(await page.locator('[data-panel="kernels"]').isVisible(), false);
  assert.equal(hiddenParam(page), "kernels");
  await page.getByRole("button", { name: "Presenter" }).click();
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: presenter mode with hidden panels fits the width", async () => {
  const { context, problems } = await watchedContext(env.browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/lstm?hide=equations.variants`);
  await page.locator("main h1").waitFor();
  await page.getByRole("button", { name: "Presenter" }).click();
  assert.equal(await page.locator('[data-panel="variants"]').isVisible(), false);
  assert.equal(await page.locator('[data-panel="train"] .panel-hide').isVisible(), true);
  assert.ok((await overflowX(page)) <= 0, "no sideways scrolling");
  await screenshot(page, "phone-presenter-hidden-lstm.png");
  await page.goto(`${env.site.url}#/deep?hide=settings`);
  await page.locator('[data-panel="loss"]').waitFor();
  assert.ok((await overflowX(page)) <= 0, "no sideways scrolling");
  await screenshot(page, "phone-presenter-hidden-deep.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("presenter mode: every screen with controls offers Hide buttons and fits the width", async () => {
  for (const kind of [DESKTOP, PHONE]) {
    const { context, problems } = await watchedContext(env.browser, kind);
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/`);
    await page.getByRole("button", { name: "Presenter" }).click();
    for (const slug of ["boundaries", "backprop", "conv", "lstm", "deep"]) {
      await page.goto(`${env.site.url}#/${slug}`);
      await page.locator('[data-panel="file"] .panel-hide').waitFor();
      assert.ok((await page.locator(".panel-hide").count()) >= 3, `${slug} has Hide buttons`);
      assert.ok((await overflowX(page)) <= 0, `${slug} (${kind.name}) scrolls sideways`);
      await screenshot(page, `${kind.name}-presenter-${slug}.png`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("presenter mode on a projector: the header is one row of at most 64 px on every screen", async () => {
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1280, height: 800 }]) {
    const { context, problems } = await watchedContext(env.browser, { ...DESKTOP, viewport });
    const page = await context.newPage();
    for (const { slug } of SCREENS.filter((s) => s.slug)) {
      await page.goto(`${env.site.url}#/${slug}?presenter=1`);
      await page.locator("main h1").waitFor();
      const header = await page.locator(".site-header").boundingBox();
      assert.ok(header.height <= 64, `${viewport.width}×${viewport.height} ${slug}: header ${header.height} px`);
      const active = await page.locator(".nav-link.active").boundingBox();
      const seen = active && active.y >= 0 && active.y + active.height <= 64 && active.x >= 0 && active.x + active.width <= viewport.width;
      assert.ok(seen, `${slug}: the current screen's tab shows: ${JSON.stringify(active)}`);
      await screenshot(page, `projector-${viewport.width}-${slug}.png`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

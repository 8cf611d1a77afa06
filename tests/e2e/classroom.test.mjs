// A teacher in a lecture hall: presenter mode makes the type larger and is remembered, the
// keyboard drives training (Space, →, R) and "?" lists the keys — on the screen a class
// watches, without touching the mouse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

const epoch = async (page) => parseInt(await page.locator(".bd-epoch-value").textContent(), 10);
const h1Size = (page) => page.$eval("main h1", (h) => parseFloat(getComputedStyle(h).fontSize));

test("presenter mode enlarges the type and survives a reload", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const normal = await h1Size(page);
  await page.getByRole("button", { name: "Presenter" }).click();
  assert.equal(await page.getAttribute("html", "class"), "presenter");
  assert.ok((await h1Size(page)) > 1.2 * normal, "the heading grew");
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
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
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

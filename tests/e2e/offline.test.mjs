// After one visit the site works with the network cut: a student on a train reloads the
// page, changes screen and the app still runs (the service worker in web/sw.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP } from "./harness.mjs";

const env = openSite();

test("the site reloads and changes screens with the network cut after a first visit", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  // The worker has installed once it controls the page and its copy is complete.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done));
    }
  });
  const kept = await page.evaluate(async () => {
    const cache = await caches.open("nnp-offline-v1");
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(kept.some((p) => p.endsWith(".wasm")), `the wasm is kept: ${kept}`);
  assert.ok(kept.some((p) => p.endsWith("data/digits.csv")), "the digits are kept");

  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Decision boundaries");
  await page.locator(".site-nav").getByRole("link", { name: "Convolution", exact: true }).click();
  await page.locator(".conv-map-0 canvas").waitFor();
  const offlineLoad = await page.evaluate(async () => (await fetch("data/digits.csv")).ok);
  assert.ok(offlineLoad, "data files come from the copy too");
  await screenshot(page, "desktop-offline-conv.png");
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});

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
  // One cache, named after this build (scripts/stamp-sw.mjs), not the source's placeholder.
  const names = await page.evaluate(() => caches.keys());
  assert.equal(names.length, 1, `one cache: ${names}`);
  assert.match(names[0], /^nnp-offline-[0-9a-f]{12}$/);
  const kept = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  }, names[0]);
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

test("a new build's worker deletes the old build's cache", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // What an older build left behind; the activate step of a worker deletes every cache but
  // its own. Re-running that step: unregister, then register the same worker anew.
  await page.evaluate(async () => {
    await (await caches.open("nnp-offline-000000000000")).put("old.wasm", new Response("old"));
    const registration = await navigator.serviceWorker.ready;
    await registration.unregister();
    await navigator.serviceWorker.register("sw.js");
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(async () => !(await caches.keys()).includes("nnp-offline-000000000000"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the site can be installed: a manifest with icons, a start URL under the sub-path", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/`);
  await page.locator("main h1").waitFor();
  const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  assert.ok(href.includes("/courses/nnp/manifest.webmanifest"), href);
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.display, "standalone");
  for (const size of ["192x192", "512x512"]) {
    const icon = manifest.icons.find((i) => i.sizes === size);
    assert.ok(icon, `an icon of ${size}`);
    const ok = await page.evaluate(async (src) => (await fetch(new URL(src, document.baseURI))).ok, icon.src);
    assert.ok(ok, `${icon.src} is served`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

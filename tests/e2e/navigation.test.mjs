// A visitor opens the site from a sub-path, clicks to every screen, reloads, switches
// language — on a desktop and on a phone. Fails on any console error, page error or
// request off this machine, and leaves a screenshot of every screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

const SCREENS = [
  { slug: "boundaries", nav: "Boundaries", title: "Decision boundaries" },
  { slug: "backprop", nav: "Backprop", title: "Backprop on the car example" },
  { slug: "deep", nav: "Deep nets", title: "Deep networks, layer by layer" },
  { slug: "conv", nav: "Convolution", title: "Convolution painter" },
  { slug: "cnn", nav: "CNN", title: "A CNN that learns digits" },
  { slug: "lstm", nav: "LSTM gates", title: "LSTM gates over time" },
  { slug: "activations", nav: "Activations", title: "Activation functions" },
];

const env = openSite();

for (const kind of [DESKTOP, PHONE]) {
  test(`${kind.name}: every screen is reachable by clicking, survives reload, and is clean`, async () => {
    const { context, problems } = await watchedContext(env.browser, kind);
    const page = await context.newPage();
    await page.goto(env.site.url);
    await page.locator(".cards .card").first().waitFor();
    assert.equal(await page.locator("main h1").textContent(), "Neural network playground");
    await screenshot(page, `${kind.name}-home.png`);

    for (const { slug, nav, title } of SCREENS) {
      await page.locator(".site-nav").getByRole("link", { name: nav, exact: true }).click();
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, title);
      assert.ok(page.url().endsWith(`#/${slug}`), `url ${page.url()} names the screen`);
      assert.ok((await page.title()).startsWith(title));
      await screenshot(page, `${kind.name}-${slug}.png`);

      await page.reload();
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, title);
    }

    // Another screen opens at its top, not at the old one's scroll position.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    assert.ok((await page.evaluate(() => window.scrollY)) > 100, "the last screen scrolled down");
    await page.evaluate(() => { location.hash = "#/boundaries"; });
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Decision boundaries");
    await page.waitForFunction(() => window.scrollY === 0);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the page carries a Content-Security-Policy that allows no inline script but the page's own two", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(env.site.url);
  await page.locator(".cards .card").first().waitFor();
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  // Trunk's start-up module and the SIMD check of index.html, each by its hash, nothing else.
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  const inline = await page.evaluate(async () => {
    const digests = [];
    for (const script of document.querySelectorAll("script:not([src])")) {
      const bytes = new TextEncoder().encode(script.textContent);
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
      digests.push(btoa(String.fromCharCode(...digest)));
    }
    return digests;
  });
  assert.equal(inline.length, 2, "two inline scripts");
  for (const digest of inline) assert.ok(policy.includes(`'sha256-${digest}'`), `${digest} allowed by its hash`);
  assert.doesNotMatch(policy, /script-src[^;]*unsafe-inline/);
  assert.match(policy, /connect-src 'self'/);
  // Every screen ran under it without a violation (they would be console errors).
  assert.deepEqual(problems, []);
  await context.close();
});

test("a shared link opens its screen directly, in the visitor's remembered language", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/lstm`);
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "LSTM gates over time");
  await page.getByRole("button", { name: "中文" }).click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "LSTM 的门随时间变化");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await screenshot(page, "desktop-lstm-zh.png");

  const second = await context.newPage();
  await second.goto(`${env.site.url}#/conv`);
  await second.waitForFunction(() => document.querySelector("main h1")?.textContent === "卷积画板");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link to an unknown screen explains itself instead of a blank page", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/does-not-exist`);
  await page.locator("main [role=alert]").waitFor();
  assert.equal(await page.locator("main h1").textContent(), "No such screen");
  assert.equal(await page.locator("#panic-banner").isHidden(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test("lang, presenter and embed in a link set up the lesson; embedded, the screen stands alone and works", async () => {
  const { context, problems } = await watchedContext(env.browser, { ...DESKTOP, viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/backprop?lang=zh&presenter=1&embed=1`);
  await page.locator(".bp-graph-svg").waitFor();
  assert.equal(await page.locator("main h1").textContent(), "两辆车的反向传播");
  assert.equal(await page.locator(".site-header").count(), 0, "no header when embedded");
  assert.equal(await page.locator(".site-footer").count(), 0, "no footer when embedded");
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("presenter")));
  // The controls work: a step computes a node.
  await page.locator(".bp-step").click();
  await page.locator(".bp-node .bp-f:not(.bp-pending)").first().waitFor();
  // The keys stay in the address after the screen rewrites its state.
  await page.locator(".bp-forward").click();
  assert.match(page.url(), /embed=1/);
  assert.match(page.url(), /lang=zh/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the iframe scrolls sideways by ${overflow}px`);
  await screenshot(page, "embed-backprop-800x600.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a browser without WebAssembly SIMD is told so in both languages, not left with a blank page", async () => {
  const { context } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  // This browser has SIMD: the probe module validates and the message stays hidden.
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  assert.equal(await page.locator("#no-simd").isVisible(), false);
  // As an older browser: the same probe fails to validate.
  const old = await context.newPage();
  await old.addInitScript(() => {
    WebAssembly.validate = () => false;
  });
  await old.goto(`${env.site.url}#/boundaries`);
  await old.locator("#no-simd").waitFor({ state: "visible" });
  const text = await old.locator("#no-simd").textContent();
  assert.match(text, /needs WebAssembly with SIMD/);
  assert.match(text, /Safari 16\.4/);
  assert.match(text, /需要支持 SIMD 的 WebAssembly/);
  await context.close();
});

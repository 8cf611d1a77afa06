import { before, after } from "node:test";
// Shared pieces of the end-to-end tests: a static server that serves dist/ under a
// sub-path (as a static host would, with no rewrite rules), and a headless Chromium whose
// pages fail the test on any console error, page error or request off this machine.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
export const DIST = process.env.NNP_DIST ?? join(ROOT, "dist");
export const SUB_PATH = "/courses/nnp/";
export const SHOTS = join(ROOT, "tests/output/screenshots");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".gz": "application/gzip",
  ".webmanifest": "application/manifest+json",
};

/** Serves DIST at SUB_PATH on a free loopback port; anything else is a 404. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end("outside the site");
      return;
    }
    let file = normalize(join(DIST, path.slice(SUB_PATH.length)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith("/")) file = join(file, "index.html");
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Serves the build and starts Chromium once for a test file (closed after its last test):
 * `const env = openSite();` then `env.site.url` and `env.browser` inside the tests.
 */
export function openSite() {
  const env = {};
  before(async () => {
    env.site = await serveDist();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}

export const DESKTOP = { name: "desktop", viewport: { width: 1280, height: 800 } };
export const PHONE = {
  name: "phone",
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/**
 * A browser context of the given kind whose `problems` list collects every console error,
 * uncaught page error and request to a host other than loopback (such requests are blocked).
 */
export async function watchedContext(browser, kind) {
  const { name, ...options } = kind;
  const context = await browser.newContext(options);
  // Playwright waits 30 s by default; a 2-core machine running a build beside the tests can
  // take longer to load the wasm, so every wait gets a wide margin (a test that passes still
  // ends as soon as what it waits for is there).
  context.setDefaultTimeout(120000);
  const problems = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1" || url.hostname === "localhost") {
      return route.continue();
    }
    problems.push(`request off the machine: ${url.href}`);
    return route.abort();
  });
  context.on("page", (page) => {
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  });
  return { context, problems, name };
}

export async function screenshot(page, file) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, file), fullPage: false });
}

/** Every screen, with an element that appears only once the screen has rendered its content
 * (the deep and CNN screens' after their digits have loaded), and how many controls it has at least
 * (the activations gallery has none: it is pictures and text). */
export const SCREENS = [
  { slug: "", name: "home", ready: ".home .card-link", controls: 5 },
  { slug: "boundaries", name: "boundaries", ready: ".bd-heat", controls: 10 },
  { slug: "backprop", name: "backprop", ready: ".bp-graph-svg", controls: 10 },
  { slug: "deep", name: "deep", ready: ".deep-feature-grid", controls: 5 },
  { slug: "conv", name: "conv", ready: ".conv-map-0 canvas", controls: 10 },
  { slug: "cnn", name: "cnn", ready: ".cnn-kernel", controls: 5 },
  { slug: "lstm", name: "lstm", ready: ".lstm-train", controls: 10 },
  { slug: "activations", name: "activations", ready: ".screen-activations .gallery > *", controls: 0 },
];

/** Opens a screen and waits until it has rendered, so a scan never looks at an empty page. */
export async function openScreen(page, siteUrl, screen) {
  await page.goto(`${siteUrl}#/${screen.slug}`);
  await page.locator(screen.ready).first().waitFor({ timeout: 120000 });
}

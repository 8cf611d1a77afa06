// A developer's `trunk serve`: the debug build opens without a console error (no
// Content-Security-Policy to block Trunk's live-reload script, no service worker), and a
// change to a watched file reloads the page by itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, launchBrowser, watchedContext, DESKTOP } from "./harness.mjs";

/** A free TCP port on loopback. */
const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

/** Resolves once `url` answers 200, polling; a cold debug build can take minutes. */
async function answered(url, child, limitMs) {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if (child.exitCode !== null) throw new Error(`trunk serve ended with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${limitMs / 1000} s`);
}

test("trunk serve: the page opens with no console error and reloads when a watched file changes", async () => {
  const port = await freePort();
  let log = "";
  const child = spawn(
    "trunk",
    ["serve", "--port", String(port), "--dist", "target/serve-dist", "--poll",
      "--watch", "index.html", "--watch", "web", "--watch", "crates"],
    { cwd: ROOT, env: process.env, detached: true },
  );
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const browser = await launchBrowser();
  const index = join(ROOT, "index.html");
  const html = readFileSync(index, "utf8");
  try {
    const url = `http://127.0.0.1:${port}/`;
    await answered(url, child, 15 * 60 * 1000);
    const { context, problems } = await watchedContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${url}#/boundaries`);
    await page.locator(".bd-heat").waitFor();
    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, "no service worker");
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 0, "no CSP in a debug build");
    // A change to a watched file (the same text written again): Trunk rebuilds and the
    // page reloads itself — the mark set on this page's window is gone afterwards.
    await page.evaluate(() => (window.beforeReload = true));
    writeFileSync(index, html);
    await page.waitForFunction(() => window.beforeReload === undefined && document.querySelector(".bd-heat"), null, { timeout: 10 * 60 * 1000 });
    assert.deepEqual(problems, []);
    await context.close();
  } catch (error) {
    console.log(log.slice(-4000));
    throw error;
  } finally {
    writeFileSync(index, html);
    await browser.close();
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

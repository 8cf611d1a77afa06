// The phone proxy of a whole screen, not only its arithmetic: the release site (NNP_DIST,
// else dist/) on a 390 px phone page (pixel ratio 2), the decision boundaries training live,
// unthrottled and under Chromium's CPU throttling (DevTools' Emulation.setCPUThrottlingRate).
// For 5 s it records the gaps between animation frames — what the student sees, the browser's
// own painting included — and the screen's own frame time (debug=1). scripts/bench.sh runs
// it after building the site; it prints lines, it asserts nothing.
// Usage: NNP_DIST=DIR node scripts/phone-screen.mjs [RATE...]   (default rate 6)
import { PHONE, launchBrowser, serveDist } from "../tests/e2e/harness.mjs";

const rates = [1, ...(process.argv.length > 2 ? process.argv.slice(2).map(Number) : [6])];
const NETWORKS = [
  ["default 4-2", "h=4-tanh.2-tanh"],
  ["8 × 32", `h=${Array(8).fill("32-tanh").join(".")}`],
];
const SECONDS = 5;

const site = await serveDist();
const browser = await launchBrowser();
try {
  for (const rate of rates) {
    for (const [name, query] of NETWORKS) {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await page.goto(`${site.url}#/boundaries?${query}&debug=1`);
      await page.locator(".bd-heat").waitFor({ timeout: 120000 });
      await page.waitForTimeout(1500);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      await page.locator(".bd-play").click();
      await page.waitForTimeout(1500);
      const gaps = await page.evaluate(
        (seconds) =>
          new Promise((done) => {
            let last = performance.now();
            const end = last + seconds * 1000;
            const gaps = [];
            const frame = () => {
              const now = performance.now();
              gaps.push(now - last);
              last = now;
              if (now < end) requestAnimationFrame(frame);
              else done(gaps);
            };
            requestAnimationFrame(frame);
          }),
        SECONDS,
      );
      const own = (await page.locator(".bd-frame-time").textContent()).match(/([\d.]+) ms/)?.[1];
      const epochs = await page.locator(".bd-epoch-value").textContent();
      gaps.sort((a, b) => a - b);
      const at = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))].toFixed(0);
      console.log(
        `PHONE-SCREEN throttle=${rate}× boundaries ${name}: ${gaps.length} frames in ${SECONDS} s, ` +
          `gap median ${at(0.5)} ms, p90 ${at(0.9)} ms, worst ${at(1)} ms; ` +
          `the screen's last frame ${own ?? "?"} ms; epoch ${epochs.trim()}`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}

// The phone proxy: runs a wasm-bindgen test page (crates/bench/tests/phone.rs, built by
// scripts/bench.sh) in headless Chromium with its CPU slowed down by Chromium's own
// throttling (DevTools' Emulation.setCPUThrottlingRate), once unthrottled and once at each
// given rate, and prints the page's PHONE lines.
// Usage: node scripts/phone.mjs WASM-FILE [RATE...]   (default rate 6)
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [wasm, ...rateArgs] = process.argv.slice(2);
if (!wasm) {
  console.error("usage: node scripts/phone.mjs WASM-FILE [RATE...]");
  process.exit(2);
}
const rates = [1, ...(rateArgs.length ? rateArgs.map(Number) : [6])];
const address = `127.0.0.1:${8700 + Math.floor(Math.random() * 200)}`;

// wasm-bindgen-test-runner serves the test page instead of driving a browser when
// NO_HEADLESS is set; the page runs the tests as soon as it loads.
const runner = spawn("wasm-bindgen-test-runner", [wasm], {
  env: { ...process.env, NO_HEADLESS: "1", WASM_BINDGEN_TEST_ADDRESS: address },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve, reject) => {
  runner.stdout.on("data", (chunk) => {
    if (String(chunk).includes("available at")) resolve();
  });
  runner.on("exit", (code) => reject(new Error(`the test runner exited (${code})`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
let failed = false;
try {
  for (const rate of rates) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    page.on("console", (message) => {
      const text = message.text();
      if (text.startsWith("PHONE ")) console.log(`throttle=${rate}× ${text.slice(6)}`);
      if (/panicked|FAILED/.test(text)) {
        failed = true;
        console.error(text);
      }
    });
    await page.goto(`http://${address}/`);
    await page.waitForFunction(
      () => /test result/.test(document.getElementById("output")?.textContent ?? ""),
      null,
      { timeout: 600_000, polling: 1000 },
    );
    await page.close();
  }
} finally {
  await browser.close();
  runner.kill();
}
process.exit(failed ? 1 : 0);

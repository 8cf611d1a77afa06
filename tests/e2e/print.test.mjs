// Printing prints the current screen on one page without controls (print_fit.rs sets a page
// as wide as the screen and as tall as it needs, just before printing), on a projector-sized
// window, in presenter mode and on a phone; after printing the screen is as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, PHONE } from "./harness.mjs";

const env = openSite();
const SCREENS = ["boundaries", "backprop", "conv", "lstm", "deep", "cnn", "activations", "tour"];

const pageCount = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

for (const [width, height, query] of [[1280, 800, ""], [1024, 768, "?presenter=1"], [390, 844, ""]]) {
  test(`${width}×${height}${query}: every screen prints on one page, without controls`, async () => {
    const kind = width === PHONE.viewport.width ? PHONE : { viewport: { width, height } };
    const { context, problems } = await watchedContext(env.browser, kind);
    const page = await context.newPage();
    for (const slug of SCREENS) {
      await page.goto(`${env.site.url}#/${slug}${query}`);
      await page.locator("main h1").waitFor({ state: "attached" });
      await page.waitForTimeout(1500);
      // What the page looks like while it prints (recorded by the app's own beforeprint).
      await page.evaluate(() => window.addEventListener("beforeprint", () => {
        const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
        window.printed = {
          printing: document.documentElement.classList.contains("printing"),
          buttons: [...document.querySelectorAll("main button, main input, main select")].filter(visible).length,
          header: visible(document.querySelector(".site-header")),
        };
      }, { once: true }));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const printed = await page.evaluate(() => window.printed);
      assert.equal(pageCount(pdf), 1, `${slug}: ${pageCount(pdf)} pages`);
      assert.deepEqual(printed, { printing: true, buttons: 0, header: false }, slug);
      const after = await page.evaluate(() => [...document.documentElement.classList].sort().join(" "));
      assert.ok(!after.includes("printing"), `${slug}: ${after}`);
      assert.equal(after.includes("presenter"), query.includes("presenter"), `${slug}: presenter mode is back`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

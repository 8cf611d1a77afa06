// A visitor opens the decision-boundaries screen, presses play, watches the accuracy rise
// and the picture change, paints a point and reads the probe — on a desktop and a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

const heatPixels = (page) => page.evaluate(() => document.querySelector(".bd-heat").toDataURL());
const testAccuracy = async (page) =>
  parseFloat(await page.locator(".bd-metric.test-accuracy output").textContent());
const trainCount = async (page) =>
  parseInt((await page.locator(".bd-counts").textContent()).trim(), 10);

for (const kind of [DESKTOP, PHONE]) {
  test(`${kind.name}: play trains the network, the picture changes, painting adds a point`, async () => {
    const { context, problems } = await watchedContext(env.browser, kind);
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/boundaries`);
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Decision boundaries");
    await page.locator(".bd-heat").waitFor();
    // Five feature/unit columns' worth of thumbnails: φ (2), 4, 2, output.
    assert.equal(await page.locator(".bd-thumb").count(), 2 + 4 + 2 + 1);
    await screenshot(page, `${kind.name}-boundaries-start.png`);

    const before = await heatPixels(page);
    const startAccuracy = await testAccuracy(page);
    await page.locator(".bd-play").click();
    await page.waitForFunction(
      () => parseFloat(document.querySelector(".bd-metric.test-accuracy output").textContent) >= 90,
      null,
      { timeout: 120000 },
    );
    await page.locator(".bd-play").click(); // pause
    const epochs = parseInt(await page.locator(".bd-epoch-value").textContent(), 10);
    assert.ok(epochs > 0, `epoch counter moved (${epochs})`);
    assert.ok((await testAccuracy(page)) > startAccuracy, "test accuracy rose");
    assert.notEqual(await heatPixels(page), before, "the heatmap changed");

    // Probe: pointing at the plane shows φ(x) and the score.
    const plane = page.locator(".bd-points");
    await plane.scrollIntoViewIfNeeded();
    const box = await plane.boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.locator(".bd-probe-table").waitFor();
    assert.match(await page.locator(".bd-probe-score td").textContent(), /^-?\d+\.\d{3}$/);
    // … and writes every unit's value on the diagram: φ (2), 4, 2, output; the output's
    // value is the score the table shows.
    assert.equal(await page.locator(".bd-unit-value").count(), 2 + 4 + 2 + 1);
    const score = parseFloat(await page.locator(".bd-probe-score td").textContent());
    const onDiagram = parseFloat(await page.locator('.bd-unit-value[data-col="3"][data-unit="0"]').textContent());
    assert.ok(Math.abs(onDiagram - score) <= 0.006, `diagram ${onDiagram} vs table ${score}`);
    await screenshot(page, `${kind.name}-boundaries-trained.png`);
    // The accuracy curves and the losses over the margin are drawn (not blank canvases).
    for (const chart of [".bd-accuracy-chart canvas", ".bd-margin canvas"]) {
      const inked = await page.locator(chart).evaluate((c) => {
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
        return n;
      });
      assert.ok(inked > 500, `${chart} has ${inked} inked pixels`);
    }

    // Paint a −1 point in a corner.
    const count = await trainCount(page);
    await page.locator(".bd-tool.negative").click();
    await plane.click({ position: { x: box.width * 0.1, y: box.height * 0.1 } });
    await page.waitForFunction((n) => parseInt(document.querySelector(".bd-counts").textContent, 10) === n + 1, count);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.locator(".bd-network").scrollIntoViewIfNeeded();
    await screenshot(page, `${kind.name}-boundaries-network.png`);
    await page.locator(".bd-hypothesis").scrollIntoViewIfNeeded();
    await screenshot(page, `${kind.name}-boundaries-hypothesis.png`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("desktop: the share link opens the same points, settings and trained network elsewhere", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  await page.locator(".bd-dataset").selectOption("xor");
  const plane = page.locator(".bd-points");
  const box = await plane.boundingBox();
  await page.locator(".bd-tool.negative").click();
  await plane.click({ position: { x: box.width * 0.2, y: box.height * 0.8 } });
  await page.locator(".bd-play").click();
  await page.waitForFunction(() => parseInt(document.querySelector(".bd-epoch-value").textContent, 10) >= 40);
  await page.locator(".bd-play").click(); // pause: the address bar now holds the run
  const state = async (p) => ({
    epoch: await p.locator(".bd-epoch-value").textContent(),
    points: await p.locator(".bd-counts").textContent(),
    metrics: await p.locator(".bd-metrics").textContent(),
    heat: await heatPixels(p),
  });
  const original = await state(page);
  const link = page.url();
  assert.match(link, /#\/boundaries\?d=xor&.*p=.*e=\d+/);

  const fresh = await watchedContext(env.browser, DESKTOP);
  const other = await fresh.context.newPage();
  await other.goto(link);
  await other.locator(".bd-heat").waitFor();
  await other.waitForFunction(
    (e) => document.querySelector(".bd-epoch-value")?.textContent === e && !document.querySelector(".bd-replay"),
    original.epoch,
    { timeout: 120000 },
  );
  assert.deepEqual(await state(other), original);
  await screenshot(other, "desktop-boundaries-shared.png");

  // A tampered link still opens, says what it could not use, and keeps the rest.
  await other.goto(`${env.site.url}#/boundaries?d=spiral&h=99-nope&lr=NaN`);
  await other.reload();
  await other.locator(".bd-notice").waitFor();
  assert.match(await other.locator(".bd-notice-text").textContent(), /h, lr/);
  assert.equal(await other.locator(".bd-dataset").inputValue(), "spiral");
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("desktop: the points survive a reload without the link, and a saved file opens them again", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  await page.locator(".bd-clear").click();
  const plane = page.locator(".bd-points");
  const box = await plane.boundingBox();
  await page.locator(".bd-tool.positive").click();
  for (const [fx, fy] of [[0.2, 0.2], [0.3, 0.7], [0.8, 0.4]]) {
    await plane.click({ position: { x: box.width * fx, y: box.height * fy } });
  }
  await page.waitForFunction(() => document.querySelector(".bd-counts").textContent.startsWith("3 "));
  const counts = await page.locator(".bd-counts").textContent();

  // Opening the screen again without any link brings back what this browser remembered.
  await page.goto(`${env.site.url}#/`);
  await page.goto(`${env.site.url}#/boundaries`);
  await page.reload();
  await page.locator(".bd-heat").waitFor();
  assert.equal(await page.locator(".bd-counts").textContent(), counts);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".state-save").click()]);
  const saved = await download.path();

  const fresh = await watchedContext(env.browser, DESKTOP);
  const other = await fresh.context.newPage();
  await other.goto(`${env.site.url}#/boundaries`);
  await other.locator(".bd-heat").waitFor();
  assert.notEqual(await other.locator(".bd-counts").textContent(), counts);
  await other.locator(".state-open input").setInputFiles(saved);
  await other.waitForFunction((c) => document.querySelector(".bd-counts").textContent === c, counts);
  // A file that is not ours is refused with a message; the points stay.
  await other.locator(".state-open input").setInputFiles({ name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await other.locator(".file-error").waitFor();
  assert.equal(await other.locator(".bd-counts").textContent(), counts);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("desktop: 8 hidden layers × 32 train live; the frame time is shown with debug=1 only", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const layers = Array(8).fill("32-tanh").join(".");
  await page.goto(`${env.site.url}#/boundaries?d=spiral&h=${layers}`);
  await page.locator(".bd-heat").waitFor();
  assert.equal(await page.locator(".bd-frame-time").count(), 0, "no developer readout for students");
  await page.goto(`${env.site.url}#/boundaries?d=spiral&h=${layers}&debug=1`);
  await page.reload();
  await page.locator(".bd-heat").waitFor();
  assert.equal(page.url().includes("debug=1"), true, "the debug key stays in the address");
  assert.equal(await page.locator(".bd-thumb").count(), 2 + 8 * 32 + 1);
  await page.locator(".bd-play").click();
  const totals = [];
  for (let k = 0; k < 12; k++) {
    await page.waitForTimeout(250);
    const text = await page.locator(".bd-frame-time").textContent();
    totals.push(Number(text.match(/([\d.]+) ms/)[1]));
  }
  await page.locator(".bd-play").click();
  totals.sort((a, b) => a - b);
  // Reported, not asserted: timing belongs in benchmarks (README), never in a pass/fail.
  console.log(`# boundaries 8×32 frame (train + the plane + 64 of the 259 unit pictures, in turn): median ${totals[6]} ms, range ${totals[0]}–${totals[11]} ms`);
  assert.ok(parseInt(await page.locator(".bd-epoch-value").textContent(), 10) > 10, "it trained");
  await page.locator(".bd-network").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-boundaries-8x32.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("desktop: points come in from a CSV file and go out as one; a bad file names its line and loses nothing", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/boundaries`);
  await page.locator(".bd-heat").waitFor();
  const counts = await page.locator(".bd-counts").textContent();
  const upload = (name, text) =>
    page.locator(".bd-csv-import input").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

  await upload("bad.csv", "x1,x2,label\n1,1,1\n2,2,1\n0,0,-1\n1,0,1\n0,1,0\nabc,1,1\n");
  await page.locator(".bd-notice.notice-error").waitFor();
  assert.match(await page.locator(".bd-notice-text").textContent(), /line 7, column 1: 'abc' is not a number/);
  assert.equal(await page.locator(".bd-counts").textContent(), counts, "nothing of the current points is lost");

  await upload("good.csv", "x1,x2,label\n1,1,1\n-2,-2,0\n3,-1,-1\n");
  await page.waitForFunction(() => document.querySelector(".bd-counts").textContent.startsWith("3 training"));
  assert.match(await page.locator(".bd-notice-text").textContent(), /3 points imported/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".bd-csv-export").click()]);
  const path = await download.path();
  const text = (await import("node:fs")).readFileSync(path, "utf8");
  const rows = text.trim().split("\n");
  assert.equal(rows[0], "x1,x2,label");
  assert.equal(rows.length, 4, text);
  assert.deepEqual(rows.slice(1).map((r) => r.split(",")[2]), ["1", "-1", "-1"]);

  // Undo brings the points from before the import back.
  await page.locator(".bd-undo").click();
  assert.equal(await page.locator(".bd-counts").textContent(), counts);
  assert.deepEqual(problems, []);
  await context.close();
});

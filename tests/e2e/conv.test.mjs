// The convolution painter as a student uses it: paint with the mouse and watch the
// feature maps change during the stroke, load the lecture's example and read 6600 off the
// page, upload a picture (and a file that is not one), and check the phone layout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { serveDist, launchBrowser, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

let site;
let browser;
before(async () => {
  site = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** The RGBA pixels of a canvas, as a plain array. */
const pixels = (page, selector) =>
  page.$eval(selector, (c) => Array.from(c.getContext("2d").getImageData(0, 0, c.width, c.height).data));

const differing = (a, b) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

async function open(kind) {
  const { context, problems } = await watchedContext(browser, kind);
  const page = await context.newPage();
  await page.goto(`${site.url}#/conv`);
  await page.locator(".conv-map-0 canvas").waitFor();
  return { context, problems, page };
}

/** A grey PNG of a white square on black, written by hand (no image library needed). */
function squarePng(size) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1);
    for (let x = 0; x < size; x++) {
      row[x + 1] = x > size / 4 && x < (3 * size) / 4 && y > size / 4 && y < (3 * size) / 4 ? 255 : 0;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("painting a stroke with the mouse changes the feature maps while the button is down", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".conv-clear").click();
  await page.waitForTimeout(100);
  const before = await pixels(page, ".conv-map-0 canvas");
  const pooledBefore = await pixels(page, ".conv-pooled canvas");
  const box = await page.locator(".conv-paint").boundingBox();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * (0.3 + i * 0.03));
  }
  await page.waitForTimeout(100);
  const during = await pixels(page, ".conv-map-0 canvas");
  assert.ok(differing(before, during) > 100, "the map changed during the stroke");
  await page.mouse.up();
  await page.waitForTimeout(100);
  const pooledAfter = await pixels(page, ".conv-pooled canvas");
  assert.ok(differing(pooledBefore, pooledAfter) > 20, "the pooled map changed too");
  await screenshot(page, "desktop-conv-stroke.png");

  // Undo brings the empty maps back.
  await page.locator(".conv-undo").click();
  await page.waitForTimeout(100);
  assert.equal(differing(before, await pixels(page, ".conv-map-0 canvas")), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("at 512² with four 7×7 kernels the stroke's frames are timed on the page", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".conv-resolution").selectOption("512");
  await page.locator(".conv-kernel-size").selectOption("7");
  await page.waitForTimeout(200);
  const box = await page.locator(".conv-paint").boundingBox();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(box.x + box.width * (0.1 + i * 0.025), box.y + box.height * (0.5 + 0.2 * Math.sin(i / 4)));
  }
  await page.mouse.up();
  const timing = await page.locator(".conv-timing").textContent();
  assert.match(timing, /Last stroke: \d+ frames, the slowest took [\d.]+ ms/);
  // Reported, not asserted: timing belongs in benchmarks (README), never in a pass/fail.
  console.log(`# conv 512², 4 × 7×7: ${timing}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the lecture example reads 6600 at the centre of the curve detector's map", async () => {
  const { context, problems, page } = await open(DESKTOP);
  await page.locator(".conv-lecture").click();
  const map = page.locator(".conv-map-0 canvas");
  const box = await map.boundingBox();
  await page.mouse.move(box.x + box.width * 0.07, box.y + box.height * 0.07);
  await page.waitForFunction(() => document.querySelector(".conv-probe-value")?.textContent !== "6600");
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForFunction(() => document.querySelector(".conv-probe-value")?.textContent === "6600");
  const sum = await page.locator(".conv-probe-sum").textContent();
  assert.match(sum, /30·50 \+ 30·20/);
  assert.equal(await page.locator(".conv-kernel-0 .conv-preset").inputValue(), "curve-detector");
  assert.equal(await page.locator(".conv-field").count(), 1, "the receptive field is outlined");
  await screenshot(page, "desktop-conv-lecture.png");
  await page.locator(".conv-probe").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-conv-probe.png");
  await page.locator(".conv-chain").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-conv-chain.png");
  await page.locator(".conv-params").scrollIntoViewIfNeeded();
  await screenshot(page, "desktop-conv-params.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an uploaded picture becomes the image; a text file gets a clear message", async () => {
  const { context, problems, page } = await open(DESKTOP);
  const input = page.locator(".conv-upload input");
  await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await page.locator(".conv-notice[role=alert]").waitFor();
  assert.match(await page.locator(".conv-notice").textContent(), /not an image/);

  await page.locator(".conv-clear").click();
  const blank = await pixels(page, ".conv-paint");
  await input.setInputFiles({ name: "square.png", mimeType: "image/png", buffer: squarePng(40) });
  await page.locator(".conv-notice[role=status]").waitFor();
  await page.waitForTimeout(100);
  const loaded = await pixels(page, ".conv-paint");
  const centre = (64 * 128 + 64) * 4;
  assert.equal(blank[centre], 0);
  assert.ok(loaded[centre] > 200, `centre of the square is white, got ${loaded[centre]}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: everything fits the width and a finger paints", async () => {
  const { context, problems, page } = await open(PHONE);
  await screenshot(page, "phone-conv.png");
  const before = await pixels(page, ".conv-map-0 canvas");
  await page.locator(".conv-paint").scrollIntoViewIfNeeded();
  await screenshot(page, "phone-conv-canvas.png");
  const box = await page.locator(".conv-paint").boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.8, box.y + box.height * 0.8);
  await page.waitForTimeout(150);
  assert.ok(differing(before, await pixels(page, ".conv-map-0 canvas")) > 0, "a tap paints a dot");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.locator(".conv-lecture").click();
  await page.locator(".conv-probe").scrollIntoViewIfNeeded();
  await screenshot(page, "phone-conv-probe.png");
  await page.locator(".conv-kernels").scrollIntoViewIfNeeded();
  await screenshot(page, "phone-conv-kernels.png");
  const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow2 <= 0, `lecture example scrolls sideways by ${overflow2}px`);
  assert.deepEqual(problems, []);
  await context.close();
});

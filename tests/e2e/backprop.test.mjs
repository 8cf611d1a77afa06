// The backprop screen like a student uses it: pick the lecture's third example, step a
// whole forward and backward pass one node at a time, and read f, g and the edge
// derivatives off the graph; edit a weight by clicking it; train; and on a phone the page
// never scrolls sideways (only the graph's own box does).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, watchedContext, screenshot, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();

// The screen writes 4 significant digits with a real minus sign, and numbers below 10⁻⁴ as
// "4.480·10⁻⁵" — in a leaf's narrow box of the graph with 3 significant digits ("4.48·10⁻⁵").
const SUPER = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
const fmt = (x, sciDecimals = 3) => {
  if (x !== 0 && Math.abs(x) < 1e-4) {
    const [mantissa, exponent] = Math.abs(x).toExponential(sciDecimals).split("e");
    const power = [...String(Number(exponent))].map((c) => SUPER[c]).join("");
    return `${x < 0 ? "−" : ""}${mantissa}·10${power}`;
  }
  return x.toPrecision(4).replace("-", "−");
};
const fmtLeaf = (x) => fmt(x, 2);
const sigma = (z) => 1 / (1 + Math.exp(-z));
const SUPERSCRIPT = { "⁻": "-", "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };
/** Reads a number as the screen writes it ("−0.5", "4.540·10⁻⁵"). */
const parseShown = (text) => {
  const [mantissa, power] = text.replace("−", "-").split("·10");
  const exponent = power ? Number([...power].map((c) => SUPERSCRIPT[c]).join("")) : 0;
  return Number(mantissa) * 10 ** exponent;
};

/**
 * The car network by hand: the lecture's v1 = [−1, 1, −1], v2 = [−1, −1, 1], hidden units
 * σ(k·v·Φ) with k = 10, w = [w0, w1, w2], squared loss.
 */
function byHand(x1, x2, y, w) {
  const k = 10;
  const h1 = sigma(k * (-1 + x1 - x2));
  const h2 = sigma(k * (-1 - x1 + x2));
  const score = w[0] + w[1] * h1 + w[2] * h2;
  const loss = (score - y) ** 2;
  const dh1 = k * h1 * (1 - h1);
  return { h1, h2, score, loss, dh1, gV1x1: 2 * (score - y) * w[1] * dh1 * x1 };
}

/** The table's columns as shown: h1, h2 rounded, then ŷ and y as written. */
const tableCells = (page) =>
  page.locator(".bp-table tbody tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].slice(1).map((td) => td.textContent)),
  );

// Node values are written "f = …" with thin spaces around "=".
const nodeText = async (page, label, cls) =>
  (await page.locator(`.bp-node[data-label="${label}"] .${cls}`).textContent()).replaceAll("\u2009", " ");

test("desktop: a full pass stepped through the UI shows the hand-computed f and g", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  // The lecture's exact network at the screen's defaults: no bias, labels 1 safe / 0 not safe.
  await page.goto(`${env.site.url}#/backprop`);
  await page.locator(".bp-graph-svg").waitFor();
  await page.getByRole("button", { name: "Random init" }).click();
  await page.getByRole("button", { name: "Textbook solution" }).click();
  assert.equal(await page.locator(".bp-sharpness").inputValue(), "10");
  await screenshot(page, "desktop-backprop-start.png");
  // The lecture's table, cell by cell: h1, h2 (σ(10·z) within 0.007 of the thresholds), ŷ, y.
  const cells = await tableCells(page);
  assert.deepEqual(
    cells.map(([h1, h2, yhat, y]) => [Math.round(parseShown(h1)), Math.round(parseShown(h2)), yhat, y]),
    [[1, 0, "1", "1"], [0, 1, "1", "1"], [0, 0, "0", "0"]],
  );

  // The lecture's third example: cars at [1, 0.5], not safe.
  await page.locator(".bp-table tbody tr").nth(2).getByRole("button").click();
  await page.waitForFunction(() => document.querySelector(".bp-current-row .bp-use")?.textContent === "[1, 0.5]");

  const nodes = await page.locator(".bp-node").count();
  assert.equal(nodes, 19, "the lecture's graph with the squared loss has 19 nodes");
  const step = page.getByRole("button", { name: "Step one node" });
  for (let k = 0; k < nodes; k++) await step.click();
  // Forward done: the loss is known, no g yet.
  const want = byHand(1, 0.5, 0, [0, 1, 1]);
  assert.equal(await nodeText(page, "loss", "bp-f"), `f = ${fmt(want.loss)}`);
  assert.equal(await page.locator(".bp-node .bp-g").count(), 0);
  assert.match(await page.locator(".bp-phase").textContent(), /Backward pass — next g: loss/);
  for (let k = 0; k < nodes; k++) await step.click();
  await screenshot(page, "desktop-backprop-done.png");

  assert.match(await page.locator(".bp-phase").textContent(), new RegExp(`loss = ${fmt(want.loss)}`));
  assert.equal(await nodeText(page, "loss", "bp-g"), "g = 1.000");
  assert.equal(await nodeText(page, "h1", "bp-f"), `f = ${fmt(want.h1)}`);
  assert.equal(await nodeText(page, "v1[1]", "bp-g"), `g = ${fmtLeaf(want.gV1x1)}`);
  // The green local derivative on the edge h1 → v1·Φ is k·σ'(k·z) = k·h1(1 − h1).
  assert.equal(await page.locator('.bp-local[data-edge="h1>v1·Φ"]').textContent(), fmt(want.dh1));
  // The chain-rule panel (v1[1] is selected) agrees, and so does the finite difference.
  assert.equal(await page.locator(".bp-chain-total").textContent(), fmt(want.gV1x1));
  assert.equal(await page.locator(".bp-chain-fd").textContent(), fmt(want.gV1x1));

  // Click w1 to edit it; the pass restarts, and a finished backward pass uses the new value.
  await page.locator('.bp-node[data-label="w1"]').click();
  const editor = page.locator(".bp-weight");
  await assert.doesNotReject(page.waitForFunction(() => document.activeElement?.classList.contains("bp-weight")));
  await editor.fill("2");
  await editor.press("Enter");
  await page.waitForFunction(() => document.querySelector('.bp-node[data-label="w1"] .bp-f')?.textContent === "=\u20092.000");
  assert.match(await page.locator(".bp-phase").textContent(), /Press “Step one node”/);
  await page.getByRole("button", { name: "Finish backward" }).click();
  const again = byHand(1, 0.5, 0, [0, 2, 1]);
  assert.equal(await nodeText(page, "w1", "bp-g"), `g = ${fmtLeaf(2 * again.score * again.h1)}`);
  await page.locator('.bp-node[data-label="v1[1]"]').click();
  assert.equal(await page.locator(".bp-chain-total").textContent(), fmt(again.gV1x1));

  // An update lowers the loss on this example and says so.
  await page.getByRole("button", { name: "Apply update" }).click();
  const updated = await page.locator(".bp-updated").textContent();
  const [before, after] = updated.split(": ")[1].split(" → ").map(parseShown);
  assert.ok(after < before, updated);

  // A typo is refused with a message; the weight stays.
  await page.locator('.bp-node[data-label="w2"]').click();
  await editor.fill("one");
  await editor.press("Enter");
  await page.locator(".bp-error").getByText("That is not a number").waitFor();
  assert.equal(await nodeText(page, "w2", "bp-f"), "= 1.000");

  // Train from a random start on the grid: the loss chart appears and accuracy is reported.
  await page.getByRole("button", { name: "Random init" }).click();
  await page.getByRole("button", { name: "Train", exact: true }).click();
  await page.locator(".bp-accuracy").waitFor();
  await page.getByRole("button", { name: "Train", exact: true }).waitFor({ timeout: 120000 });
  const accuracy = Number((await page.locator(".bp-accuracy").textContent()).match(/: ([\d.]+) %/)[1]);
  assert.ok(accuracy > 95, `accuracy ${accuracy}`);
  await screenshot(page, "desktop-backprop-trained.png");

  // The textbook solution restores the lecture's table.
  await page.getByRole("button", { name: "Textbook solution" }).click();
  const restored = await tableCells(page);
  assert.deepEqual(
    restored.map(([h1, h2, yhat, y]) => [Math.round(parseShown(h1)), Math.round(parseShown(h2)), yhat, y]),
    [[1, 0, "1", "1"], [0, 1, "1", "1"], [0, 0, "0", "0"]],
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: the graph scrolls inside its box, the page never sideways", async () => {
  const { context, problems } = await watchedContext(env.browser, PHONE);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/backprop`);
  await page.locator(".bp-graph-svg").waitFor();
  // The box opens on the loss (the top node, right of the middle), then follows the pass.
  const inView = (name) => page.evaluate((label) => {
    const box = document.querySelector(".bp-graph-scroll").getBoundingClientRect();
    const node = [...document.querySelectorAll(".bp-node")].find((n) => n.textContent.trim().startsWith(label));
    const r = node.getBoundingClientRect();
    return r.left >= box.left - 1 && r.right <= box.right + 1;
  }, name);
  await page.waitForFunction(() => document.querySelector(".bp-graph-scroll").scrollLeft > 0);
  assert.ok(await inView("loss"), "the loss is in view at first");
  assert.ok(!(await inView("v1[0]")), "the drawing is wider than the box");
  await page.locator(".bp-step").click();
  await page.waitForFunction(() => document.querySelector(".bp-node.bp-current"));
  const current = await page.locator(".bp-node.bp-current").evaluate((n) => n.textContent.trim().split(/\s/)[0]);
  assert.ok(await inView(current), `the node just computed (${current}) is in view`);
  await page.getByRole("button", { name: "Finish backward" }).click();
  await screenshot(page, "phone-backprop-top.png");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const box = await page.locator(".bp-graph-scroll").evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.ok(box[0] > box[1], `graph box ${box} should scroll`);
  await page.locator(".bp-chain").scrollIntoViewIfNeeded();
  await screenshot(page, "phone-backprop-chain.png");
  await page.locator(".bp-plane").scrollIntoViewIfNeeded();
  await screenshot(page, "phone-backprop-plane.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("desktop: the share link (and, without one, the browser's memory) reopens the same weights, example and half-stepped pass", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/backprop`);
  await page.locator(".bp-graph-svg").waitFor();
  await page.getByRole("button", { name: "Random init" }).click();
  await page.locator(".bp-table tbody tr").nth(1).getByRole("button").click();
  const step = page.getByRole("button", { name: "Step one node" });
  for (let k = 0; k < 25; k++) await step.click();
  const read = async (p) => ({
    status: await p.locator(".bp-status").textContent(),
    nodes: await p.locator(".bp-node").evaluateAll((ns) => ns.map((n) => n.textContent)),
  });
  const original = await read(page);
  const link = page.url();
  assert.match(link, /#\/backprop\?loss=squared&.*step=25/);

  const fresh = await watchedContext(env.browser, DESKTOP);
  const other = await fresh.context.newPage();
  await other.goto(link);
  await other.locator(".bp-graph-svg").waitFor();
  assert.deepEqual(await read(other), original);
  // Without a link, the screen opens as this browser last left it.
  await other.goto(`${env.site.url}#/`);
  await other.goto(`${env.site.url}#/backprop`);
  await other.reload();
  await other.locator(".bp-graph-svg").waitFor();
  assert.deepEqual(await read(other), original);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

// The guided tour (#/tour): every stop of the lecture's tour opens its screen in the stop's
// state with its picture and text in both languages; the clicker's keys walk through all
// stops and back without taking keys a control uses; presenter mode at 1024×768 shows the
// picture, the text and Next at once; a teacher's tour file opens, saves and travels as a
// link; a broken file is refused with a message and the tour goes on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSite, watchedContext, screenshot, ROOT, DESKTOP, PHONE } from "./harness.mjs";

const env = openSite();
const LECTURE = JSON.parse(
  await readFile(join(ROOT, "crates/app/src/screens/tour/lecture.json"), "utf8"),
);
const STOPS = LECTURE.stops;
const HAN = /[\u4e00-\u9fff]/;

const card = (page) => page.locator(".tour-card");
const atStop = (page, n) => page.locator(`.tour-card[data-stop="${n}"]`).waitFor();

/** The screen's part of the address (the tour's and the page's own keys left out). */
async function screenState(page) {
  const hash = await page.evaluate(() => location.hash);
  const query = hash.split("?")[1] ?? "";
  return query
    .split("&")
    .filter((p) => p && !/^(tour|tsrc|lang|presenter|embed|hide|debug)=/.test(p))
    .join("&");
}

/** Waits until the stop's picture is outlined and on screen, and returns its box. */
async function pictureShown(page, label) {
  const picture = page.locator(".tour-focus").first();
  await picture.waitFor({ state: "visible" });
  await page
    .waitForFunction(() => {
      const r = document.querySelector(".tour-focus")?.getBoundingClientRect();
      return r && r.width > 20 && r.height > 20 && r.top < innerHeight && r.bottom > 0;
    })
    .catch(async (e) => {
      const r = await page.evaluate(() => JSON.stringify(document.querySelector(".tour-focus")?.getBoundingClientRect()));
      throw new Error(`${label}: the picture is not in view (${r}): ${e.message}`);
    });
  const box = await picture.boundingBox();
  assert.ok(box.width > 20 && box.height > 20, `${label}: the picture is ${box.width}×${box.height}`);
  return box;
}

for (const lang of ["en", "zh"]) {
  test(`every stop opens its screen in its state with its picture and text (${lang})`, async () => {
    const { context, problems } = await watchedContext(env.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${env.site.url}#/tour?lang=${lang}`);
    for (const [i, stop] of STOPS.entries()) {
      const label = `${lang} stop ${i + 1} (${stop.screen})`;
      await atStop(page, i + 1);
      await page.locator(`.screen-${stop.screen}`).waitFor();
      await pictureShown(page, label);
      assert.equal(await page.locator(".tour-title").innerText(), stop.title[lang], label);
      assert.equal(await page.locator(".tour-text").innerText(), stop.text[lang], label);
      assert.equal(HAN.test(await card(page).innerText()), lang === "zh", `${label}: language`);
      assert.equal(await page.locator(".tour-progress").innerText(),
        lang === "en" ? `Stop ${i + 1} of ${STOPS.length}` : `第 ${i + 1} 站，共 ${STOPS.length} 站`);
      // The screen read the whole state (a screen rewrites its link when it refuses a part).
      assert.equal(await screenState(page), stop.state, `${label}: the screen's link`);
      if (i + 1 < STOPS.length) await page.locator("button.tour-next").click();
    }
    await page.locator("a.tour-finish").click();
    await page.locator(".home").waitFor();
    assert.equal(await card(page).count(), 0, "the card is gone at home");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the clicker's keys move through all stops and back, but not a control's keys", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/tour/1`);
  await atStop(page, 1);
  // Keys a control uses stay with it: a field, and the plane moved with the arrows.
  await page.locator(".bd-heat").waitFor();
  await page.getByLabel("Learning rate").first().focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("PageDown");
  await page.locator("#main").focus();
  assert.equal(await card(page).getAttribute("data-stop"), "1", "typing moved the tour");
  for (let n = 2; n <= STOPS.length; n++) {
    await page.keyboard.press(n % 2 ? "PageDown" : "ArrowRight");
    await atStop(page, n);
    await page.locator(`.screen-${STOPS[n - 1].screen}`).waitFor();
  }
  await page.keyboard.press("PageDown");
  await page.locator(".tour-finish").waitFor();
  assert.equal(await card(page).getAttribute("data-stop"), String(STOPS.length), "past the end");
  for (let n = STOPS.length - 1; n >= 1; n--) {
    await page.keyboard.press(n % 2 ? "PageUp" : "ArrowLeft");
    await atStop(page, n);
  }
  await page.keyboard.press("PageUp");
  assert.equal(await card(page).getAttribute("data-stop"), "1", "before the start");
  assert.ok(await page.locator("button.tour-back").isDisabled());
  // The browser's Back goes back a stop too.
  await page.keyboard.press("PageDown");
  await atStop(page, 2);
  await page.goBack();
  await atStop(page, 1);
  // Space is still the screen's Play: the epochs count up.
  await page.locator(".bd-epoch-value").waitFor();
  assert.equal(await page.locator(".bd-epoch-value").innerText(), "0");
  await page.locator("#main").focus();
  await page.keyboard.press(" ");
  await page.waitForFunction(() => Number(document.querySelector(".bd-epoch-value")?.textContent) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a question is answered only when the student asks for the answer", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  const n = STOPS.findIndex((s) => s.question?.prompt.en.includes("root")) + 1;
  const q = STOPS[n - 1].question;
  await page.goto(`${env.site.url}#/tour/${n}`);
  await atStop(page, n);
  assert.equal(await page.locator(".tour-answer").count(), 0);
  assert.ok(await page.locator(".tour-reveal").isDisabled(), "no answer before a prediction");
  const wrong = q.answer === 0 ? 1 : 0;
  await page.locator(".tour-choice").nth(wrong).click();
  await page.locator(".tour-reveal").click();
  const answer = await page.locator(".tour-answer").innerText();
  assert.ok(answer.includes(`the answer is: ${q.choices[q.answer].en}`), answer);
  assert.ok(answer.includes(q.explain.en), answer);
  await page.locator(".tour-choice").nth(q.answer).click();
  await page.locator(".tour-reveal").click();
  assert.ok((await page.locator(".tour-answer").innerText()).startsWith("Right."));
  await page.keyboard.press("PageDown");
  await atStop(page, n + 1);
  await page.keyboard.press("PageUp");
  await atStop(page, n);
  assert.equal(await page.locator(".tour-answer").count(), 0, "a stop opens unanswered");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a revealed answer brings what it points at into view below the card (6600 at 1024×768)", async () => {
  const presenter = { name: "presenter", viewport: { width: 1024, height: 768 } };
  const { context, problems } = await watchedContext(env.browser, presenter);
  const page = await context.newPage();
  const n = STOPS.findIndex((s) => s.question?.show === ".conv-probe-sum") + 1;
  assert.ok(n > 0, "the lecture's tour has a question that points at the sum");
  await page.goto(`${env.site.url}#/tour/${n}?presenter=1`);
  await atStop(page, n);
  await pictureShown(page, `stop ${n}`);
  const q = STOPS[n - 1].question;
  // Answered at once, while the card may still be looking for the stop's picture: the
  // answer keeps the outline.
  await page.evaluate((answer) => {
    document.querySelectorAll(".tour-choice")[answer].click();
  }, q.answer);
  await page.evaluate(() => document.querySelector(".tour-reveal").click());
  await page.waitForTimeout(600);
  await page.locator(".conv-probe-sum.tour-focus").waitFor({ timeout: 10000 });
  await page.waitForFunction(() => {
    const sum = document.querySelector(".conv-probe-sum").getBoundingClientRect();
    const cardBox = document.querySelector(".tour-card").getBoundingClientRect();
    return sum.top >= cardBox.bottom - 1 && sum.bottom <= innerHeight;
  }, null, { timeout: 5000 }).catch(async () => {
    const boxes = await page.evaluate(() => [".conv-probe-sum", ".tour-card"].map((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return `${s} ${r.top.toFixed(0)}–${r.bottom.toFixed(0)}`;
    }));
    assert.fail(`the sum is not in view below the card: ${boxes.join(", ")}`);
  });
  assert.match(await page.locator(".conv-probe-value").textContent(), /^6600$/);
  await screenshot(page, `tour-presenter-${n}-revealed.png`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("presenter mode at 1024×768 shows picture, text and Next together; so does a phone", async () => {
  const presenter = { name: "presenter", viewport: { width: 1024, height: 768 } };
  const { context, problems } = await watchedContext(env.browser, presenter);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/tour?presenter=1`);
  for (const [i, stop] of STOPS.entries()) {
    const label = `presenter stop ${i + 1} (${stop.screen})`;
    await atStop(page, i + 1);
    const picture = await pictureShown(page, label);
    const next = await page.locator(".tour-next").boundingBox();
    const text = await page.locator(".tour-text").boundingBox();
    const cardBox = await card(page).boundingBox();
    assert.ok(next.y >= 0 && next.y + next.height <= 768, `${label}: Next at ${next.y}`);
    assert.ok(text.y >= 0 && text.y + text.height <= 768, `${label}: text at ${text.y}`);
    assert.ok(picture.y >= cardBox.y + cardBox.height - 1, `${label}: the card covers the picture`);
    const seen = Math.min(768, picture.y + picture.height) - picture.y;
    assert.ok(seen >= Math.min(picture.height, 300), `${label}: only ${seen}px of the picture show`);
    await screenshot(page, `tour-presenter-${i + 1}.png`);
    if (i + 1 < STOPS.length) await page.keyboard.press("PageDown");
  }
  await context.close();

  const phone = await watchedContext(env.browser, PHONE);
  const small = await phone.context.newPage();
  await small.goto(`${env.site.url}#/tour/13`);
  await atStop(small, 13);
  await small.locator(".lstm-train").waitFor();
  for (const part of [".tour-text", ".tour-next", ".tour-title"]) {
    const box = await small.locator(part).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 391 && box.y + box.height <= 844, `phone: ${part}`);
  }
  const width = await small.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 391, `phone: the page is ${width}px wide`);
  await screenshot(small, "tour-phone-13.png");
  assert.deepEqual([...problems, ...phone.problems], []);
  await phone.context.close();
});

const CUSTOM = {
  format: "nnp-tour 1",
  title: { en: "Two stops", zh: "两站" },
  stops: [
    {
      screen: "conv",
      state: STOPS[9].state,
      show: ".conv-probe-grids",
      title: { en: "Sum of products", zh: "乘积之和" },
      text: { en: "Find 6600 in the panel.", zh: "在面板中找到 6600。" },
      question: {
        prompt: { en: "Is 6600 a strong match?", zh: "6600 是强匹配吗？" },
        choices: [{ en: "Yes", zh: "是" }, { en: "No", zh: "否" }],
        answer: 0,
        explain: { en: "It is the largest response.", zh: "这是最大的响应。" },
      },
    },
    {
      screen: "lstm",
      state: "v=gru&task=remember&dist=20&h=8&lr=0.01&seed=2",
      show: ".lstm-diagram-panel",
      title: { en: "A GRU", zh: "一个 GRU" },
      text: { en: "Two gates.", zh: "两个门。" },
    },
  ],
};

async function openTourFile(page, text) {
  const dir = await mkdtemp(join(tmpdir(), "nnp-tour-"));
  const file = join(dir, "tour.json");
  await writeFile(file, text);
  await page.locator(".tour-open input[type=file]").setInputFiles(file);
}

const README_TOUR = JSON.parse(
  (await readFile(join(ROOT, "README.md"), "utf8")).split("## Guided tour")[1].split("```json")[1].split("```")[0],
);

test("a teacher's tour file opens, saves as the same file and travels as a link", async () => {
  const { context, problems } = await watchedContext(env.browser, { ...DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/tour/3`);
  await atStop(page, 3);
  // The README's example opens, and its screen reads the whole state.
  await openTourFile(page, JSON.stringify(README_TOUR));
  await page.locator(".tour-title", { hasText: README_TOUR.stops[0].title.en }).waitFor();
  await pictureShown(page, "README stop 1");
  assert.equal(await screenState(page), README_TOUR.stops[0].state);
  await openTourFile(page, JSON.stringify(CUSTOM, null, 2));
  await page.locator(".tour-title", { hasText: "Sum of products" }).waitFor();
  await pictureShown(page, "custom stop 1");
  assert.equal(await page.locator(".tour-progress").innerText(), "Stop 1 of 2");
  assert.equal(await screenState(page), CUSTOM.stops[0].state);
  await page.keyboard.press("PageDown");
  await atStop(page, 2);
  await page.locator(".screen-lstm").waitFor();
  assert.equal(await screenState(page), CUSTOM.stops[1].state);
  assert.equal(await page.locator(".lstm-variant-gru.active").count(), 1, "the stop's state is used");

  await page.locator(".tour-tools summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".tour-save").click()]);
  const saved = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.deepEqual(saved, CUSTOM, "the saved file is the opened one");

  // The address of a stop is the shareable form: another visitor gets the same tour.
  const link = page.url();
  assert.ok(/[?&]tsrc=[A-Za-z0-9_-]+/.test(link), link);
  const other = await context.newPage();
  await other.goto(link.replace(/#.*/, "") + "#/tour/1?" + link.match(/tsrc=[^&]+/)[0]);
  await atStop(other, 1);
  assert.equal(await other.locator(".tour-title").innerText(), "Sum of products");
  await other.reload();
  await atStop(other, 1);
  assert.equal(await other.locator(".tour-title").innerText(), "Sum of products");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a broken tour file is refused with a message and the tour goes on", async () => {
  const { context, problems } = await watchedContext(env.browser, DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.site.url}#/tour/4`);
  await atStop(page, 4);
  const before = await page.evaluate(() => location.hash);
  const bad = structuredClone(CUSTOM);
  bad.stops[0].question.answer = 5;
  const cases = [
    [JSON.stringify(bad), /Stop 1: the answer 5 is not a choice/],
    ["{ \"format\": \"nnp-tour 1\", \"stops\": [ ", /not a readable tour JSON: ./],
    [JSON.stringify({ ...CUSTOM, stops: [{ ...CUSTOM.stops[1], screen: "slides" }] }), /Stop 1: no screen 'slides'/],
    ["x1,x2,label\n0,1,1\n", /not a readable tour JSON/],
    [JSON.stringify({ hello: 1 }), /not a tour file/],
  ];
  for (const [text, message] of cases) {
    await openTourFile(page, text);
    const shown = page.locator(".tour-file-error");
    // The file is read asynchronously: the last case's message stays until this one's
    // comes, so wait for the message itself (a wrong message fails by timing out).
    await page
      .waitForFunction(
        ([source, flags]) => new RegExp(source, flags).test(document.querySelector(".tour-file-error")?.innerText ?? ""),
        [message.source, message.flags],
        { timeout: 20000 },
      )
      .catch(() => {});
    assert.match(await shown.innerText(), message);
    assert.equal(await card(page).getAttribute("data-stop"), "4");
    assert.equal(await page.evaluate(() => location.hash), before, "the address stays");
  }
  // A broken tour in a link says why and offers the lecture's tour.
  await page.goto(`${env.site.url}#/tour?tsrc=bm90IGEgdG91cg`);
  await page.locator(".tour-error").waitFor();
  assert.match(await page.locator(".tour-error").innerText(), /cannot be read/);
  await page.locator(".tour-lecture-link").click();
  await atStop(page, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

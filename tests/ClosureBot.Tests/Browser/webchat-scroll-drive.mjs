// Where the transcript stands when a long card answers the customer, on a phone (390 × 844). Three walks to step 1, whose
// card is taller than the transcript:
//   stray:  the moment the card arrives the transcript is scrolled to its end by script, as Web Chat does when its snap
//           loses a race (it counts the card as seen); the card's title must come back into view.
//   person: once the card has arrived the person scrolls down with the mouse wheel; where they scrolled must be kept.
//   reload: the page is reloaded and the history replays; it must stop at its last card's title, not at an older card.
// Prints a JSON report on stdout. Usage: node webchat-scroll-drive.mjs '{ "baseUrl", "screenshotDir", "locale" }'
import { runScenario } from './chromium.mjs';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, screenshotDir, locale } = JSON.parse(process.argv[2]);
const walk = [
  ['I want to close my account', 'Shall we start?', true],
  ['yes', 'Which account do you want to close?', false],
  ['ACME', 'Do you have a cloud term commitment?', true],
  ['no', 'When your data is safe, choose Done.', true],
];
const report = { walks: {}, pageErrors: [] };
fs.mkdirSync(screenshotDir, { recursive: true });

// The last card's first text (its title), the last card's bottom and the transcript's visible band, in page pixels.
const measure = page => page.evaluate(() => {
  const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
  const cards = document.querySelectorAll('.webchat__basic-transcript__activity .ac-adaptiveCard');
  const card = cards[cards.length - 1];
  const view = scroller.getBoundingClientRect();
  const title = card.querySelector('.ac-textBlock');
  return {
    title: title.innerText.trim().slice(0, 60), titleTop: Math.round(title.getBoundingClientRect().top),
    cardBottom: Math.round(card.getBoundingClientRect().bottom), cardHeight: Math.round(card.getBoundingClientRect().height),
    viewTop: Math.round(view.top), viewBottom: Math.round(view.bottom), scrollTop: Math.round(scroller.scrollTop),
    scrollMax: scroller.scrollHeight - scroller.clientHeight, cards: cards.length,
  };
});

// Waits until the transcript has stopped scrolling (the same position for 300 ms), at most 5 s: a fixed wait is too short
// for Web Chat's animated scroll when the machine is busy.
const settle = page => page.evaluate(() => new Promise(done => {
  const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
  const start = performance.now();
  let last = scroller.scrollTop, since = start;
  const step = () => {
    const now = performance.now();
    if (scroller.scrollTop !== last) { last = scroller.scrollTop; since = now; }
    if (now - since >= 300 || now - start >= 5000) done(); else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}));

await runScenario(report, async (browser, use) => {
  for (const name of ['stray', 'person', 'reload']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale });
    const page = await context.newPage();
    use(page);
    page.on('pageerror', e => report.pageErrors.push(String(e)));
    await page.goto(baseUrl);
    await page.getByText("I'm ClosureBot").first().waitFor({ timeout: 20000 });
    await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 10000 });
    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
    const result = {};
    for (const [answer, expect, card] of walk) {
      const before = await page.locator('.ac-adaptiveCard').count();
      await sendBox.fill(answer);
      await sendBox.press('Enter');
      await page.getByText(expect).last().waitFor({ state: 'attached', timeout: 20000 });
      if (card) await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 10000 });
    }
    if (name === 'stray') {
      // For half a second, every frame, to the end: what Web Chat does when it has counted the card as seen. Where the
      // title stood is read in the same frame, right after the scroll: read later (another round trip from here), it may
      // already be where the page's guard put it back, on a busy machine.
      result.atTheEnd = await page.evaluate(() => new Promise(done => {
        const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
        const cards = document.querySelectorAll('.webchat__basic-transcript__activity .ac-adaptiveCard');
        const title = cards[cards.length - 1].querySelector('.ac-textBlock');
        const end = performance.now() + 500;
        let highest = null;
        const step = () => {
          scroller.scrollTop = scroller.scrollHeight;
          const at = { titleTop: Math.round(title.getBoundingClientRect().top), viewTop: Math.round(scroller.getBoundingClientRect().top),
            scrollTop: Math.round(scroller.scrollTop), scrollMax: scroller.scrollHeight - scroller.clientHeight };
          if (highest === null || at.titleTop < highest.titleTop) highest = at;
          if (performance.now() < end) requestAnimationFrame(step); else done(highest);
        };
        step();
      }));
      await page.waitForTimeout(300);
      await settle(page);
    } else if (name === 'person') {
      await settle(page); // the snap has stopped with the card's title at the top
      result.beforeScrolling = await measure(page);
      const box = await page.locator('.webchat__basic-transcript__scrollable').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(1200); // well inside the guard's three seconds
      await settle(page);
    } else {
      await settle(page);
      await page.reload();
      await page.getByText('When your data is safe, choose Done.').last().waitFor({ state: 'attached', timeout: 20000 });
      await page.waitForTimeout(500); // the history has replayed
      await settle(page);
    }
    Object.assign(result, await measure(page));
    result.screenshot = path.join(screenshotDir, `scroll-${locale}-${name}.png`);
    await page.screenshot({ path: result.screenshot });
    report.walks[name] = result;
    await context.close();
  }
});

// Walks the whole closure in the chat page (Web Chat in Debian's headless Chromium) with the browser set to one
// language and time zone, as a customer of that language would: clicking the buttons by their captions, typing the
// alias. Screenshots every screen and reports every visible button whose caption does not fit.
// Usage: node webchat-language-drive.mjs '<json options>'
//   { baseUrl, screenshotDir, locale, timezoneId, width, welcome, steps: [{ name, click?, type?, expect, card }] }
import { launchChromium } from './chromium.mjs';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, screenshotDir, locale, timezoneId, width, welcome, steps } = JSON.parse(process.argv[2]);
const report = { steps: [], pageErrors: [], externalRequests: [], overflowing: [], userActivities: [] };
fs.mkdirSync(screenshotDir, { recursive: true });
let shot = 0;
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, timezoneId });
  const page = await context.newPage();
  page.on('request', r => { if (!r.url().startsWith(baseUrl) && !/^(data|blob):/.test(r.url())) report.externalRequests.push(r.url()); });
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  const cards = () => page.locator('.ac-adaptiveCard').count();
  const screenshot = async name => {
    const file = path.join(screenshotDir, `language-${locale}-${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  // A caption wider than its button is cut off (or spills over): the customer cannot read it.
  const overflowing = () => page.evaluate(() => [...document.querySelectorAll('button.ac-pushButton, button.webchat__suggested-action')]
    .filter(b => b.offsetParent !== null)
    .filter(b => [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
    .map(b => b.textContent.trim()));
  const sendBox = page.locator('[data-id="webchat-sendbox-input"]');

  await page.goto(`${baseUrl}/`);
  await page.getByText(welcome).first().waitFor({ timeout: 20000 });
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 10000 });
  await page.waitForTimeout(300);
  report.welcome = await screenshot('welcome');
  for (const o of await overflowing()) report.overflowing.push({ step: 'welcome', caption: o });

  for (const s of steps) {
    const before = await cards();
    // The expected words must come anew: a step whose answer repeats earlier words (the same instruction again, the
    // outcome asked for twice) would otherwise pass on the earlier message.
    const seen = await page.getByText(s.expect).count();
    if (s.click) {
      await page.locator('button.ac-pushButton, button.webchat__suggested-action')
        .filter({ hasText: s.click, visible: true }).last().click({ timeout: 10000 });
    } else {
      await sendBox.fill(s.type);
      await sendBox.press('Enter');
    }
    await page.getByText(s.expect).nth(seen).waitFor({ timeout: 20000 });
    if (s.card) await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 10000 });
    await page.waitForTimeout(300); // let the bubble finish laying out before the picture
    // A step that brings a card: the newest card's top, so the picture shows the screen the customer just got, from its
    // title down. A step answered in text: the newest message, at the bottom, as the customer reads it.
    await page.evaluate(card => {
      const all = document.querySelectorAll(card ? '.ac-adaptiveCard' : '.webchat__basic-transcript__activity');
      all[all.length - 1]?.scrollIntoView({ block: card ? 'start' : 'end' });
    }, !!s.card);
    await page.waitForTimeout(150);
    report.steps.push({ name: s.name, screenshot: await screenshot(s.name) });
    for (const o of await overflowing()) report.overflowing.push({ step: s.name, caption: o });
  }

  report.userActivities = await page.evaluate(async () => {
    const { directLine, conversationId } = window.closureBotChat;
    const response = await fetch(`/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${directLine.token}` } });
    const set = await response.json();
    return set.activities.map(a => ({ role: a.from.role, locale: a.locale ?? null, localTimezone: a.localTimezone ?? null }));
  });
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));

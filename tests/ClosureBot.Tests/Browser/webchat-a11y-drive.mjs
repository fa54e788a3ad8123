// Walks the chat page on a phone-sized viewport (390 px wide) through every screen of the flow and checks each one as a
// person with a screen reader, low vision or a thumb meets it: axe-core (WCAG 2.x A/AA), the size of every button a
// person can tap, and that a card's title is in view when the card arrives. Prints a JSON report on stdout.
// Usage: node webchat-a11y-drive.mjs '{ "baseUrl", "screenshotDir", "locale" }'
import { runScenario } from './chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, screenshotDir, locale } = JSON.parse(process.argv[2]);
const screen = (name, answer, expect, card) => ({ name, answer, expect, card });
const closure = [
  screen('overview', 'I want to close my account', 'Shall we start?', true),
  screen('account-question', 'yes', 'Which account do you want to close?', false),
  screen('term-commitment', 'ACME', 'Do you have a cloud term commitment?', true),
  screen('step1-retrieve-data', 'no', 'When your data is safe, choose Done.', true),
  screen('step2-servers', 'done', 'Delete your servers in the Control Portal', true),
  screen('servers-continue', 'done', 'servers remain and keep incurring charges', false),
  screen('step3-services', 'yes', 'Remove these services, then choose Done.', true),
  screen('services-continue', 'done', 'billed services remain and keep incurring charges', false),
  screen('step4-confirmation', 'yes', 'Type the account alias ACME to confirm', true),
  screen('receipt', 'ACME', 'Your closure request for ACME is logged', true),
];
const detour = [
  screen('overview', 'I want to close my account', 'Shall we start?', true),
  screen('account-question', 'yes', 'Which account do you want to close?', false),
  screen('term-commitment', 'ACME', 'Do you have a cloud term commitment?', true),
  screen('step1-retrieve-data', 'no', 'When your data is safe, choose Done.', true),
  screen('remind-later', 'remind me later', 'saved your place', false),
  screen('resume-offer', 'hello', 'Shall we pick up where you left off?', true),
  screen('support-handoff', 'talk to support', 'join this chat', false),
];
const report = { screens: [], pageErrors: [] };
fs.mkdirSync(screenshotDir, { recursive: true });
await runScenario(report, async (browser, use) => {
  for (const [walk, screens] of [['closure', closure], ['detour', detour]]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale });
    const page = await context.newPage();
    use(page);
    page.on('pageerror', e => report.pageErrors.push(String(e)));
    const cards = () => page.locator('.ac-adaptiveCard').count();
    let shot = 0;
    const check = async name => {
      await page.waitForTimeout(400); // the bubble finishes laying out and scrolling
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const targets = await page.evaluate(() => [...document.querySelectorAll('button, [role="button"], input[type="checkbox"], input[type="radio"], select')]
        .filter(e => e.offsetParent !== null && !e.disabled)
        .map(e => { const r = e.getBoundingClientRect(); return { text: (e.innerText || e.getAttribute('aria-label') || e.title || '').trim().slice(0, 40), width: Math.round(r.width), height: Math.round(r.height) }; }));
      const lastCard = page.locator('.ac-adaptiveCard').last();
      const title = await page.evaluate(() => {
        const cardsNow = document.querySelectorAll('.ac-adaptiveCard');
        const card = cardsNow[cardsNow.length - 1];
        const first = card && card.querySelector('.ac-textBlock');
        if (!first) return null;
        const r = first.getBoundingClientRect();
        return { text: first.innerText.trim().slice(0, 60), top: Math.round(r.top), bottom: Math.round(r.bottom), viewport: innerHeight };
      });
      const file = path.join(screenshotDir, `a11y-${locale}-${walk}-${String(++shot).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file });
      const result = {
        walk, name, screenshot: file, cardHeight: (await lastCard.count()) ? Math.round((await lastCard.boundingBox())?.height ?? 0) : 0,
        violations: axe.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => ({ target: n.target.join(' '), summary: n.failureSummary })) })),
        targets, title,
      };
      report.screens.push(result);
      return result;
    };

    await page.goto(baseUrl);
    await page.getByText("I'm ClosureBot").first().waitFor({ timeout: 20000 });
    await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 10000 });
    await check('welcome');
    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
    for (const s of screens) {
      const before = await cards();
      await sendBox.fill(s.answer);
      await sendBox.press('Enter');
      await page.getByText(s.expect).last().waitFor({ state: 'attached', timeout: 20000 });
      if (s.card) await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 10000 });
      const result = await check(s.name);
      result.card = s.card;
    }
    await context.close();
  }
});

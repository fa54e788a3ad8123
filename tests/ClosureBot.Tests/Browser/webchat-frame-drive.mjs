// Opens the chat page in Debian's headless Chromium with the browser set to one language, as a customer of that
// language would, and reads the page's own frame (title, header, session, buttons, the banner when the chat cannot
// start): the test compares every text with the language's table. Runs axe-core on the page and takes a screenshot.
// Usage: node webchat-frame-drive.mjs '{ baseUrl, screenshotDir, locale, timezoneId, welcome, failToken }'
import { launchChromium } from './chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, screenshotDir, locale, timezoneId, welcome, failToken } = JSON.parse(process.argv[2]);
const report = { pageErrors: [], externalRequests: [] };
fs.mkdirSync(screenshotDir, { recursive: true });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale, timezoneId });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('request', r => { if (!r.url().startsWith(baseUrl) && !/^(data|blob):/.test(r.url())) report.externalRequests.push(r.url()); });
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  // The chat service out of reach: the token call fails as a dropped network would.
  if (failToken) await page.route('**/api/webchat/token', route => route.abort('connectionrefused'));

  const response = await page.goto(`${baseUrl}/`);
  report.contentLanguage = response.headers()['content-language'] ?? null;
  if (failToken) {
    await page.locator('#banner').waitFor({ state: 'visible' });
  } else {
    await page.getByText(welcome).first().waitFor();
    await page.locator('#session:not(:empty)').waitFor();
  }
  await page.waitForTimeout(300);
  const text = selector => page.locator(selector).first().evaluate(e => e.textContent.trim());
  report.lang = await page.evaluate(() => document.documentElement.lang);
  report.title = await page.title();
  report.product = await text('.portal-product');
  report.heading = await text('h1');
  report.session = await text('#session');
  report.signIn = await text('#sign-in');
  report.signOut = await text('#sign-out button');
  report.reconnect = await text('#banner-action');
  report.banner = failToken ? await text('#banner-text') : null;
  report.chatLabel = await page.locator('#webchat').getAttribute('aria-label');
  report.noscript = await page.evaluate(() => document.querySelector('noscript').textContent.replace(/<[^>]+>/g, '').trim());
  report.navigatorLanguage = await page.evaluate(() => navigator.language);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  report.axeViolations = axe.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  report.screenshot = path.join(screenshotDir, `frame-${locale}${failToken ? '-unreachable' : ''}.png`);
  await page.screenshot({ path: report.screenshot });
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));

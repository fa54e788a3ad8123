// Drives the agent console in Debian's headless Chromium with the browser set to one language (a German agent, say):
// the sign-in page (a wrong password first), the live queue with a conversation pushed into it, accepting it and the
// case it shows. Reports the texts the agent reads, for the test to compare with the language's table; axe-core;
// screenshots. Talks to the .NET test in JSON lines like console-drive.mjs ({"event"} out, one line in).
// Usage: node console-language-drive.mjs '{ "baseUrl", "userName", "password", "screenshotDir", "locale" }'
import { launchChromium } from '../../Browser/chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import readline from 'node:readline';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, userName, password, screenshotDir, locale } = JSON.parse(process.argv[2]);
const stdin = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const tell = async event => { process.stdout.write(JSON.stringify({ event }) + '\n'); return (await stdin.next()).value; };
const report = { pageErrors: [], externalRequests: [], screenshots: [] };
fs.mkdirSync(screenshotDir, { recursive: true });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  page.on('request', r => { if (!r.url().startsWith(baseUrl) && !/^(data|blob):/.test(r.url())) report.externalRequests.push(r.url()); });
  const shot = async name => {
    const file = path.join(screenshotDir, `agent-console-${locale}-${String(report.screenshots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    report.screenshots.push(file);
  };
  const text = selector => page.locator(selector).first().evaluate(e => e.textContent.replace(/\s+/g, ' ').trim());

  await page.goto(`${baseUrl}/agent`);
  report.signIn = {
    lang: await page.evaluate(() => document.documentElement.lang), title: await page.title(), heading: await text('h1'),
    userName: await text('label[for=userName]'), password: await text('label[for=password]'), button: await text('form button'),
  };
  await page.locator('#userName').fill(userName);
  await page.locator('#password').fill('not-the-password');
  await page.locator('form button').click();
  report.signIn.refused = await text('[role=alert]');
  await shot('signin-refused');
  await page.locator('#password').fill(password);
  await page.locator('form button').click();
  await page.waitForURL(`${baseUrl}/agent`);
  await page.locator('#connection.live').waitFor();

  await tell('signed-in');
  const ticket = page.locator('#queue-support .ticket').filter({ hasText: 'ACME' });
  await ticket.waitFor();
  report.console = {
    lang: await page.evaluate(() => document.documentElement.lang), title: await page.title(), heading: await text('h1'),
    me: await text('#me'), signOut: await text('#sign-out button'), connection: await text('#connection'), queues: await text('#queues-title'),
    sales: await text('#queue-sales-title'), emptySales: await text('#queue-sales li'), noneSelected: await text('#conversation-title'),
    ticket: await text('#queue-support .ticket'), acceptLabel: await ticket.locator('button.secondary').getAttribute('aria-label'),
  };
  await shot('queued');
  await ticket.locator('button.secondary').click();
  await page.locator('#case-action-result.ok').waitFor();
  await page.locator('#transcript li').first().waitFor();
  report.case = {
    title: await text('#conversation-title'), result: await text('#case-action-result'), facts: await text('#case-facts'),
    progress: await page.locator('#progress li').allTextContents(), remaining: await text('#remaining'), closure: await text('#closure'),
    transcriptWho: await text('#transcript li .who'), resumeOptions: await page.locator('#resume-at option').allTextContents(),
    factChoices: await page.locator('#fact-choices label').allTextContents(), handBack: await text('#hand-back button'),
    messageLabel: await text('label[for=chat-text]'),
  };
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  report.axeViolations = axe.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  await shot('conversation');
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error?.stack ?? error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));

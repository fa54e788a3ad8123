// Drives the agent console in Debian's headless Chromium: signs in (a wrong password first), waits for a conversation
// pushed live into the queue, accepts it, exchanges messages, hands it back, runs axe-core, takes screenshots.
// The .NET test plays the customer through the desk; the two talk in JSON lines: this script prints
// {"event": name} and waits for one line on stdin before going on. The last line is the report.
// Usage: node console-drive.mjs '{ "baseUrl", "userName", "password", "screenshotDir" }'
import { launchChromium } from '../../Browser/chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import readline from 'node:readline';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, userName, password, screenshotDir } = JSON.parse(process.argv[2]);
const stdin = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const trace = text => process.stderr.write(`${new Date().toISOString()} ${text}\n`);
const tell = async event => { trace(event); process.stdout.write(JSON.stringify({ event }) + '\n'); return (await stdin.next()).value; };
const report = { pageErrors: [], externalRequests: [], screenshots: [], navigationsAfterSignIn: 0 };
fs.mkdirSync(screenshotDir, { recursive: true });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  page.on('request', r => { if (!r.url().startsWith(baseUrl) && !/^(data|blob):/.test(r.url())) report.externalRequests.push(r.url()); });
  page.on('websocket', ws => { report.websocket = ws.url(); });
  const shot = async name => {
    const file = path.join(screenshotDir, `agent-console-${String(report.screenshots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    report.screenshots.push(file);
  };

  await page.goto(`${baseUrl}/agent`);
  report.redirectedTo = new URL(page.url()).pathname;
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  report.wrongPasswordAlert = await page.getByRole('alert').textContent();
  await shot('signin-refused');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/agent`);
  await page.getByText('Live: changes appear as they happen.').waitFor({ timeout: 15000 });
  report.signedInAs = await page.locator('#me').textContent();
  // Loads of a page (not the skip link's jump within it) after sign-in: everything must arrive without one.
  page.on('load', () => report.navigationsAfterSignIn++);

  await tell('signed-in'); // the customer asks for support now
  const ticket = page.locator('#queue-support .ticket').filter({ hasText: 'ACME' });
  await ticket.waitFor({ timeout: 15000 });
  report.queuedText = (await ticket.textContent()).replace(/\s+/g, ' ').trim();
  await shot('queued');

  await page.getByRole('button', { name: 'Accept ACME' }).click();
  await page.getByText('You hold this conversation now').waitFor({ timeout: 15000 });
  report.transcriptOnAccept = await page.locator('#transcript li').allTextContents();
  await page.getByLabel('Message to the customer').fill('Hello, I am Dana from support. Let us look at your servers.');
  await page.keyboard.press('Enter');
  await page.locator('#transcript li.from-agent').filter({ hasText: 'Dana from support' }).waitFor({ timeout: 15000 });
  await tell('agent-sent'); // the customer answers
  await page.locator('#transcript li.from-customer').filter({ hasText: 'Which servers remain?' }).waitFor({ timeout: 15000 });
  trace('customer line seen');
  report.progress = await page.locator('#progress li').allTextContents();
  report.remaining = (await page.locator('#remaining').textContent()).replace(/\s+/g, ' ').trim();
  report.status = await page.locator('#case-facts').textContent();
  await shot('conversation');

  trace('axe');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  report.axeViolations = axe.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  trace('targets');
  report.smallTargets = await page.evaluate(() => [...document.querySelectorAll('button, select, textarea, input:not([type=hidden]), a')]
    .filter(e => e.offsetParent !== null)
    .map(e => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ e, r }) => e.type === 'checkbox' ? r.width < 20 : (r.height < 44 || r.width < 44))
    .map(({ e }) => e.outerHTML.slice(0, 80)));
  // Keyboard: the skip link comes first and lands on the conversation.
  await page.evaluate(() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); });
  await page.keyboard.press('Tab');
  report.firstTab = await page.evaluate(() => document.activeElement?.textContent);
  await page.keyboard.press('Enter');
  report.afterSkip = await page.evaluate(() => document.activeElement?.id);

  trace('hand back');
  await page.getByLabel('Resume at').selectOption('delete-services');
  await page.getByLabel('Data retrieved (step 1 is done)').check();
  await page.getByLabel('Note for the audit trail (optional)').fill('data retrieved via Service Task #123');
  await page.getByRole('button', { name: 'Hand back' }).click();
  await page.getByText('Handed back to the bot at').waitFor({ timeout: 15000 });
  report.handBackResult = await page.locator('#case-action-result').textContent();
  // The ended ticket arrives over the hub; the case view is redrawn from it.
  await page.locator('#case-facts dd', { hasText: /^Ended$/ }).waitFor({ timeout: 15000 });
  report.progressAfterHandBack = await page.locator('#progress li').allTextContents();
  report.stepAfterHandBack = (await page.locator('#case-facts').textContent()).replace(/\s+/g, ' ').trim();
  await shot('handed-back');
  await tell('handed-back');
  report.queueAfterHandBack = (await page.locator('#queue-support').textContent()).replace(/\s+/g, ' ').trim();

  report.reloadsBeforeSignOut = report.navigationsAfterSignIn;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${baseUrl}/agent/signin`);
  const afterSignOut = await page.request.get(`${baseUrl}/agent/api/tickets`);
  report.apiAfterSignOut = afterSignOut.status();
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error?.stack ?? error);
  trace(report.error);
} finally {
  await browser.close();
}
trace('closed');
process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));

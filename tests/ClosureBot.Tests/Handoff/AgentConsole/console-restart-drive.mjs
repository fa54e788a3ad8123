// The console survives an app restart: signs in, accepts a waiting conversation, then the .NET test stops the app and
// starts it again on the same port and database; the page must reconnect by itself, reload the queue and the open
// conversation, and show a line the customer writes after the restart. Talks to the test in JSON lines like
// console-drive.mjs. Usage: node console-restart-drive.mjs '{ "baseUrl", "userName", "password", "screenshotDir" }'
import { launchChromium } from '../../Browser/chromium.mjs';
import readline from 'node:readline';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, userName, password, screenshotDir } = JSON.parse(process.argv[2]);
const stdin = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const tell = async event => { process.stdout.write(JSON.stringify({ event }) + '\n'); return (await stdin.next()).value; };
const report = { pageErrors: [], loads: 0 };
fs.mkdirSync(screenshotDir, { recursive: true });
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  await page.goto(`${baseUrl}/agent/signin`);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Live: changes appear as they happen.').waitFor();
  page.on('load', () => report.loads++);
  await page.getByRole('button', { name: 'Accept ACME' }).click();
  await page.getByText('You hold this conversation now').waitFor();

  await tell('accepted'); // the app stops
  await page.locator('#connection').filter({ hasText: /reconnecting|Not connected/ }).waitFor();
  report.whileDown = await page.locator('#connection').textContent();
  // The agent opens the conversation again while the app is down: the page says it could not load it.
  await page.locator('#queue-support button.open').filter({ hasText: 'ACME' }).click();
  await page.locator('#case-action-result').filter({ hasText: /\S/ }).waitFor();
  report.openWhileDown = await page.locator('#case-action-result').textContent();
  await page.screenshot({ path: path.join(screenshotDir, 'agent-console-restart-1-down.png') });
  await tell('stopped'); // the app starts again
  await page.getByText('Live: changes appear as they happen.').waitFor({ timeout: 40000 });
  report.queueAfter = (await page.locator('#queue-support').textContent()).replace(/\s+/g, ' ').trim();
  await tell('reconnected'); // the customer writes
  await page.locator('#transcript li.from-customer').filter({ hasText: 'Are you still there?' }).waitFor();
  report.transcript = (await page.locator('#transcript li').allTextContents()).map(t => t.replace(/\s+/g, ' ').trim());
  await page.screenshot({ path: path.join(screenshotDir, 'agent-console-restart-2-back.png') });
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error?.stack ?? error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));

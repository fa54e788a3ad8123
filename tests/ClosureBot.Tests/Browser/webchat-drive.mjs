// Drives the real chat page (Bot Framework Web Chat) in Debian's headless Chromium through one scenario and
// prints a JSON report on stdout. Usage: node webchat-drive.mjs '<json options>'
//   { baseUrl, transport: "websocket"|"polling", scenario: "type"|"click"|"reload"|"verified"|"named"|"stuck", screenshotDir, locale, assertion? }
import { launchChromium } from './chromium.mjs';
import path from 'node:path';
import fs from 'node:fs';

const options = JSON.parse(process.argv[2]);
const { baseUrl, transport, scenario, screenshotDir, locale, assertion } = options;
const step = (name, answer, expect, card, click) => ({ name, answer, expect, card, click });
// The canonical happy path; `click` names the button a person would click instead of typing.
const steps = [
  step('start', 'I want to close my account', 'Shall we start?', true, 'Start account closure'),
  step('overview-yes', 'yes', 'Which account do you want to close?', false, 'Yes'),
  step('account-alias', 'ACME', 'Do you have a cloud term commitment?', true, null),
  step('no-term-commitment', 'no', 'When your data is safe, choose Done.', true, 'No'),
  step('data-retrieved', 'done', 'Delete your servers in the Control Portal', true, 'Done'),
  step('servers-done', 'done', 'servers remain and keep incurring charges', false, 'Done'),
  step('servers-continue', 'yes', 'Remove these services, then choose Done.', true, 'Yes'),
  step('services-done', 'done', 'billed services remain and keep incurring charges', false, 'Done'),
  step('services-continue', 'yes', 'Type the account alias ACME to confirm', true, 'Yes'),
  step('confirm-alias', 'ACME', 'Your closure request for ACME is logged', true, null),
];
// A portal-verified user names their account up front, so the bot never asks which one.
if (scenario === 'verified') steps.splice(1, 2, step('overview-yes', 'yes', 'Do you have a cloud term commitment?', true, 'Yes'));
// A customer who names only their account ("close ACME", no word "account"), and at step 2 another one of theirs.
if (scenario === 'named') {
  steps.splice(0, 3, step('start', 'close ACME', 'Shall we start?', true, null),
    step('overview-yes', 'yes', 'Do you have a cloud term commitment?', true, null));
  steps.splice(4, 0, step('another-account', 'close EMPTY too', 'one account at a time', false, null));
}
// A customer with nothing to copy at step 1, whom the portal will not let delete a server at step 2, and who asks
// something the bot cannot answer at step 3: the bot's answers, and the Done button offered beside Talk to support, clicked.
if (scenario === 'stuck') {
  steps.splice(4, 0, step('nothing-to-keep', "I don't need any data", 'nothing to copy from ACME', false, null));
  steps.splice(6, 1, step('trouble', "the portal won't let me delete a server", 'Our support team can look into', false, null),
    { ...step('servers-done', 'done', 'servers remain and keep incurring charges', false, 'Done'), always: true });
  // At step 3, a question the bot cannot answer: its Talk to support sits beside the step's buttons.
  steps.splice(steps.findIndex(s => s.name === 'services-done'), 0, step('unknown-question', 'what about snapshots?', 'know the answer to that one', false, null));
}
const report = { steps: [], externalRequests: [], pageErrors: [], websockets: 0, typingFrames: 0, polls: 0, sendFailed: 0 };
fs.mkdirSync(screenshotDir, { recursive: true });
let shot = 0;
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale });
  const page = await context.newPage();
  page.on('request', r => { if (!r.url().startsWith(baseUrl) && !/^(data|blob):/.test(r.url())) report.externalRequests.push(r.url()); });
  page.on('request', r => { if (/\/activities\?watermark=/.test(r.url()) && r.method() === 'GET') report.polls++; });
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  page.on('websocket', ws => {
    report.websockets++;
    ws.on('framereceived', f => { if (String(f.payload).includes('"type":"typing"')) report.typingFrames++; });
  });

  const url = `${baseUrl}/${transport === 'polling' ? '?transport=polling' : ''}${assertion ? `#assertion=${assertion}` : ''}`;
  const cards = () => page.locator('.ac-adaptiveCard').count();
  const screenshot = async name => {
    const file = path.join(screenshotDir, `${scenario}-${transport}-${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const sendBox = page.locator('[data-id="webchat-sendbox-input"]');

  const loadStarted = Date.now();
  await page.goto(url);
  await page.getByText("I'm ClosureBot").first().waitFor({ timeout: 20000 });
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 10000 });
  report.welcomeCards = await cards();
  report.session = await page.locator('#session').textContent();
  report.loadMs = Date.now() - loadStarted;
  await screenshot('welcome');
  const first = await page.evaluate(() => window.closureBotChat.conversationId);

  for (const [index, s] of steps.entries()) {
    if (scenario === 'reload' && index === 4) {
      await page.reload();
      await page.getByText(steps[index - 1].expect).first().waitFor({ timeout: 20000 });
      report.afterReload = await page.evaluate(() => ({ conversationId: window.closureBotChat.conversationId, resumed: window.closureBotChat.resumed,
        saved: JSON.parse(sessionStorage.getItem('closurebot.webchat')) }));
      report.afterReload.sameConversation = report.afterReload.conversationId === first;
      report.afterReload.cards = await cards();
      report.afterReload.screenshot = await screenshot('after-reload');
    }
    const started = Date.now();
    const before = await cards();
    const clicking = (s.always || scenario === 'click' || (scenario === 'reload' && index % 2 === 1)) && s.click;
    if (clicking) {
      const button = page.locator('button.ac-pushButton, button.webchat__suggested-action')
        .filter({ hasText: new RegExp(`^\\s*${s.click}\\s*$`), visible: true }).last();
      await button.click({ timeout: 10000 });
    } else {
      await sendBox.fill(s.answer);
      await sendBox.press('Enter');
    }
    await page.getByText(s.expect).first().waitFor({ timeout: 20000 });
    if (s.card) await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 10000 });
    await page.waitForTimeout(300); // let the bubble finish laying out before the picture
    if (s.name === 'trouble' || s.name === 'unknown-question')
      report[s.name === 'trouble' ? 'troubleButtons' : 'unknownQuestionButtons'] = await page.locator('button.webchat__suggested-action').filter({ visible: true }).allTextContents();
    report.steps.push({ name: s.name, how: clicking ? 'click' : 'type', ms: Date.now() - started, cardsBefore: before, cardsAfter: await cards(), screenshot: await screenshot(s.name) });
  }

  report.sendFailed = await page.getByText('Send failed').count();
  report.askedForAccount = await page.getByText('Which account do you want to close?').count() > 0;
  report.receiptReference = await page.getByText(/CLS-\d{8}-[A-Z0-9]+/).first().textContent();
  report.userLocales = await page.evaluate(async () => {
    const { directLine, conversationId } = window.closureBotChat;
    const response = await fetch(`/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${directLine.token}` } });
    const set = await response.json();
    return set.activities.filter(a => a.from.role === 'user').map(a => a.locale);
  });
  if (scenario === 'type') {
    // The connection drops: the page says so, and clears the message once Web Chat is back online.
    await context.setOffline(true);
    const banner = page.locator('#banner');
    await banner.filter({ hasText: 'Connection lost' }).waitFor({ state: 'visible', timeout: 10000 });
    report.connectionLost = { text: await banner.textContent(), screenshot: await screenshot('connection-lost') };
    await context.setOffline(false);
    await banner.waitFor({ state: 'hidden', timeout: 40000 });
    report.connectionLost.recovered = true;
  }
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));

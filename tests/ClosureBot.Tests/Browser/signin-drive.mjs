// Drives the chat page through the web chat sign-in (OpenID Connect against the tests' oidc-provider) in Debian's
// headless Chromium and prints a JSON report on stdout. Usage: node signin-drive.mjs '<json options>'
//   { baseUrl, providerUrl, scenario: "verified"|"refused"|"midflow", login, screenshotDir, screenshotPrefix = "signin" }
// verified: sign in first, then close ACME without being asked which account.
// refused:  sign in as someone who doesn't administer ACME, ask for ACME, then for one of their own accounts.
// midflow:  start as a guest, get asked to sign in at the account question, sign in, and carry on to the receipt.
import { launchChromium } from './chromium.mjs';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, providerUrl, scenario, login, screenshotDir, screenshotPrefix = 'signin' } = JSON.parse(process.argv[2]);
const report = { scenario, steps: [], externalRequests: [], pageErrors: [] };
fs.mkdirSync(screenshotDir, { recursive: true });
let shot = 0;
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  // The provider's own dev login page links a web font; only what the chat page fetches counts here.
  page.on('request', r => {
    const from = r.frame()?.url() ?? '';
    if (!r.url().startsWith(baseUrl) && !r.url().startsWith(providerUrl) && !from.startsWith(providerUrl) && !/^(data|blob):/.test(r.url()))
      report.externalRequests.push(r.url());
  });
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  const cards = () => page.locator('.ac-adaptiveCard').count();
  const screenshot = async name => {
    const file = path.join(screenshotDir, `${screenshotPrefix}-${scenario}-${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const conversationId = () => page.evaluate(() => window.closureBotChat.conversationId);
  const say = async (name, answer, expect, { card = false } = {}) => {
    const before = await cards();
    const seen = await page.getByText(expect).count();
    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
    await sendBox.fill(answer);
    await sendBox.press('Enter');
    // The same words may already be on the page (a question asked again): wait for one more of them.
    for (const end = Date.now() + 20000; await page.getByText(expect).count() <= seen;) {
      if (Date.now() > end) throw new Error(`${name}: no new "${expect}" within 20 s`);
      await page.waitForTimeout(100);
    }
    if (card) await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 10000 });
    await page.waitForTimeout(300); // let the bubble finish laying out before the picture
    report.steps.push({ name, cardsBefore: before, cardsAfter: await cards(), screenshot: await screenshot(name) });
  };
  const signIn = async () => {
    await page.locator('#sign-in').click();
    await page.waitForURL(url => url.href.startsWith(providerUrl), { timeout: 20000 });
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    report.providerLogin = await screenshot('provider-login');
    await page.locator('button[type="submit"]').first().click();
    // The provider asks once for consent to share the profile and the account list.
    const consent = page.locator('button[type="submit"]', { hasText: 'Continue' });
    await Promise.race([consent.waitFor({ timeout: 20000 }).then(() => consent.click()), page.waitForURL(url => url.href.startsWith(baseUrl), { timeout: 20000 })]);
    await page.waitForURL(url => url.href.startsWith(baseUrl), { timeout: 20000 });
    await page.locator('#sign-out').waitFor({ state: 'visible', timeout: 20000 });
    report.session = await page.locator('#session').textContent();
    report.afterSignInGrant = await page.evaluate(() => ({ resumed: window.closureBotChat.resumed, conversationId: window.closureBotChat.conversationId }));
    report.afterSignInShot = await screenshot('back-from-provider');
  };

  await page.goto(`${baseUrl}/`);
  await page.getByText("I'm ClosureBot").first().waitFor({ timeout: 20000 });
  report.signInOffered = await page.locator('#sign-in').isVisible();
  report.guestSession = await page.locator('#session').textContent();
  const first = await conversationId();

  if (scenario === 'verified' || scenario === 'refused') {
    await signIn();
    await page.getByText(/Thanks, you.re signed in as/).first().waitFor({ timeout: 20000 });
    report.signedInShot = await screenshot('signed-in');
    await say('start', 'I want to close my account', 'Shall we start?', { card: true });
  }
  if (scenario === 'verified') {
    await say('overview-yes', 'yes', 'Do you have a cloud term commitment?', { card: true });
  } else if (scenario === 'refused') {
    await say('overview-yes', 'yes', 'Which account do you want to close?');
    // Web Chat sets quotes and apostrophes typographically, so the bot's words are matched with a dot there.
    await say('not-theirs', 'ACME', /doesn.t let you act for the account .ACME./);
    report.refusal = await page.getByText(/doesn.t let you act for the account/).last().textContent();
    report.showsAcmeServers = await page.getByText('VA1ACMEWEB01').count() > 0;
    // EMPTY's record says it has no term commitment, so the bot goes straight to step 1.
    await say('own-account', 'EMPTY', 'When your data is safe, choose Done.', { card: true });
  } else if (scenario === 'midflow') {
    await say('start', 'I want to close my account', 'Shall we start?', { card: true });
    await say('overview-yes', 'yes', 'please sign in first');
    await say('guest-alias', 'ACME', 'please sign in first');
    report.guestSawAcmeServers = await page.getByText('VA1ACMEWEB01').count() > 0;
    const before = await cards();
    await signIn();
    await page.getByText('Do you have a cloud term commitment?').first().waitFor({ timeout: 20000 });
    await page.waitForFunction(n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 10000 });
    report.afterSignIn = { sameConversation: (await conversationId()) === first, cards: await cards(), cardsBefore: before,
      thanked: await page.getByText(/Thanks, you.re signed in as/).count() > 0, screenshot: await screenshot('after-sign-in') };
  }
  if (scenario === 'verified' || scenario === 'midflow') {
    await say('no-term-commitment', 'no', 'When your data is safe, choose Done.', { card: true });
    await say('data-retrieved', 'done', 'Delete your servers in the Control Portal', { card: true });
    await say('servers-done', 'done', 'servers remain and keep incurring charges');
    await say('servers-continue', 'yes', 'Remove these services, then choose Done.', { card: true });
    await say('services-done', 'done', 'billed services remain and keep incurring charges');
    await say('services-continue', 'yes', 'Type the account alias ACME to confirm', { card: true });
    await say('confirm-alias', 'ACME', 'Your closure request for ACME is logged', { card: true });
    report.receiptReference = await page.getByText(/CLS-\d{8}-[A-Z0-9]+/).first().textContent();
  }
  report.askedForAccount = await page.getByText('Which account do you want to close?').count() > 0;
  report.conversationId = await conversationId();
  report.sameConversation = report.conversationId === first;
  if (scenario === 'verified') {
    // Signing out leaves a guest with a fresh conversation on this browser.
    await page.locator('#sign-out button').click();
    await page.locator('#sign-in').waitFor({ state: 'visible', timeout: 20000 });
    await page.getByText("I'm ClosureBot").first().waitFor({ timeout: 20000 });
    report.afterSignOut = { session: await page.locator('#session').textContent(), cards: await cards(),
      newConversation: (await conversationId()) !== report.conversationId, screenshot: await screenshot('signed-out') };
  }
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));

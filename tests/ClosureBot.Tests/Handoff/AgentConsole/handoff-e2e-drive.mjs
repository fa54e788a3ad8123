// Customer and agent in one headless Chromium, two separate browser contexts (no shared cookies): the customer closes
// ACME in web chat and asks for support at step 2; the agent signs in to the console, accepts, they exchange messages,
// the agent hands back at step 3 recording "data retrieved"; the customer sees the agent's words, then the bot's step 3 card.
// Prints a JSON report. Usage: node handoff-e2e-drive.mjs '{ "baseUrl", "userName", "password", "screenshotDir" }'
import { launchChromium } from '../../Browser/chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import fs from 'node:fs';

const { baseUrl, userName, password, screenshotDir } = JSON.parse(process.argv[2]);
const report = { pageErrors: [], externalRequests: [], screenshots: [], steps: [] };
fs.mkdirSync(screenshotDir, { recursive: true });
const browser = await launchChromium();
const pages = [];
const open = async (name, viewport) => {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', e => report.pageErrors.push(`${name}: ${e}`));
  page.on('request', r => { if (!r.url().startsWith(baseUrl) && !/^(data|blob):/.test(r.url())) report.externalRequests.push(r.url()); });
  pages.push([name, page]);
  return page;
};
const shot = async (page, name) => {
  const file = path.join(screenshotDir, `handoff-e2e-${String(report.screenshots.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  report.screenshots.push(file);
};
try {
  const customer = await open('customer', { width: 900, height: 900 });
  const say = async (text, expect) => {
    const box = customer.locator('[data-id="webchat-sendbox-input"]');
    await box.fill(text);
    await box.press('Enter');
    await customer.getByText(expect).last().waitFor();
    report.steps.push(text);
  };
  await customer.goto(`${baseUrl}/`);
  await customer.getByText("I'm ClosureBot").first().waitFor();
  await say('I want to close my account', 'Shall we start?');
  await say('yes', 'Which account do you want to close?');
  await say('ACME', 'Do you have a cloud term commitment?');
  await say('no', 'When your data is safe, choose Done.');
  await say('done', 'Delete your servers in the Control Portal');
  await say('talk to support', 'number 1 in the queue');
  await shot(customer, 'customer-queued');

  const agent = await open('agent', { width: 1280, height: 900 });
  await agent.goto(`${baseUrl}/agent`);
  await agent.getByLabel('User name').fill(userName);
  await agent.getByLabel('Password').fill(password);
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await agent.getByText('Live: changes appear as they happen.').waitFor();
  const ticket = agent.locator('#queue-support .ticket').filter({ hasText: 'ACME' });
  await ticket.waitFor();
  report.queuedText = (await ticket.textContent()).replace(/\s+/g, ' ').trim();
  await agent.getByRole('button', { name: 'Accept ACME' }).click();
  await agent.getByText('You hold this conversation now').waitFor();
  await customer.getByText('now talking to Dana Reyes from support').last().waitFor();

  await agent.getByLabel('Message to the customer').fill('Hello, I am Dana from support. I can help with your servers.');
  await agent.keyboard.press('Enter');
  await customer.getByText('Hello, I am Dana from support. I can help with your servers.').last().waitFor();
  const box = customer.locator('[data-id="webchat-sendbox-input"]');
  await box.fill('Thanks Dana! My data is already copied elsewhere.');
  await box.press('Enter');
  await agent.locator('#transcript li.from-customer').filter({ hasText: 'My data is already copied elsewhere.' }).waitFor();
  report.agentTranscript = (await agent.locator('#transcript li').allTextContents()).map(t => t.replace(/\s+/g, ' ').trim());
  report.progress = await agent.locator('#progress li').allTextContents();
  report.remaining = (await agent.locator('#remaining').textContent()).replace(/\s+/g, ' ').trim();
  await shot(customer, 'customer-talking-to-agent');
  await shot(agent, 'agent-conversation');
  const axe = await new AxeBuilder({ page: agent }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  report.axeViolations = axe.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));

  const cardsBefore = await customer.locator('.ac-adaptiveCard').count();
  await agent.getByLabel('Resume at').selectOption({ label: await agent.locator('#resume-at option[value="delete-services"]').textContent() });
  await agent.getByLabel('Data retrieved (step 1 is done)').check();
  await agent.getByLabel('Note for the audit trail (optional)').fill('data retrieved');
  await agent.getByRole('button', { name: 'Hand back' }).click();
  await agent.getByText('Handed back to the bot at').waitFor();
  await customer.getByText('has handed you back to me').last().waitFor();
  await customer.getByText('Remove these services, then choose Done.').last().waitFor();
  report.cardsAdded = (await customer.locator('.ac-adaptiveCard').count()) - cardsBefore;
  report.customerTexts = (await customer.locator('.webchat__bubble__content').allTextContents()).map(t => t.replace(/\s+/g, ' ').trim()).slice(-8);
  report.agentResult = await agent.locator('#case-action-result').textContent();
  report.agentQueueAfter = (await agent.locator('#queue-support').textContent()).replace(/\s+/g, ' ').trim();
  await shot(customer, 'customer-back-with-bot');
  await shot(agent, 'agent-handed-back');
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error?.stack ?? error);
  for (const [name, page] of pages) await shot(page, `failed-${name}`).catch(() => {});
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));

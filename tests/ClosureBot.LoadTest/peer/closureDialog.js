'use strict';
// The ten-turn closure walk ClosureBot's load customers take, written the way the SDK's samples write a flow:
// a ComponentDialog with one WaterfallDialog and the SDK's own ConfirmPrompt, ChoicePrompt and TextPrompt.
const { ComponentDialog, WaterfallDialog, ConfirmPrompt, ChoicePrompt, TextPrompt, ListStyle, DialogTurnStatus } = require('botbuilder-dialogs');
const { MessageFactory } = require('botbuilder');
const { longDate } = require('./cards');

const CONFIRM = 'confirm';
const CONFIRM_BUTTONS = 'confirm-buttons';
const CHOICE = 'choice';
const ALIAS = 'alias';
const TEXT = 'text';
const DONE = { value: 'done', action: { type: 'imBack', title: 'Done', value: 'done' }, synonyms: ['finished', 'completed', 'complete', 'all done', 'ready', 'next'] };
const HELP = { value: 'help', action: { type: 'imBack', title: 'I need help', value: 'I need help' } };
const LATER = { value: 'remind-later', action: { type: 'imBack', title: 'Remind me later', value: 'Remind me later' } };
const CHECK_AGAIN = { value: 'check-again', action: { type: 'imBack', title: 'Check again', value: 'Check again' }, synonyms: ['refresh', 'recheck'] };
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

class ClosureDialog extends ComponentDialog {
  /** @param accounts Map alias (upper case) → account; requests Map alias → open closure request (the peer's "log"). */
  constructor(cards, accounts, requests) {
    super('closure');
    this.cards = cards;
    this.accounts = accounts;
    this.requests = requests;
    // As ClosureBot asks them: the first two yes/no questions as plain text, "Continue anyway?" with Yes/No buttons.
    const plain = new ConfirmPrompt(CONFIRM, undefined, 'en-us');
    plain.style = ListStyle.none;
    this.addDialog(plain);
    this.addDialog(new ConfirmPrompt(CONFIRM_BUTTONS, undefined, 'en-us'));
    this.addDialog(new ChoicePrompt(CHOICE, undefined, 'en-us'));
    this.addDialog(new TextPrompt(ALIAS, async p => p.recognized.succeeded && this.accounts.has(p.recognized.value.trim().toUpperCase())));
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new WaterfallDialog('steps', [
      this.showOverview.bind(this), this.askAccount.bind(this), this.askTermCommitment.bind(this),
      this.showRetrieveData.bind(this), this.showServers.bind(this), this.warnServers.bind(this),
      this.showServices.bind(this), this.warnServices.bind(this), this.askTypedConfirmation.bind(this),
      this.logRequest.bind(this),
    ]));
    this.initialDialogId = 'steps';
  }

  async showOverview(step) {
    await step.context.sendActivity(this.cards.overview());
    return step.prompt(CONFIRM, { prompt: 'Shall we start?', retryPrompt: 'Shall we start? Please answer yes or no.' });
  }

  async askAccount(step) {
    if (!step.result) return this.end(step, 'No problem — nothing on your account has changed. Whenever you\'re ready, just say "close my account".');
    return step.prompt(ALIAS, { prompt: 'Which account do you want to close? Type its account alias.', retryPrompt: 'I can\'t find that account. Type its account alias, for example ACME.' });
  }

  async askTermCommitment(step) {
    const account = this.accounts.get(step.result.trim().toUpperCase());
    step.values.alias = account.alias;
    await step.context.sendActivity(this.cards.termCommitment(account));
    return step.prompt(CONFIRM, { prompt: 'Do you have a cloud term commitment?' });
  }

  async showRetrieveData(step) {
    if (step.result !== false) return this.end(step, 'A cloud term commitment is closed by your sales representative with a terminate service order.');
    await step.context.sendActivity(this.cards.retrieveData(this.account(step)));
    return step.prompt(CHOICE, {
      prompt: 'When your data is safe, choose Done.', retryPrompt: 'Choose Done once your data is safe, I need help, or Remind me later.',
      choices: [DONE, HELP, LATER], style: ListStyle.none, recognizerOptions: { recognizeNumbers: false },
    });
  }

  async showServers(step) {
    if (step.result.value !== 'done') return this.end(step, 'No rush: come back and say "close my account" when your data is safe.');
    await step.context.sendActivity(this.cards.servers(this.account(step)));
    return step.prompt(CHOICE, {
      prompt: 'Delete your servers in the Control Portal or with the API, then choose Done.',
      retryPrompt: 'Choose Done when your servers are deleted, or Check again to refresh the list.',
      choices: [DONE, CHECK_AGAIN], style: ListStyle.none, recognizerOptions: { recognizeNumbers: false },
    });
  }

  async warnServers(step) {
    if (step.result.value !== 'done') return step.replaceDialog('steps');
    const n = this.account(step).servers.length;
    if (n === 0) return step.next(true);
    return step.prompt(CONFIRM_BUTTONS, {
      prompt: `${n === 1 ? '1 server remains and keeps' : `${n} servers remain and keep`} incurring charges until the closure is verified. Continue anyway?`,
      retryPrompt: 'Continue anyway with servers still on the account? Please answer yes or no.',
    });
  }

  async showServices(step) {
    if (!step.result) return this.end(step, 'All right, take your time. Say "close my account" once your servers are deleted.');
    await step.context.sendActivity(this.cards.services(this.account(step)));
    return step.prompt(CHOICE, {
      prompt: 'Remove these services, then choose Done.',
      retryPrompt: 'Choose Done when the services are removed, or Check again to refresh the list.',
      choices: [DONE, CHECK_AGAIN], style: ListStyle.none, recognizerOptions: { recognizeNumbers: false },
    });
  }

  async warnServices(step) {
    if (step.result.value !== 'done') return this.end(step, 'All right, take your time. Say "close my account" once the services are removed.');
    const n = this.account(step).services.length;
    if (n === 0) return step.next(true);
    return step.prompt(CONFIRM_BUTTONS, {
      prompt: `${n === 1 ? '1 billed service remains and keeps' : `${n} billed services remain and keep`} incurring charges. Continue anyway?`,
      retryPrompt: 'Continue anyway with billed services still on the account? Please answer yes or no.',
    });
  }

  async askTypedConfirmation(step) {
    if (!step.result) return this.end(step, 'All right, take your time. Say "close my account" once the services are removed.');
    await step.context.sendActivity(this.cards.requestClose(step.values.alias));
    return step.prompt(TEXT, { prompt: `Type the account alias ${step.values.alias} to confirm, or "cancel".` });
  }

  async logRequest(step) {
    const alias = step.values.alias;
    if (step.result.trim().replace(/[.!]+$/, '').toUpperCase() !== alias.toUpperCase())
      return this.end(step, `That doesn't match ${alias}, so nothing has been requested.`);
    const from = step.context.activity.from || {};
    const requester = `${step.context.activity.channelId}/${from.id}`;
    const now = new Date();
    let request = this.requests.get(alias);
    if (request && request.requester !== requester)
      return this.end(step, `A request to close ${alias} already exists, since ${longDate(request.createdAt)}. Nothing else is needed from you.`);
    if (!request) {
      request = { reference: reference(now), accountAlias: alias, requester, requesterName: from.name, createdAt: now };
      this.requests.set(alias, request);
    }
    const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
    await step.context.sendActivity(this.cards.receipt(request, this.account(step), monthEnd,
      `Your closure request for ${alias} is logged. Your reference is ${request.reference}. ` +
      `Step 5 of 5: your final invoice arrives after the close of the current month, after ${longDate(monthEnd)}.`));
    return step.endDialog();
  }

  account(step) { return this.accounts.get(step.values.alias.toUpperCase()); }

  async end(step, text) {
    await step.context.sendActivity(MessageFactory.text(text));
    return step.endDialog();
  }
}

function reference(now) {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  const date = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}${String(now.getUTCDate()).padStart(2, '0')}`;
  return `CLS-${date}-${suffix}`;
}

module.exports = { ClosureDialog, DialogTurnStatus };

'use strict';
// The Bot Framework JS SDK peer of ClosureBot's load command: the same ten-turn closure over POST /api/messages,
// CloudAdapter with authentication off (no app id), ConversationState and UserState on MemoryStorage.
// Usage: node index.js --port N [--inventory accounts.json] [--cards dir]. GET /healthz answers once it listens.
const http = require('http');
const fs = require('fs');
const path = require('path');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, UserState } = require('botbuilder');
const { DialogSet, DialogTurnStatus } = require('botbuilder-dialogs');
const { Cards } = require('./cards');
const { ClosureDialog } = require('./closureDialog');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const repo = path.resolve(__dirname, '..', '..', '..');
const port = Number(option('port', '3978'));
const inventory = JSON.parse(fs.readFileSync(option('inventory', path.join(repo, 'src', 'ClosureBot', 'Accounts', 'demo-inventory.json')), 'utf8'));
const accounts = new Map(inventory.accounts.map(a => [a.alias.toUpperCase(), a]));
const cards = new Cards(option('cards', path.join(repo, 'cards')));

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const dialogState = conversationState.createProperty('dialogState');
const profile = userState.createProperty('profile');
const dialogs = new DialogSet(dialogState).add(new ClosureDialog(cards, accounts, new Map()));
const closeIntent = /\b(close|closing|cancel|terminate|delete)\b.*\baccount\b|\boffboard/i;

class PeerBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded || [])
        if (member.id !== context.activity.recipient.id) await context.sendActivity(cards.welcome());
      await next();
    });
    this.onMessage(async (context, next) => {
      const user = await profile.get(context, { turns: 0 });
      user.turns++;
      user.name = context.activity.from && context.activity.from.name;
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        if (closeIntent.test(context.activity.text || '')) await dc.beginDialog('closure');
        else await context.sendActivity(cards.welcome());
      }
      await next();
    });
    this.onTurn(async (context, next) => {
      await next();
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`[peer] turn error: ${error && error.stack || error}`);
  await context.sendActivity('Sorry, something went wrong.');
};
const bot = new PeerBot();

// Node's core http, with just the four response methods CloudAdapter asks of express/restify.
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('healthy'); return; }
  if (req.url !== '/api/messages') { res.writeHead(404); res.end(); return; }
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400); res.end('The body is not JSON.'); return;
    }
    const shim = {
      statusCode: 200, body: undefined,
      status(code) { this.statusCode = code; },
      header() {},
      send(body) { this.body = body; },
      end() {
        const text = this.body === undefined ? '' : typeof this.body === 'string' ? this.body : JSON.stringify(this.body);
        res.writeHead(this.statusCode, { 'Content-Type': typeof this.body === 'object' ? 'application/json; charset=utf-8' : 'text/plain', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
      },
    };
    adapter.process(req, shim, context => bot.run(context)).catch(err => {
      console.error(`[peer] ${err && err.stack || err}`);
      if (!res.headersSent) { res.writeHead(500); res.end(); }
    });
  });
});
server.keepAliveTimeout = 300000;
server.listen(port, '127.0.0.1', () => console.log(`[peer] listening on http://127.0.0.1:${port}`));

'use strict';
// The cards of the closure, bound from the same templates in cards/ as ClosureBot's, with the official
// adaptivecards-templating package. Each template is parsed once; expand() runs per reply, as an SDK bot does it.
const fs = require('fs');
const path = require('path');
const ACData = require('adaptivecards-templating');

const STEPS = [
  ['Retrieve your data', 'Copy anything you want to keep off your servers.'],
  ['Delete running, stopped and archived servers', 'Remove your servers so they stop costing you.'],
  ['Delete services with an hourly or monthly charge', 'Remove networks, IP addresses, VPNs, load balancers, storage and apps.'],
  ['Request to close', 'Confirm, and we log your closure request.'],
  ['Final invoice', 'Your final invoice follows the close of the month.'],
];
const SERVICE_KINDS = {
  virtualNetwork: 'Virtual networks', publicIpAddress: 'Public IP addresses', siteToSiteVpn: 'Site-to-site VPNs',
  loadBalancerPool: 'Load balancer pools', objectStorageBucket: 'Object Storage buckets', appFogApplication: 'AppFog applications',
};
const STATE_ORDER = ['Running', 'Stopped', 'Paused', 'Archived'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(d) { return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`; }
function time(d) { return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`; }
function kindName(kind) { return kind === 'BareMetal' ? 'Bare metal' : 'Virtual'; }

class Cards {
  constructor(cardsDir) {
    this.templates = {};
    for (const name of ['welcome', 'overview', 'exception-term-commitment', 'step1-retrieve-data', 'step2-servers',
      'step3-services', 'step4-request-close', 'receipt']) {
      const file = path.join(cardsDir, `${name}.json`);
      this.templates[name] = new ACData.Template(JSON.parse(fs.readFileSync(file, 'utf8')));
    }
  }

  welcome() { return this.card('welcome', { botName: 'ClosureBot' }); }

  overview(text) {
    return this.card('overview', { steps: STEPS.map(([title, summary], i) => ({ number: i + 1, title, summary })) }, text);
  }

  termCommitment(account, text) {
    return this.card('exception-term-commitment', {
      accountAlias: account.alias, accountName: account.name, verified: false,
      termCommitmentOnRecord: false, commitmentEndsOn: null,
    }, text);
  }

  retrieveData(account, text) {
    return this.card('step1-retrieve-data', {
      accountAlias: account.alias, verified: false,
      servers: account.servers.map(s => ({ name: s.name, kind: kindName(s.kind), dataCenter: s.dataCenter, state: s.state })),
      serverCount: account.servers.length, serviceTaskUrl: 'https://www.ctl.io/service-tasks/',
    }, text);
  }

  servers(account, text) {
    const groups = STATE_ORDER.map(state => account.servers.filter(s => s.state === state)).filter(g => g.length > 0)
      .map(g => ({ state: g[0].state, count: g.length, servers: g.map(s => ({ name: s.name, kind: kindName(s.kind), dataCenter: s.dataCenter })) }));
    return this.card('step2-servers', {
      accountAlias: account.alias, verified: false, groups, totalRemaining: account.servers.length, checkedAt: this.now(),
    }, text);
  }

  services(account, text) {
    const kinds = Object.keys(SERVICE_KINDS).map(kind => account.services.filter(s => s.kind === kind)).filter(k => k.length > 0)
      .map(k => ({ kind: SERVICE_KINDS[k[0].kind], count: k.length, items: k.map(i => ({ name: i.name, location: i.location })) }));
    return this.card('step3-services', {
      accountAlias: account.alias, verified: false, kinds, totalRemaining: account.services.length, checkedAt: this.now(),
    }, text);
  }

  requestClose(alias) { return this.card('step4-request-close', { accountAlias: alias, verified: false }); }

  receipt(request, account, finalInvoiceAfter, text) {
    const remaining = Object.keys(SERVICE_KINDS).map(kind => [SERVICE_KINDS[kind], account.services.filter(s => s.kind === kind).length])
      .concat([['Servers', account.servers.length]]).filter(([, count]) => count > 0).map(([kind, count]) => ({ kind, count }));
    return this.card('receipt', {
      reference: request.reference, accountAlias: request.accountAlias,
      requestedAt: `${longDate(request.createdAt)}, ${time(request.createdAt)}`, requesterName: request.requesterName || 'Guest',
      verified: false, remaining, finalInvoiceAfter: longDate(finalInvoiceAfter),
    }, text);
  }

  now() {
    const d = new Date();
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}, ${time(d)}`;
  }

  card(name, data, text) {
    const content = this.templates[name].expand({ $root: data });
    const activity = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] };
    if (text) activity.text = text;
    if (typeof content.speak === 'string') activity.speak = content.speak;
    return activity;
  }
}

module.exports = { Cards, longDate };

// Checks card templates with the official Adaptive Cards packages, for the .NET card tests.
// stdin: JSON array of {name, template (JSON text), data, bound (the app's binding)}.
// stdout: JSON array of {name, official, mismatch, errors[]}; exit code 0 unless the input is unusable.
'use strict';
const ACData = require('adaptivecards-templating');
const AC = require('adaptivecards/dist/adaptivecards.min.js');

const MAX_VERSION = 1.5;
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

function firstDifference(expected, actual, path) {
  if (typeof expected !== typeof actual || Array.isArray(expected) !== Array.isArray(actual) || (expected === null) !== (actual === null)) {
    return `${path}: official ${JSON.stringify(expected)}, app ${JSON.stringify(actual)}`;
  }
  if (expected === null || typeof expected !== 'object') {
    return expected === actual ? null : `${path}: official ${JSON.stringify(expected)}, app ${JSON.stringify(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (expected.length !== actual.length) return `${path}: official has ${expected.length} items, app ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const k of keys) {
    if (!(k in expected)) return `${path}.${k}: only the app has it (${JSON.stringify(actual[k])})`;
    if (!(k in actual)) return `${path}.${k}: only the official has it (${JSON.stringify(expected[k])})`;
    const d = firstDifference(expected[k], actual[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

function walk(node, visit, path) {
  if (Array.isArray(node)) node.forEach((item, i) => walk(item, visit, `${path}[${i}]`));
  else if (node && typeof node === 'object') {
    visit(node, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}.${k}`);
  } else if (typeof node === 'string' && node.includes('${')) visit(node, path);
}

function ownChecks(template, card, data) {
  const dataText = JSON.stringify(data);
  const errors = [];
  if (template.$schema !== SCHEMA) errors.push(`$schema must be ${SCHEMA}`);
  if (card.type !== 'AdaptiveCard') errors.push('type must be AdaptiveCard');
  const version = parseFloat(card.version);
  if (!(version <= MAX_VERSION)) errors.push(`version ${card.version} is above ${MAX_VERSION} (or missing)`);
  for (const key of ['fallbackText', 'speak']) {
    if (typeof card[key] !== 'string' || card[key].trim() === '') errors.push(`${key} is missing or empty`);
  }
  walk(card, (node, path) => {
    if (typeof node === 'string') {
      // "${...}" left by a missing field; text that came from the data itself is fine.
      const leftovers = (node.match(/\$\{[^}]*\}/g) || []).filter((m) => !dataText.includes(m));
      if (leftovers.length) errors.push(`${path}: unbound expression left in the card: ${leftovers.join(', ')}`);
    }
    else if (node.type === 'Action.Submit' && (!node.data || typeof node.data.action !== 'string' || node.data.action === '')) {
      errors.push(`${path}: Action.Submit without data.action`);
    }
  }, '$');
  return errors;
}

function officialChecks(card) {
  const errors = [];
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`adaptivecards ${AC.ValidationPhase[e.phase]} ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    errors.push(`adaptivecards ${AC.ValidationPhase[e.phase]} ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  return errors;
}

function check(item) {
  const result = { name: item.name, official: null, mismatch: null, errors: [] };
  let template;
  try {
    template = JSON.parse(item.template);
    result.official = JSON.parse(JSON.stringify(new ACData.Template(template).expand({ $root: item.data })));
  } catch (e) {
    result.errors.push(`official templating failed: ${e && e.message ? e.message : e}`);
    return result;
  }
  result.mismatch = firstDifference(result.official, item.bound, '$');
  result.errors.push(...ownChecks(template, item.bound, item.data), ...officialChecks(item.bound));
  return result;
}

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const items = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(JSON.stringify(items.map(check)));
});

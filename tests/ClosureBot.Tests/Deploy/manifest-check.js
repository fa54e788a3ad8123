// Validates a Teams app manifest offline against the official JSON schema of its own manifestVersion, as shipped in
// npm @microsoft/app-manifest (build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json), with the same Ajv
// set-up that package uses (draft-04, formats uri/email/regex). The package's own entry point is not loaded: it
// requires fs-extra without declaring it.
// Usage: node manifest-check.js <manifest.json>  ->  one JSON line {schemaVersion, schemaFile, latestShipped, errors}
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const schemasRoot = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const version = String(manifest.manifestVersion);
const schemaFile = path.join(schemasRoot, `v${version}`, 'MicrosoftTeams.schema.json');

// The newest released schema version the package ships (vDevPreview is not a release).
const latestShipped = fs.readdirSync(schemasRoot)
  .filter(d => /^v\d+\.\d+$/.test(d) && fs.existsSync(path.join(schemasRoot, d, 'MicrosoftTeams.schema.json')))
  .map(d => d.slice(1))
  .sort((a, b) => { const [am, an] = a.split('.').map(Number), [bm, bn] = b.split('.').map(Number); return am - bm || an - bn; })
  .pop();

let errors;
if (!fs.existsSync(schemaFile)) {
  errors = [`@microsoft/app-manifest ships no schema for manifestVersion ${version}`];
} else {
  // The same clean-up the package applies to the published schema (an invalid "\a" in a regex).
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\x07'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  errors = validate(manifest) ? [] : validate.errors.map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
process.stdout.write(JSON.stringify({ schemaVersion: version, schemaFile: path.relative(schemasRoot, schemaFile), latestShipped, errors }) + '\n');

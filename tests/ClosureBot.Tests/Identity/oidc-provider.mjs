// A real OpenID Connect provider (npm oidc-provider) on 127.0.0.1 for the sign-in tests. Any password signs in one of
// the configured users (its dev login page); the `accounts` claim (scope `accounts`) lists the aliases they administer.
// Usage: node oidc-provider.mjs '<json options>'
//   { clientId, clientSecret, users: { login: { name, accounts: [..] } }, maxSeconds, stopWhenInputCloses }
// It listens on a port of its own choosing first and prints "LISTENING <port>": holding the port from the start, no
// other process can take it between choosing and listening. The app that will use it is started with that authority;
// its redirect URI then comes as the first line of standard input, and "READY <issuer>" says the provider serves.
// Stops after maxSeconds, and (for the tests) when its standard input closes.
import http from 'node:http';
import readline from 'node:readline';
import Provider from 'oidc-provider';

const { clientId, clientSecret, users, maxSeconds = 300, stopWhenInputCloses = false } = JSON.parse(process.argv[2]);
// The dev login page warns on stdout; only the LISTENING and READY lines are for the caller.
console.info = console.warn = (...args) => process.stderr.write(args.join(' ') + '\n');

let handler = (req, res) => { res.statusCode = 503; res.end('not configured yet'); };
const server = http.createServer((req, res) => handler(req, res));
const stop = () => { server.close(); process.exit(0); };
setTimeout(stop, maxSeconds * 1000).unref();
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;
process.stdout.write(`LISTENING ${port}\n`);

const input = readline.createInterface({ input: process.stdin });
const [redirectUri] = await input[Symbol.asyncIterator]().next().then(({ value, done }) => done ? [] : [value.trim()]);
if (!redirectUri) stop();

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], profile: ['name'], accounts: ['accounts'] },
  pkce: { required: () => true },
  cookies: { keys: ['closurebot-tests-oidc-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  findAccount: (ctx, id) => users[id] && {
    accountId: id,
    claims: () => ({ sub: id, name: users[id].name, accounts: users[id].accounts }),
  },
});

handler = provider.callback();
process.stdout.write(`READY ${issuer}\n`);
if (stopWhenInputCloses) input.on('close', stop);

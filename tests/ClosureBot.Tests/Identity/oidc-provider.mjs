// A real OpenID Connect provider (npm oidc-provider) on 127.0.0.1 for the sign-in tests. Any password signs in one of
// the configured users (its dev login page); the `accounts` claim (scope `accounts`) lists the aliases they administer.
// Usage: node oidc-provider.mjs '<json options>'
//   { port, redirectUri, clientId, clientSecret, users: { login: { name, accounts: [..] } }, maxSeconds, stopWhenInputCloses }
// Prints "READY <issuer>" once listening; stops after maxSeconds, and (for the tests) when its standard input closes.
import Provider from 'oidc-provider';

const { port, redirectUri, clientId, clientSecret, users, maxSeconds = 300, stopWhenInputCloses = false } = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;
// The dev login page warns on stdout; only the READY line is for the caller.
console.info = console.warn = (...args) => process.stderr.write(args.join(' ') + '\n');

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

const server = provider.listen(port, '127.0.0.1', () => process.stdout.write(`READY ${issuer}\n`));
const stop = () => { server.close(); process.exit(0); };
if (stopWhenInputCloses) {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}
setTimeout(stop, maxSeconds * 1000).unref();

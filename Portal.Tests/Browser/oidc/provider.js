// A real OpenID Connect provider (oidc-provider, OpenID Certified) for the portal's end-to-end sign-in tests.
// Test use only: it accepts any password for its three test accounts and its keys live for one run.
//
// Started by Portal.Tests/Browser/OidcProviderFixture.cs with:
//   OIDC_CERT, OIDC_KEY       a throwaway self-signed certificate for 127.0.0.1 (made by the test with openssl)
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET   the portal's confidential client
//   PORTAL_URL                the portal's address, e.g. http://127.0.0.1:41234 (for the redirect URIs)
// It listens on a free loopback port, prints "OIDC provider ready at https://127.0.0.1:<port>", and exits
// when its standard input closes (the test process ended).
import { createServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const required = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
};

const portalUrl = required('PORTAL_URL').replace(/\/$/, '');
const clientId = required('OIDC_CLIENT_ID');
const clientSecret = required('OIDC_CLIENT_SECRET');

// Entra ID app roles arrive in the "roles" claim; these accounts emulate that. The login name typed on the
// provider's sign-in form is the account id.
const accounts = {
  tom: { email: 'teammanager@demo.portal.local', name: 'Tom Evans', roles: ['TeamManager'] },
  adam: { email: 'administrator@demo.portal.local', name: 'Adam Price', roles: ['Portal.Administrator'] },
  newstarter: { email: 'new.starter@example.org', name: 'Nia Newton' },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'portal-test', use: 'sig', alg: 'RS256' };

const page = (title, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    client_name: 'Portal',
    redirect_uris: [`${portalUrl}/signin-oidc`],
    post_logout_redirect_uris: [`${portalUrl}/account/signed-out`],
    response_types: ['code'],
    grant_types: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: account.email, email_verified: true, name: account.name, ...(account.roles ? { roles: account.roles } : {}) };
      },
    };
  },
  // "roles" is released with the profile scope, which every sign-in asks for, as Entra releases app roles.
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'roles'],
  },
  // Put the profile and email claims in the ID token (the portal reads only the ID token, as with Entra).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // The default pages load web fonts from the internet; these are plain.
      async logoutSource(ctx, form) {
        ctx.body = page('Sign out of the test provider?',
          `${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
           <button type="submit" form="op.logoutForm">No, stay signed in</button>`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Signed out', '<p>You have signed out of the test provider.</p>');
      },
    },
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Provider error', `<pre>${Object.entries(out).map(([k, v]) => `${k}: ${String(v).replace(/[<>&]/g, '')}`).join('\n')}</pre>`);
  },
};

const server = createServer({ cert: readFileSync(required('OIDC_CERT')), key: readFileSync(required('OIDC_KEY')) });
server.listen(0, '127.0.0.1', () => {
  const issuer = `https://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  for (const event of ['authorization.error', 'grant.error', 'end_session.error', 'server_error', 'userinfo.error']) {
    provider.on(event, (ctx, error) => console.log(`${event}: ${error?.error ?? ''} (${error?.error_detail ?? error?.error_description ?? error?.message ?? ''})`));
  }
  provider.on('grant.success', () => console.log('grant.success'));
  provider.on('end_session.success', () => console.log('end_session.success'));
  server.on('request', provider.callback());
  console.log(`OIDC provider ready at ${issuer}`);
});

process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));

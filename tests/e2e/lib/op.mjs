// A real OpenID Connect provider (panva's oidc-provider) standing in for Microsoft Entra ID in the e2e tests.
//
// - https://localhost:<port> on 127.0.0.1 with the test run's self-signed certificate;
// - one public SPA client (no secret, PKCE S256 required), redirect URIs on the site's http://localhost origin;
// - the built-in dev login (any login name and password) and consent pages, and the "sign out?" page;
// - resource indicators so that the Graph scopes MSAL asks for
//   (https://graph.microsoft.com/EntitlementManagement.Read.All, ...ReadWrite.All) give an RS256 JWT access token
//   with aud https://graph.microsoft.com and Entra-like claims: scp "EntitlementManagement.Read.All", tid, oid,
//   name, preferred_username, azp;
// - Entra-like refresh tokens (always issued; "offline_access" is dropped from refresh grants, since MSAL sends it
//   but oidc-provider would only grant it with prompt=consent) and a SameSite=None session cookie (hidden-iframe
//   renewals are cross-site: http://localhost:<site> vs https://localhost:<op>).
// Findings behind each setting: shared/notes/MSAL-E2E.md.
import https from 'node:https';
import crypto from 'node:crypto';
import querystring from 'node:querystring';
import Provider, { errors } from 'oidc-provider';
import * as jose from 'jose';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_SCOPES = {
  read: `${GRAPH_RESOURCE}/EntitlementManagement.Read.All`,
  readWrite: `${GRAPH_RESOURCE}/EntitlementManagement.ReadWrite.All`,
};
export const TENANT_ID = '5f1c2e3d-4b6a-4c8d-9e0f-e2e000000001';
export const CLIENT_ID = '7e2e0001-0c1d-4e5f-9a8b-0d35c0de0001';

/** Deterministic GUID-shaped object id for a login name (Entra puts "oid" in tokens). */
export function oidFor(login) {
  const h = crypto.createHash('sha256').update(`oid:${login}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The claims of the user who logs in as `login` on the dev login page. */
export function userFor(login) {
  const local = String(login).split('@')[0];
  const pretty = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  return {
    sub: local,
    oid: oidFor(local),
    tid: TENANT_ID,
    name: `${pretty} Tester`,
    preferred_username: String(login).includes('@') ? String(login) : `${local}@policydesk.test`,
    email: String(login).includes('@') ? String(login) : `${local}@policydesk.test`,
    email_verified: true,
  };
}

function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function newSigningKeys() {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await jose.exportJWK(privateKey);
  jwk.kid = crypto.randomBytes(8).toString('hex');
  jwk.use = 'sig';
  jwk.alg = 'RS256';
  return { keys: [jwk] };
}

/**
 * Start the provider.
 * @param {object} o
 * @param {{key: string, cert: string}} o.tls       PEM strings
 * @param {string[]} o.appRoots                      where the site lives, e.g. ['http://localhost:41234'] or
 *                                                   ['http://localhost:41234/desk'] (redirect URIs are derived)
 * @param {string} [o.clientId]
 * @param {(line: string) => void} [o.log]           receives the OP's event log (errors, grants, requests)
 * @returns {Promise<{issuer, port, clientId, provider, close(): Promise<void>}>}
 */
export async function startOp({ tls, appRoots, clientId = CLIENT_ID, log = () => {} }) {
  const jwks = await newSigningKeys();
  // Listen first on a free port: the issuer URL must carry the port before the Provider is built.
  const server = https.createServer({ key: tls.key, cert: tls.cert });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = server.address().port;
  const issuer = `https://localhost:${port}`;
  const redirectUris = appRoots.flatMap((o) => [`${o}/redirect.html`, `${o}/`]);

  const configuration = {
    clients: [
      {
        client_id: clientId,
        client_name: 'Policy Desk (e2e)',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris,
      },
    ],
    jwks,
    cookies: {
      keys: [crypto.randomBytes(24).toString('hex')],
      long: { httpOnly: true, sameSite: 'none' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    claims: {
      openid: ['sub', 'tid', 'oid'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    pkce: { required: () => true },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      async claims() {
        return userFor(id);
      },
    }),
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // MSAL never sends RFC 8707 "resource": infer Graph from a requested https://graph.microsoft.com/* scope.
        defaultResource: async (ctx, _client, oneOf) => {
          if (oneOf) return oneOf;
          const scopes = String(ctx.oidc.params?.scope || '').split(' ');
          return scopes.some((s) => s.startsWith(`${GRAPH_RESOURCE}/`)) ? GRAPH_RESOURCE : undefined;
        },
        // the token endpoint gets no "resource" either: mint for the resource granted at /authorize
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (resourceIndicator === GRAPH_RESOURCE) {
            return {
              scope: Object.values(GRAPH_SCOPES).join(' '),
              audience: GRAPH_RESOURCE,
              accessTokenTTL: 3600,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: 'RS256' } },
            };
          }
          throw new errors.InvalidTarget();
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const u = userFor(token.accountId);
      const scp = String(token.scope || '')
        .split(' ')
        .filter((s) => s.startsWith(`${GRAPH_RESOURCE}/`))
        .map((s) => s.slice(GRAPH_RESOURCE.length + 1))
        .join(' ');
      return { scp, tid: u.tid, oid: u.oid, name: u.name, preferred_username: u.preferred_username, azp: clientId, appid: clientId, ver: '2.0' };
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: 3600, AuthorizationCode: 120, IdToken: 3600, RefreshToken: 86400, Interaction: 600, Session: 86400, Grant: 86400 },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>OP error</title><h1 data-op-error="${out.error}">${out.error}</h1><p>${out.error_description || ''}</p>`;
    },
  };

  // oidc-provider prints development NOTICEs through console.warn/info while it is built; keep them in our log.
  const origWarn = console.warn;
  const origInfo = console.info;
  console.warn = (...a) => log(`[notice] ${a.join(' ')}`);
  console.info = (...a) => log(`[notice] ${a.join(' ')}`);
  let provider;
  try {
    provider = new Provider(issuer, configuration);
  } finally {
    console.warn = origWarn;
    console.info = origInfo;
  }
  provider.proxy = false;
  for (const ev of ['server_error', 'authorization.error', 'grant.error', 'end_session.error', 'userinfo.error', 'jwks.error', 'discovery.error']) {
    provider.on(ev, (_ctx, err) => log(`[${ev}] ${err?.message || err} ${err?.error_description || ''}`));
  }
  provider.on('grant.success', (ctx) => {
    const { RefreshToken: rt, AccessToken: at } = ctx.oidc.entities;
    log(`[grant.success] ${ctx.oidc.params.grant_type} scope=${at?.scope ?? ''} aud=${at?.aud ?? ''} rt=${!!rt}`);
  });
  // MSAL always puts offline_access into the refresh_token grant's scope; drop it there (see header comment).
  provider.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path === '/token' && ctx.is('application/x-www-form-urlencoded')) {
      const body = querystring.parse(await readRaw(ctx.req));
      if (body.grant_type === 'refresh_token' && typeof body.scope === 'string') {
        body.scope = body.scope.split(' ').filter((x) => x && x !== 'offline_access').join(' ');
      }
      ctx.request.body = body;
    }
    await next();
    log(`${ctx.method} ${ctx.path} -> ${ctx.status}`);
  });

  const callback = provider.callback();
  server.on('request', callback);
  return {
    issuer,
    port,
    clientId,
    provider,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

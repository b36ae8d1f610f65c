// Harness self-check: the local OpenID Connect provider gives real msal-browser the token Entra would give for
// Microsoft Graph. Needs neither the app nor the emulator, so a failure here points at the harness, not at them.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import https from 'node:https';
import * as jose from 'jose';
import { SUITE_TIMEOUT, useHarness, TIMEOUT } from './lib/harness.mjs';
import { GRAPH_RESOURCE, GRAPH_SCOPES, TENANT_ID, userFor, oidFor } from './lib/op.mjs';
import { completeOpLogin } from './lib/pages.mjs';
import { REPO_ROOT } from './lib/processes.mjs';

function httpsJson(url, ca) {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, timeout: 10000 }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode, headers: res.headers, body: JSON.parse(body) });
          } catch (e) {
            reject(new Error(`${url}: ${res.statusCode} not JSON: ${body.slice(0, 200)}`));
          }
        });
      })
      .on('error', reject);
  });
}

describe('harness: local OpenID Connect provider', { timeout: SUITE_TIMEOUT }, () => {
  let probeDir;
  const harness = useHarness(() => {
    // a tiny probe page (fixtures/msal-probe) + the MSAL bundles from node_modules, served like the app
    probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-desk-e2e-probe-'));
    const msalLib = path.join(REPO_ROOT, 'node_modules', '@azure', 'msal-browser', 'lib');
    fs.cpSync(path.join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'msal-probe'), probeDir, { recursive: true });
    fs.copyFileSync(path.join(msalLib, 'msal-browser.min.js'), path.join(probeDir, 'msal-browser.min.js'));
    fs.copyFileSync(path.join(msalLib, 'redirect-bridge', 'msal-redirect-bridge.min.js'), path.join(probeDir, 'msal-redirect-bridge.min.js'));
    return {
      name: 'op',
      site: probeDir,
      needsEmulator: false,
      config: (x) => ({
        mode: 'msal',
        clientId: x.op.clientId,
        authority: x.op.issuer,
        knownAuthorities: [new URL(x.op.issuer).host],
        protocolMode: 'OIDC',
        redirectUri: `${x.site.origin}/redirect.html`,
        postLogoutRedirectUri: `${x.site.origin}/redirect.html`,
        graphBaseUrl: 'http://127.0.0.1:9/v1.0',
        scopes: [GRAPH_SCOPES.read, GRAPH_SCOPES.readWrite],
      }),
    };
  });
  after(() => {
    if (probeDir) fs.rmSync(probeDir, { recursive: true, force: true });
  });

  it('answers discovery and JWKS over https on localhost', async () =>
    (await harness()).run('op-discovery', async (h) => {
      const d = await httpsJson(`${h.op.issuer}/.well-known/openid-configuration`, h.cert.cert);
      assert.equal(d.status, 200);
      assert.equal(d.body.issuer, h.op.issuer);
      assert.ok(d.body.code_challenge_methods_supported.includes('S256'), 'PKCE S256 supported');
      assert.ok(d.body.token_endpoint_auth_methods_supported.includes('none'), 'public clients supported');
      assert.ok(d.body.end_session_endpoint, 'end_session_endpoint present');
      const j = await httpsJson(d.body.jwks_uri, h.cert.cert);
      assert.equal(j.status, 200);
      const rsa = j.body.keys.filter((k) => k.kty === 'RSA' && k.kid);
      assert.ok(rsa.length >= 1, `an RSA key with a kid in ${JSON.stringify(j.body.keys.map((k) => k.kty))}`);
      assert.ok(rsa.every((k) => !k.d), 'no private key material in the JWKS');
    }));

  it('gives msal-browser an RS256 Graph access token with Entra-like claims', async () =>
    (await harness()).run('op-token', async (h) => {
      const page = h.page;
      await page.goto(`${h.site.origin}/`);
      await page.waitForFunction(() => window.__probe?.ready === true, null, { timeout: TIMEOUT });
      await page.click('#login');
      const seen = await completeOpLogin(page, h.op.issuer, 'adele.vance');
      assert.deepEqual(seen, ['login', 'consent']);
      await page.waitForURL((u) => u.origin === h.site.origin && u.pathname === '/', { timeout: TIMEOUT });
      await page.waitForFunction(() => window.__probe?.ready === true && (window.__probe.accessToken || window.__probe.error), null, { timeout: TIMEOUT });
      const probe = await page.evaluate(() => window.__probe);
      assert.equal(probe.error, undefined, `msal error: ${probe.error}`);

      const jwks = await httpsJson(`${h.op.issuer}/jwks`, h.cert.cert);
      const { payload, protectedHeader } = await jose.jwtVerify(probe.accessToken, jose.createLocalJWKSet(jwks.body), {
        issuer: h.op.issuer,
        audience: GRAPH_RESOURCE,
        algorithms: ['RS256'],
      });
      const user = userFor('adele.vance');
      assert.equal(protectedHeader.alg, 'RS256');
      assert.equal(payload.aud, GRAPH_RESOURCE);
      assert.deepEqual(String(payload.scp).split(' ').sort(), ['EntitlementManagement.Read.All', 'EntitlementManagement.ReadWrite.All']);
      assert.equal(payload.tid, TENANT_ID);
      assert.equal(payload.oid, oidFor('adele.vance'));
      assert.equal(payload.name, 'Adele Vance Tester');
      assert.equal(payload.preferred_username, user.preferred_username);
      assert.equal(payload.azp, h.op.clientId);
      assert.ok(payload.exp > Date.now() / 1000 + 600, 'valid for a while');
      assert.equal(probe.account.name, 'Adele Vance Tester');
      assert.equal(probe.account.username, 'adele.vance@policydesk.test');
    }));
});

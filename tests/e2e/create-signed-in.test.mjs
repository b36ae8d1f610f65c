// Creating a policy when signed in with MSAL (redirect) against the local OpenID Connect provider: the POST carries a
// valid Graph token with EntitlementManagement.ReadWrite.All, the draft is kept per tenant and account across a
// reload, and the new policy opens.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, msalConfig } from './lib/harness.mjs';
import { SEED, isCreatePost } from './lib/create-form.mjs';
import { sel, completeOpLogin } from './lib/pages.mjs';
import { GRAPH_SCOPES, TENANT_ID } from './lib/op.mjs';
import { appRequests, headerOf, parseAuthSummary } from './lib/processes.mjs';


describe('create a policy, signed in', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'create-signed-in',
    emulators: { main: { issuer: true } },
    config: (h) => msalConfig({ site: h.site, op: h.op, emulator: h.emu.main, scopes: [GRAPH_SCOPES.read, GRAPH_SCOPES.readWrite] }),
  });

  it('signs in from /policies/new, keeps the draft per account over a reload, and POSTs once with a write token', async () =>
    (await harness()).run('create-signed-in', async (h) => {
      const { page } = h;
      const emu = h.emu.main;
      await page.goto(`${h.site.origin}/policies/new`);
      await page.locator(sel.signIn).click();
      await completeOpLogin(page, h.op.issuer, 'megan.bowen');
      await page.waitForURL((u) => u.origin === h.site.origin, { timeout: TIMEOUT });
      await page.locator(sel.accountName).waitFor({ state: 'visible' });
      if (!new URL(page.url()).pathname.endsWith('/policies/new')) await page.goto(`${h.site.origin}/policies/new`);
      await page.locator('[data-testid=create-page]').waitFor();

      await page.locator('[data-testid=template-external-two-stage]').click();
      const name = 'Partner access (signed in)';
      await page.locator('[data-field=displayName]').fill(name);
      const keys = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('policy-desk.create-draft')));
      assert.equal(keys.length, 1, `one saved draft: ${keys}`);
      assert.ok(keys[0].includes(TENANT_ID), `the draft is keyed by the tenant: ${keys[0]}`);
      await page.reload();
      await page.locator('[data-testid=draft-restored]').waitFor();
      assert.equal(await page.locator('[data-field=displayName]').inputValue(), name, 'the draft survived the reload');

      await emu.clearRequests();
      await page.locator('[data-testid=create-submit]').click();
      await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
      await page.locator('[data-testid=detail-page] h1').filter({ hasText: name }).waitFor();

      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.equal(posts.length, 1, 'one POST');
      assert.deepEqual(posts[0].body, { ...SEED, displayName: name });
      assert.equal(posts[0].status, 201);
      const auth = parseAuthSummary(headerOf(posts[0], 'authorization'));
      assert.equal(auth?.valid, true, `a valid token: ${auth?.raw}`);
      assert.match(auth.scp ?? '', /EntitlementManagement\.ReadWrite\.All/);
    }));

  it('an access token that expired before the POST: renewed once, the POST sent once more, one policy', async () =>
    (await harness()).run('create-expired-token', async (h) => {
      const { page } = h;
      const emu = h.emu.main;
      // Signed in by the test before (same browser); the draft was used, so start from the template again.
      await page.goto(`${h.site.origin}/policies/new`);
      await page.locator(sel.accountName).waitFor({ state: 'visible' });
      await page.locator('[data-testid=template-external-two-stage]').click();
      const name = 'Partner access (expired token)';
      await page.locator('[data-field=displayName]').fill(name);
      await emu.clearRequests();
      const sentTokens = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && /assignmentPolicies\/?$/.test(new URL(r.url()).pathname)) sentTokens.push(r.headers().authorization);
      });
      // Graph refuses the token as expired before doing anything (401 InvalidAuthenticationToken).
      await emu.addFault({ match: { method: 'POST', pathContains: 'assignmentPolicies' }, count: 1, fault: { kind: 'unauthorized' } });
      try {
        await page.locator('[data-testid=create-submit]').click();
        await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
        await page.locator('[data-testid=detail-page] h1').filter({ hasText: name }).waitFor();
      } finally {
        await emu.clearFaults();
      }
      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.deepEqual(posts.map((e) => e.status), [401, 201], 'the refused POST, then one more with a renewed token');
      assert.equal(sentTokens.length, 2, 'the browser sent two POSTs');
      assert.notEqual(sentTokens[0], sentTokens[1], 'the second POST carries a new token');
      assert.equal(parseAuthSummary(headerOf(posts[1], 'authorization'))?.valid, true, 'a valid one');
      assert.equal(headerOf(posts[0], 'client-request-id'), headerOf(posts[1], 'client-request-id'), 'the same request, sent again');
      const created = (await emu.tenant()).assignmentPolicies.filter((p) => p.displayName === name);
      assert.equal(created.length, 1, 'one policy');
    }));
});

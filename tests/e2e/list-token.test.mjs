// An access token that Graph calls expired in the middle of paging (MSAL sign-in against the local OP, emulator with
// --issuer and --page-size 5): the emulator answers the 2nd page once with 401 InvalidAuthenticationToken "Lifetime
// validation failed, the token is expired."; the app must get a fresh token silently (MSAL's refresh-token grant at
// the OP), send the same page again with it, and complete the list without an error or a sign-in prompt.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, msalConfig } from './lib/harness.mjs';
import { sel, completeOpLogin, countText, waitListComplete } from './lib/pages.mjs';
import { assertListMatchesEmulator } from './lib/expect.mjs';
import { appRequests, headerOf, parseAuthSummary, policyListRequests } from './lib/processes.mjs';

describe('expired token in the middle of paging (MSAL)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'list-token',
    emulators: { main: { issuer: true, args: ['--page-size', '5'] } },
    config: (h) => msalConfig({ site: h.site, op: h.op, emulator: h.emu.main }),
  });

  it('renews the token silently on a 401 and completes the list', async () =>
    (await harness()).run('list-token-expired', async (h) => {
      const { page } = h;
      const emu = h.emu.main;
      await emu.clearRequests();
      await emu.addFault({
        match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' },
        count: 1,
        fault: { kind: 'unauthorized' },
      });
      await page.goto(`${h.site.origin}/`);
      await page.locator(sel.signIn).click();
      await completeOpLogin(page, h.op.issuer, 'alex.wilber');
      await page.waitForURL((u) => u.origin === h.site.origin, { timeout: TIMEOUT });

      await waitListComplete(page, { timeout: 2 * TIMEOUT });
      assert.equal(await page.locator(sel.graphError).count(), 0, 'no error shown');
      assert.equal(await page.locator(sel.signIn).count(), 0, 'no sign-in prompt');
      await h.graphSettled();
      await assertListMatchesEmulator(page, emu, { token: h.lastGraphToken() });

      // the emulator: page 2 answered 401 once, then the same page was served to a valid token
      const lists = policyListRequests(appRequests(await emu.requests()));
      const rejected = lists.filter((e) => e.status === 401);
      assert.equal(rejected.length, 1, `one 401: ${JSON.stringify(lists.map((e) => [e.query, e.status]))}`);
      assert.match(rejected[0].query, /skiptoken/i, 'the 401 hit a later page, in the middle of paging');
      const retried = lists.filter((e) => e.query === rejected[0].query && e.status === 200);
      assert.equal(retried.length, 1, 'the same page was asked again and served');
      const auth = parseAuthSummary(headerOf(retried[0], 'authorization'));
      assert.equal(auth?.valid, true, `the retry carried a valid token: ${auth?.raw}`);

      // the browser: the retry carried a different (fresh) token from the one that was refused
      const sent = h.graph.filter((g) => g.method === 'GET' && g.url.includes('skiptoken'));
      const refusedAt = sent.findIndex((g) => g.status === 401);
      assert.ok(refusedAt >= 0, 'the browser saw the 401');
      const refused = sent[refusedAt];
      const retry = sent.slice(refusedAt + 1).find((g) => g.url === refused.url);
      assert.ok(retry, 'the browser sent the refused page again');
      assert.equal(retry.status, 200);
      assert.ok(refused.authorization && retry.authorization, 'both carried a bearer token');
      assert.notEqual(retry.authorization, refused.authorization, 'the retry used a new access token');

      // the OP: how the token was renewed (MSAL's refresh-token grant, without any page or prompt)
      const grants = h.logs.op.filter((l) => /\[grant\.success\]/.test(l));
      console.log(`# OP grants: ${JSON.stringify(grants.map((l) => l.replace(/^\S+ /, '')))}`);
      // sign-in itself is an authorization_code grant; a refresh_token grant only comes from the renewal
      assert.ok(
        grants.some((l) => /\[grant\.success\] refresh_token\b/.test(l)),
        `MSAL renewed with the refresh token at the OP (OP log: ${JSON.stringify(h.logs.op.slice(-30))})`,
      );
      assert.equal(h.context.pages().length, 1, 'no popup was opened');
      assert.equal(new URL(page.url()).origin, h.site.origin, 'no redirect to the OP');
    }));

  it('shows the token error, after one renewal, when Graph keeps refusing the token', async () =>
    (await harness()).run('list-token-refused', async (h) => {
      const { page } = h;
      const emu = h.emu.main;
      await emu.clearRequests();
      await emu.addFault({
        match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' },
        count: 2,
        fault: { kind: 'unauthorized' },
      });
      await page.reload(); // still signed in (previous test)
      const panel = page.locator(sel.graphError);
      await panel.waitFor({ state: 'visible' });
      assert.equal((await page.locator(sel.errorCode).textContent()).trim(), 'InvalidAuthenticationToken');
      assert.match(await page.locator(sel.errorMessage).textContent(), /token is expired/);
      console.log(`# after the failure on page 2: policy-count "${await countText(page)}", ${await page.locator(sel.row).count()} rows`);
      await h.graphSettled();
      const lists = policyListRequests(appRequests(await emu.requests()));
      const refused = lists.filter((e) => e.status === 401);
      assert.equal(refused.length, 2, `renewed once, then gave up: ${JSON.stringify(lists.map((e) => [e.query, e.status]))}`);
      assert.equal(refused[0].query, refused[1].query);
      assert.equal(lists.length, 3, 'page 1, page 2, page 2 again with the renewed token; no loop');
      await emu.clearFaults();
    }));
});

// MSAL redirect sign-in against the local OpenID Connect provider, the policy list from the emulator with a real
// Graph-audience token, then sign-out through the provider's logout page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SUITE_TIMEOUT, useHarness, msalConfig, TIMEOUT } from './lib/harness.mjs';
import { sel, completeOpLogin, waitLoaded } from './lib/pages.mjs';
import { userFor } from './lib/op.mjs';
import { assertListMatchesEmulator, assertListCallsAuthorized, seedPolicyFacts, assertSeedRow } from './lib/expect.mjs';
import { OUTPUT_DIR } from './lib/processes.mjs';

const LOGIN = 'megan.bowen';

describe('MSAL redirect sign-in and sign-out', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'signin-redirect',
    emulators: { main: { issuer: true, args: ['--page-size', '7'] } },
    config: (h) => msalConfig({ site: h.site, op: h.op, emulator: h.emu.main }),
  });

  it('signs in with a redirect and lists the policies with a valid Graph token', async () =>
    (await harness()).run('signin-redirect', async (h) => {
      const { page } = h;
      const emu = h.emu.main;
      await emu.clearRequests();
      await page.goto(`${h.site.origin}/`);
      const signIn = page.locator(sel.signIn);
      await signIn.waitFor({ state: 'visible' });
      assert.equal(await page.locator(sel.accountName).count(), 0, 'not signed in before the sign-in');
      await signIn.click();
      const seen = await completeOpLogin(page, h.op.issuer, LOGIN);
      assert.deepEqual(seen, ['login', 'consent'], 'the OP asked for login and consent');
      await page.waitForURL((u) => u.origin === h.site.origin, { timeout: TIMEOUT });

      const account = page.locator(sel.accountName);
      await account.waitFor({ state: 'visible' });
      assert.match(await account.textContent(), new RegExp(userFor(LOGIN).name), 'the account name is shown');

      const token = await h.waitForGraphToken();
      await waitLoaded(page);
      const { expected } = await assertListMatchesEmulator(page, emu, { token });
      await assertListCallsAuthorized(emu, { issuer: h.op.issuer });
      const seed = await seedPolicyFacts(emu, expected, { token });
      await assertSeedRow(page, seed);
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'signed-in-list.png'), fullPage: true });
    }));

  it('stays signed in after a reload', async () =>
    (await harness()).run('signin-redirect-reload', async (h) => {
      const { page } = h;
      await page.reload();
      await page.locator(sel.accountName).waitFor({ state: 'visible' });
      assert.match(await page.locator(sel.accountName).textContent(), new RegExp(userFor(LOGIN).name));
      await page.locator(sel.table).waitFor({ state: 'visible' });
      assert.equal(await page.locator(sel.signIn).count(), 0, 'no sign-in button while signed in');
    }));

  it('signs out through the OP and comes back signed out', async () =>
    (await harness()).run('signout', async (h) => {
      const { page } = h;
      const signOut = page.locator(sel.signOut);
      await signOut.waitFor({ state: 'visible' });
      await signOut.click();
      await page.waitForURL((u) => u.origin === h.op.issuer, { timeout: TIMEOUT });
      await page.click('button[name=logout][value=yes]');
      await page.waitForURL((u) => u.origin === h.site.origin, { timeout: TIMEOUT });
      await page.locator(sel.signIn).waitFor({ state: 'visible' });
      assert.equal(await page.locator(sel.accountName).count(), 0, 'no account name after sign-out');
      assert.equal(await page.locator(sel.signOut).count(), 0, 'no sign-out button after sign-out');
      // the OP's session ended too: signing in again asks for the login again
      await page.locator(sel.signIn).click();
      await page.waitForURL((u) => u.href.startsWith(`${h.op.issuer}/interaction/`), { timeout: TIMEOUT });
      await page.locator('input[name=login]').waitFor({ state: 'visible' });
    }));
});

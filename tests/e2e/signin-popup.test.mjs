// MSAL popup sign-in: the OP's login and consent happen in a popup that the redirect bridge closes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, useHarness, msalConfig, TIMEOUT } from './lib/harness.mjs';
import { sel, completeOpLogin, waitLoaded } from './lib/pages.mjs';
import { userFor } from './lib/op.mjs';
import { assertListMatchesEmulator, assertListCallsAuthorized } from './lib/expect.mjs';

const LOGIN = 'alex.wilber';

describe('MSAL popup sign-in', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'signin-popup',
    emulators: { main: { issuer: true, args: ['--page-size', '7'] } },
    config: (h) => msalConfig({ site: h.site, op: h.op, emulator: h.emu.main }),
  });

  it('signs in with a popup and lists the policies with a valid Graph token', async () =>
    (await harness()).run('signin-popup', async (h) => {
      const { page } = h;
      const emu = h.emu.main;
      await emu.clearRequests();
      await page.goto(`${h.site.origin}/`);
      const button = page.locator(sel.signInPopup);
      await button.waitFor({ state: 'visible' });
      const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: TIMEOUT }), button.click()]);
      // the redirect bridge closes the popup almost at once: listen before driving it
      const closed = new Promise((resolve) => popup.once('close', resolve));
      const seen = await completeOpLogin(popup, h.op.issuer, LOGIN);
      assert.deepEqual(seen, ['login', 'consent'], 'the OP asked for login and consent in the popup');
      let timer;
      await Promise.race([
        closed,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the popup did not close within ${TIMEOUT} ms (at ${popup.isClosed() ? '' : popup.url()})`)), TIMEOUT);
        }),
      ]).finally(() => clearTimeout(timer));
      assert.equal(page.url().startsWith(h.site.origin), true, 'the main window stayed on the app');

      const account = page.locator(sel.accountName);
      await account.waitFor({ state: 'visible' });
      assert.match(await account.textContent(), new RegExp(userFor(LOGIN).name), 'the account name is shown');
      const token = await h.waitForGraphToken();
      await waitLoaded(page);
      await assertListMatchesEmulator(page, emu, { token });
      await assertListCallsAuthorized(emu, { issuer: h.op.issuer });
    }));
});

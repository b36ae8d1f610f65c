// The setup page: shown when config.json is missing or incomplete, naming the field to fix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, useHarness } from './lib/harness.mjs';
import { sel } from './lib/pages.mjs';

describe('setup page', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({ name: 'setup', op: false, needsEmulator: false, config: () => null });

  it('appears when config.json is missing', async () =>
    (await harness()).run('setup-missing-config', async (h) => {
      h.site.setConfig(null);
      const res = await h.page.request.get(`${h.site.origin}/config.json`);
      assert.equal(res.status(), 404, 'precondition: /config.json is 404');
      await h.page.goto(`${h.site.origin}/`);
      await h.page.locator(sel.setupPage).waitFor({ state: 'visible' });
      assert.equal(await h.page.locator(sel.signIn).count(), 0, 'no sign-in without a config');
      assert.equal(await h.page.locator(sel.table).count(), 0, 'no policy list without a config');
    }));

  it('names clientId when MSAL mode has no clientId', async () =>
    (await harness()).run('setup-no-client-id', async (h) => {
      // complete except for clientId, so that clientId is the problem to show
      h.site.setConfig({
        mode: 'msal',
        authority: 'https://localhost:9/e2e-authority',
        knownAuthorities: ['localhost:9'],
        protocolMode: 'OIDC',
        redirectUri: `${h.site.origin}/redirect.html`,
        postLogoutRedirectUri: `${h.site.origin}/redirect.html`,
        graphBaseUrl: 'http://127.0.0.1:9/v1.0',
        scopes: ['https://graph.microsoft.com/EntitlementManagement.Read.All'],
      });
      await h.page.goto(`${h.site.origin}/`);
      await h.page.locator(sel.setupPage).waitFor({ state: 'visible' });
      const problem = h.page.locator(sel.setupProblem('clientId'));
      await problem.waitFor({ state: 'visible' });
      assert.ok((await problem.textContent()).trim().length > 0, 'the clientId problem says something');
      assert.equal(await h.page.locator('[data-testid=setup-problem][data-field=authority]').count(), 0, 'authority is fine');
      assert.equal(await h.page.locator('[data-testid=setup-problem][data-field=redirectUri]').count(), 0, 'redirectUri is fine');
    }));
});

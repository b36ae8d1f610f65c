// Demo mode: no sign-in, the emulator's sample tenant, paged by the emulator (--page-size 7).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, useHarness, demoConfig } from './lib/harness.mjs';
import { sel, waitLoaded } from './lib/pages.mjs';
import { assertListMatchesEmulator, seedPolicyFacts, assertSeedRow } from './lib/expect.mjs';
import { appRequests, policyListRequests } from './lib/processes.mjs';

describe('demo mode (sample tenant, no sign-in)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'demo',
    op: false,
    emulators: { main: { args: ['--page-size', '7'] } },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  it('shows the sample-tenant banner and no sign-in', async () =>
    (await harness()).run('demo-banner', async (h) => {
      await h.page.goto(`${h.site.origin}/`);
      const banner = h.page.locator(sel.demoBanner);
      await banner.waitFor({ state: 'visible' });
      assert.match(await banner.textContent(), /Sample tenant/);
      await waitLoaded(h.page);
      assert.equal(await h.page.locator(sel.signIn).count(), 0, 'no sign-in button in demo mode');
      assert.equal(await h.page.locator(sel.accountName).count(), 0, 'no account in demo mode');
    }));

  it('lists every policy of the emulator, following its pages', async () =>
    (await harness()).run('demo-list', async (h) => {
      const emu = h.emu.main;
      await emu.clearRequests();
      await h.page.goto(`${h.site.origin}/`);
      const { expected, pages } = await assertListMatchesEmulator(h.page, emu);
      assert.ok(pages >= 2, `the emulator really paged (${expected.length} policies in ${pages} pages)`);
      const appLists = policyListRequests(appRequests(await emu.requests()));
      assert.ok(appLists.length >= pages, `the app followed @odata.nextLink: ${appLists.length} list requests for ${pages} pages`);
      await h.graphSettled();
      const failed = h.graph.filter((g) => g.failed || (g.status ?? 0) >= 400);
      assert.deepEqual(failed.map((g) => `${g.method} ${g.url} ${g.status ?? g.failed}`), [], 'no failed Graph calls');
      assert.deepEqual(h.graph.filter((g) => g.authorization).map((g) => g.url), [], 'demo mode sends no Authorization header');
    }));

  it('shows [data-testid=loading] while the list is on its way', async () =>
    (await harness()).run('demo-loading', async (h) => {
      // hold the app's first list request until the loading state has been seen
      let release;
      const gate = new Promise((r) => (release = r));
      const listUrl = (u) => u.href.startsWith(`${h.emu.main.graphBaseUrl}/identityGovernance/entitlementManagement/assignmentPolicies`);
      await h.page.route(listUrl, async (route) => {
        await gate;
        await route.continue();
      });
      try {
        await h.page.goto(`${h.site.origin}/`, { waitUntil: 'commit' });
        await h.page.locator(sel.loading).first().waitFor({ state: 'visible' });
        assert.equal(await h.page.locator(`${sel.table} ${sel.row}`).count(), 0, 'no rows while loading');
      } finally {
        release();
      }
      await h.page.locator(sel.table).waitFor({ state: 'visible' });
      await waitLoaded(h.page);
      await h.page.unroute(listUrl);
    }));

  it('shows the seed policy with its access package and who can request, in plain words', async () =>
    (await harness()).run('demo-seed-row', async (h) => {
      const emu = h.emu.main;
      if (!(await h.page.locator(sel.table).count())) await h.page.goto(`${h.site.origin}/`);
      const { expected } = await assertListMatchesEmulator(h.page, emu);
      const seed = await seedPolicyFacts(emu, expected);
      await assertSeedRow(h.page, seed);
    }));
});

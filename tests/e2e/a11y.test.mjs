// axe-core (npm, lib/axe.mjs) on the app's pages: the policy list (demo mode, loaded; also its notice and error
// states), the setup page and the sign-in page. The detail page and the create form have theirs in detail.test.mjs,
// create.test.mjs and create-choices.test.mjs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, useHarness, demoConfig, msalConfig } from './lib/harness.mjs';
import { sel, waitListComplete } from './lib/pages.mjs';
import { assertNoSeriousViolations } from './lib/axe.mjs';

describe('accessibility (axe-core)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'a11y',
    emulators: { main: { args: ['--page-size', '7'] } },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  it('policy list (demo mode, loaded)', async () =>
    (await harness()).run('a11y-list', async (h) => {
      h.site.setConfig(demoConfig({ emulator: h.emu.main }));
      await h.page.goto(`${h.site.origin}/`);
      await waitListComplete(h.page);
      await h.page.locator(sel.table).waitFor({ state: 'visible' });
      await assertNoSeriousViolations(h.page, 'list');
    }));

  it('policy list, filtered to no match', async () =>
    (await harness()).run('a11y-list-no-match', async (h) => {
      h.site.setConfig(demoConfig({ emulator: h.emu.main }));
      await h.page.goto(`${h.site.origin}/?q=zzz-no-such-policy`);
      await waitListComplete(h.page);
      await h.page.locator(sel.noMatches).waitFor({ state: 'visible' });
      await assertNoSeriousViolations(h.page, 'list (no match)');
    }));

  it('policy list: retry notice, role notice and error states', async () =>
    (await harness()).run('a11y-list-states', async (h) => {
      const emu = h.emu.main;
      h.site.setConfig(demoConfig({ emulator: emu }));
      try {
        // throttled while paging: the retry notice
        await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' }, count: 1, fault: { kind: 'throttle', retryAfterSeconds: 3 } });
        await h.page.goto(`${h.site.origin}/`);
        await h.page.locator(sel.retryNotice).waitFor({ state: 'visible' });
        await assertNoSeriousViolations(h.page, 'list (retry notice, loading)');
        await emu.clearFaults();
        // 403 tenant-wide: the per-package fallback and its notice
        await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies' }, fault: { kind: 'forbidden' } });
        await h.page.goto(`${h.site.origin}/`);
        await h.page.locator(sel.roleNotice).waitFor({ state: 'visible' });
        await waitListComplete(h.page);
        await assertNoSeriousViolations(h.page, 'list (role notice)');
        await emu.clearFaults();
        // 403 everywhere: the error panel
        await emu.addFault({ match: { method: 'GET', pathContains: 'entitlementManagement' }, fault: { kind: 'forbidden' } });
        await h.page.goto(`${h.site.origin}/`);
        await h.page.locator(sel.graphError).waitFor({ state: 'visible' });
        await assertNoSeriousViolations(h.page, 'list (error)');
      } finally {
        await emu.clearFaults();
      }
    }));

  it('setup page (no config.json)', async () =>
    (await harness()).run('a11y-setup', async (h) => {
      h.site.setConfig(null);
      await h.page.goto(`${h.site.origin}/`);
      await h.page.locator(sel.setupPage).waitFor({ state: 'visible' });
      await assertNoSeriousViolations(h.page, 'setup (no config.json)');
    }));

  it('setup page (a field to fix)', async () =>
    (await harness()).run('a11y-setup-field', async (h) => {
      const config = msalConfig({ site: h.site, op: h.op, emulator: h.emu.main });
      delete config.clientId;
      h.site.setConfig(config);
      await h.page.goto(`${h.site.origin}/`);
      await h.page.locator(sel.setupProblem('clientId')).waitFor({ state: 'visible' });
      await assertNoSeriousViolations(h.page, 'setup (clientId missing)');
    }));

  it('sign-in page (MSAL mode, signed out)', async () =>
    (await harness()).run('a11y-sign-in', async (h) => {
      h.site.setConfig(msalConfig({ site: h.site, op: h.op, emulator: h.emu.main }));
      await h.page.goto(`${h.site.origin}/`);
      await h.page.locator(sel.signIn).waitFor({ state: 'visible' });
      await assertNoSeriousViolations(h.page, 'sign-in');
    }));

  it('virtualized rows carry aria-rowindex, since the table declares aria-rowcount', async () => {
    const h = await harness();
    h.site.setConfig(demoConfig({ emulator: h.emu.main }));
    await h.page.goto(`${h.site.origin}/`);
    await waitListComplete(h.page);
    const rowcount = Number(await h.page.locator(sel.table).getAttribute('aria-rowcount'));
    const indexes = await h.page.locator(`${sel.table} ${sel.row}`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-rowindex')));
    assert.ok(rowcount > 1);
    assert.ok(indexes.every((i) => Number(i) >= 2 && Number(i) <= rowcount), `aria-rowindex on every row: ${JSON.stringify(indexes.slice(0, 5))}`);
  });
});

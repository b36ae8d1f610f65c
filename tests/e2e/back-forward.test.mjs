// Back to the list is instant: the browser's back/forward cache restores it as it was left (filters typed, rows
// loaded), with no Graph request. Once a policy was created in between, the restored list loads again and shows
// it. Needs the pages served without `Cache-Control: no-store` (scripts/serve-site.mjs, README "Deploy").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, demoConfig, msalConfig } from './lib/harness.mjs';
import { GRAPH_LIST_POLICIES, appRequests } from './lib/processes.mjs';
import { sel, completeOpLogin } from './lib/pages.mjs';

const isListGet = (e) => String(e.method).toUpperCase() === 'GET' && String(e.path).endsWith(GRAPH_LIST_POLICIES);

describe('Back to the list (demo mode)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'back-forward',
    op: false,
    emulators: { main: {} },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  async function openList(h) {
    const total = (await h.emu.main.tenant()).assignmentPolicies.length;
    await h.page.goto(`${h.site.origin}/`);
    await h.page.locator('[data-testid=policy-count]').filter({ hasText: `${total} policies` }).waitFor({ timeout: TIMEOUT });
    return total;
  }

  it('comes back from a policy\'s page as it was left, without asking Graph again', async () =>
    (await harness()).run('back-instant', async (h) => {
      const page = h.page;
      await openList(h);
      const search = page.locator('[data-testid=search]');
      await search.fill('partner');
      await page.waitForFunction(() => location.search.includes('partner'));
      await h.emu.main.clearRequests();
      await page.evaluate(() => { window.__leftHere = true; });
      await page.locator('[data-testid=policy-link]').first().click();
      await page.locator('[data-testid=detail-page] h1').waitFor({ timeout: TIMEOUT });
      await page.locator('[data-testid=back-to-policies]').click();
      await page.waitForFunction(() => window.__leftHere === true, null, { timeout: TIMEOUT });
      assert.equal(await search.inputValue(), 'partner', 'the search typed is still there');
      const lists = appRequests(await h.emu.main.requests()).filter(isListGet);
      assert.deepEqual(lists, [], 'the list was restored, not loaded again');
    }));

  it('after a policy was created, the restored list loads again and shows it', async () =>
    (await harness()).run('back-after-create', async (h) => {
      const page = h.page;
      const total = await openList(h);
      await page.evaluate(() => { window.__leftHere = true; });
      await page.locator('a', { hasText: 'New policy' }).first().click();
      await page.locator('[data-testid=create-page]').waitFor({ timeout: TIMEOUT });
      await page.locator('[data-testid=template-external-two-stage]').click();
      await page.locator('[data-testid=create-submit]').click();
      await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
      await page.locator('[data-testid=detail-page] h1').waitFor({ timeout: TIMEOUT });
      await page.goBack({ waitUntil: 'commit' });
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForURL(`${h.site.origin}/`, { timeout: TIMEOUT });
      await page.locator('[data-testid=policy-count]').filter({ hasText: `${total + 1} policies` }).waitFor({ timeout: TIMEOUT });
      assert.equal(await page.evaluate(() => window.__leftHere === true), false, 'the list was loaded again');
      // Loaded again by the app's own reload of the restored page (a list the cache had not kept would be a
      // back_forward navigation, and prove nothing).
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].type), 'reload', 'the restored list reloaded itself');
    }));
});

// Admins are signed in, so msal-browser is on the list page: what it leaves open (its cache, listeners) must not
// keep the browser from restoring the list. Chromium says why when it does not (notRestoredReasons).
describe('Back to the list (signed in)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'back-forward-signed-in',
    emulators: { main: { issuer: true } },
    config: (h) => msalConfig({ site: h.site, op: h.op, emulator: h.emu.main }),
  });

  it('comes back from a policy\'s page as it was left, msal-browser loaded', async () =>
    (await harness()).run('back-instant-signed-in', async (h) => {
      const { page } = h;
      await page.goto(`${h.site.origin}/`);
      await page.locator(sel.signIn).click();
      await completeOpLogin(page, h.op.issuer, 'megan.bowen');
      await page.waitForURL((u) => u.origin === h.site.origin, { timeout: TIMEOUT });
      await page.locator(sel.accountName).waitFor({ state: 'visible' });
      const total = (await h.emu.main.tenant()).assignmentPolicies.length;
      await page.locator('[data-testid=policy-count]').filter({ hasText: `${total} policies` }).waitFor({ timeout: TIMEOUT });
      await h.emu.main.clearRequests();
      await page.evaluate(() => { window.__leftHere = true; });
      await page.locator('[data-testid=policy-link]').first().click();
      await page.locator('[data-testid=detail-page] h1').waitFor({ timeout: TIMEOUT });
      await page.locator('[data-testid=back-to-policies]').click();
      await page.locator('[data-testid=policy-count]').filter({ hasText: `${total} policies` }).waitFor({ timeout: TIMEOUT });
      const restored = await page.evaluate(() => window.__leftHere === true);
      const why = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0]?.notRestoredReasons ?? null));
      assert.equal(restored, true, `the list came back from the back/forward cache; the browser's reasons why not: ${why}`);
      const lists = appRequests(await h.emu.main.requests()).filter(isListGet);
      assert.deepEqual(lists, [], 'the list was restored, not loaded again');
    }));
});

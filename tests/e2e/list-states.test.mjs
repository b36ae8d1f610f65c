// The list page's states in demo mode (sample tenant, --page-size 5: 21 policies in 5 pages): progress while pages
// arrive, a 429 with Retry-After and a dropped connection in the middle of paging (the list waits, says so, and
// completes), a 403 on the tenant-wide list (the per-access-package fallback and its notice), a 403 on both lists (the
// roles and permission named), and the empty tenant. Faults come from the emulator (POST /_emulator/faults), so its
// request log shows what the app really sent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, useHarness, demoConfig } from './lib/harness.mjs';
import { sel, countText, readPolicyTable, waitListComplete } from './lib/pages.mjs';
import { assertListMatchesEmulator } from './lib/expect.mjs';
import { GRAPH_LIST_POLICIES, appRequests, policyListRequests } from './lib/processes.mjs';

const PAGE_SIZE = 5;
const ACCESS_PACKAGES_PATH = /^(\/v1\.0)?\/identityGovernance\/entitlementManagement\/accessPackages\/?$/i;
const names = (items) => items.map((p) => String(p.displayName).trim().replace(/\s+/g, ' ')).sort();

describe('policy list states (demo mode)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'list-states',
    op: false,
    emulators: {
      main: { args: ['--page-size', String(PAGE_SIZE)] },
      // emptied by the empty-tenant test (every policy DELETEd)
      empty: { args: [] },
    },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  /** Fresh start for a test: no faults, empty request log, the main emulator in config.json. */
  async function fresh(h) {
    const emu = h.emu.main;
    await emu.clearFaults();
    await emu.clearRequests();
    h.site.setConfig(demoConfig({ emulator: emu }));
    return emu;
  }

  it('shows the policies loaded so far, and that more are coming, while pages arrive', async () =>
    (await harness()).run('list-progress', async (h) => {
      const emu = await fresh(h);
      const { items } = await emu.listAll(GRAPH_LIST_POLICIES);
      // hold the 3rd page (2nd $skiptoken request) for a while
      await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' }, count: 1, fault: { kind: 'delay', milliseconds: 100 } });
      await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' }, count: 1, fault: { kind: 'delay', milliseconds: 3000 } });
      await h.page.goto(`${h.site.origin}/`);
      await h.page.waitForFunction((s) => /^10 policies loaded, more coming/.test(document.querySelector(s)?.textContent.trim() ?? ''), sel.count);
      assert.ok(await h.page.locator(sel.loading).first().isVisible(), '[data-testid=loading] stays while more pages are coming');
      assert.equal(await h.page.locator(`${sel.table} ${sel.row}`).count(), 2 * PAGE_SIZE, 'the rows of the first two pages are already shown');
      assert.equal(await countText(h.page), '10 policies loaded, more coming…');
      assert.equal(await waitListComplete(h.page), `${items.length} policies`);
    }));

  it('waits out a 429 with Retry-After on the 2nd page, says so, then completes', async () =>
    (await harness()).run('list-429', async (h) => {
      const emu = await fresh(h);
      const { items, pages } = await emu.listAll(GRAPH_LIST_POLICIES);
      assert.ok(pages >= 3, `the sample tenant spans several pages (${pages})`);
      await emu.clearRequests();
      await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' }, count: 1, fault: { kind: 'throttle', retryAfterSeconds: 2 } });
      const started = Date.now();
      await h.page.goto(`${h.site.origin}/`);
      const notice = h.page.locator(sel.retryNotice);
      await notice.waitFor({ state: 'visible' });
      const text = (await notice.textContent()).replace(/\s+/g, ' ').trim();
      console.log(`# retry-notice: "${text}"`);
      assert.match(text, /throttl/i, 'the notice says Graph is throttling');
      assert.match(text, /\b2 s\b|\b2 seconds?\b/, 'the notice says how long it waits (Retry-After: 2)');
      assert.match(text, /again/i, 'the notice says it will try again');
      assert.match(await countText(h.page), /^5 policies loaded, more coming/, 'page 1 is shown while it waits');
      assert.equal(await h.page.locator(sel.graphError).count(), 0, 'no error while waiting');

      assert.equal(await waitListComplete(h.page), `${items.length} policies`);
      assert.ok(Date.now() - started >= 2000, 'the list completed only after the Retry-After wait');
      assert.equal(await h.page.locator(sel.retryNotice).count(), 0, 'the notice is gone once the retry succeeded');
      assert.equal(await h.page.locator(sel.graphError).count(), 0, 'no error');
      await assertListMatchesEmulator(h.page, emu);

      const lists = policyListRequests(appRequests(await emu.requests()));
      const throttled = lists.filter((e) => e.status === 429);
      assert.equal(throttled.length, 1, `one throttled request: ${JSON.stringify(lists.map((e) => [e.query, e.status]))}`);
      assert.match(throttled[0].query, /skiptoken/i, 'the throttled request was a later page');
      const retried = lists.filter((e) => e.query === throttled[0].query && e.status === 200);
      assert.equal(retried.length, 1, 'the same page was requested again and served');
      const waited = Date.parse(retried[0].timestamp) - Date.parse(throttled[0].timestamp);
      assert.ok(waited >= 1900, `the retry came ${waited} ms after the 429 (Retry-After: 2)`);
      assert.equal(lists.filter((e) => e.status === 200).length, pages, 'each page served once: no page skipped or repeated');
      assert.equal(lists.length, pages + 1, 'one extra request: the retry');
    }));

  it('retries a dropped connection in the middle of paging, says so, then completes', async () =>
    (await harness()).run('list-drop', async (h) => {
      const emu = await fresh(h);
      const { items, pages } = await emu.listAll(GRAPH_LIST_POLICIES);
      await emu.clearRequests();
      // count 2: Chromium itself silently resends a GET whose reused keep-alive connection closes without an answer,
      // so the first drop may never reach the app; the second always does (and the app may try 3 times)
      await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' }, count: 2, fault: { kind: 'drop' } });
      await h.page.goto(`${h.site.origin}/`);
      const notice = h.page.locator(sel.retryNotice);
      await notice.waitFor({ state: 'visible' });
      const text = (await notice.textContent()).replace(/\s+/g, ' ').trim();
      console.log(`# retry-notice: "${text}"`);
      assert.match(text, /connection/i);
      assert.equal(await waitListComplete(h.page), `${items.length} policies`);
      assert.equal(await h.page.locator(sel.retryNotice).count(), 0);
      await assertListMatchesEmulator(h.page, emu);
      const served = policyListRequests(appRequests(await emu.requests())).filter((e) => e.status === 200);
      assert.equal(served.length, pages, 'every page served once');
    }));

  it('falls back to accessPackages?$expand=assignmentPolicies on a 403 and says why', async () =>
    (await harness()).run('list-403-fallback', async (h) => {
      const emu = await fresh(h);
      const { items } = await emu.listAll(GRAPH_LIST_POLICIES);
      const tenant = await emu.tenant();
      // 403 for the tenant-wide list only (the accessPackages path does not contain "assignmentPolicies")
      await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies' }, fault: { kind: 'forbidden' } });
      try {
        await h.page.goto(`${h.site.origin}/`);
        const notice = h.page.locator(sel.roleNotice);
        await notice.waitFor({ state: 'visible' });
        const text = (await notice.textContent()).replace(/\s+/g, ' ').trim();
        console.log(`# role-notice: "${text}"`);
        assert.match(text, /catalog owner|access package manager/i, 'the notice names the roles this view is for');
        assert.equal(await waitListComplete(h.page), `${items.length} policies`);
        assert.equal(await h.page.locator(sel.graphError).count(), 0, 'no error panel');
        const table = await readPolicyTable(h.page);
        assert.deepEqual(table.rows.map((r) => r.name).sort(), names(items), 'every policy, from the access packages');
        // the rows keep their package and catalog names, taken from the package the policy was expanded under
        const pkgName = Object.fromEntries(tenant.accessPackages.map((a) => [a.id, a.displayName]));
        const byName = Object.fromEntries(tenant.assignmentPolicies.map((p) => [p.displayName, pkgName[p.accessPackage?.id]]));
        for (const r of table.rows) assert.equal(r.package, byName[r.name], `package of "${r.name}"`);
        const catalogs = await h.page.locator(`${sel.table} ${sel.row} [data-col=catalog]`).allTextContents();
        assert.ok(catalogs.every((c) => c.trim().length > 0), `every row has a catalog: ${JSON.stringify(catalogs)}`);

        const log = appRequests(await emu.requests());
        const denied = policyListRequests(log);
        assert.deepEqual(denied.map((e) => e.status), [403], 'the tenant-wide list was asked once and answered 403');
        const fallback = log.filter((e) => e.method === 'GET' && ACCESS_PACKAGES_PATH.test(e.path));
        assert.ok(fallback.length >= 1 && fallback.every((e) => e.status === 200), `accessPackages pages served: ${JSON.stringify(fallback.map((e) => [e.query, e.status]))}`);
        const expand = new URLSearchParams(fallback[0].query).get('$expand') ?? '';
        assert.match(expand, /assignmentPolicies/, `$expand=${expand}`);
        assert.match(expand, /catalog/, `$expand=${expand}`);
      } finally {
        await emu.clearFaults();
      }
    }));

  it('names the missing role and permission when both lists answer 403', async () =>
    (await harness()).run('list-403-both', async (h) => {
      const emu = await fresh(h);
      await emu.addFault({ match: { method: 'GET', pathContains: 'entitlementManagement' }, fault: { kind: 'forbidden' } });
      try {
        await h.page.goto(`${h.site.origin}/`);
        const panel = h.page.locator(sel.graphError);
        await panel.waitFor({ state: 'visible' });
        const text = (await panel.textContent()).replace(/\s+/g, ' ').trim();
        console.log(`# graph-error: "${text}"`);
        assert.equal((await h.page.locator(sel.errorCode).textContent()).trim(), 'UnAuthorized', 'Graph’s error code');
        assert.match(text, /Identity Governance Administrator/);
        assert.match(text, /Catalog owner/i);
        assert.match(text, /Access package manager/i);
        assert.match(text, /EntitlementManagement\.Read\.All/);
        assert.ok((await h.page.locator(sel.errorRequestId).textContent()).trim().length > 0, 'the request-id is shown');
        assert.equal(await h.page.locator(sel.roleNotice).count(), 0, 'no role notice');
        assert.equal(await h.page.locator(sel.table).count(), 0, 'no table');
        assert.equal(await h.page.locator(sel.empty).count(), 0, 'not shown as an empty tenant');
        assert.equal(await countText(h.page), '', 'no "0 policies" above the error');
        await h.page.waitForFunction((s) => !document.querySelector(s), sel.loading);
        const log = appRequests(await emu.requests());
        assert.equal(policyListRequests(log).length, 1, 'the tenant-wide list was asked once');
        assert.ok(log.some((e) => ACCESS_PACKAGES_PATH.test(e.path) && e.status === 403), 'the fallback was tried');
      } finally {
        await emu.clearFaults();
      }
    }));

  it('shows the empty state for a tenant without policies', async () =>
    (await harness()).run('list-empty', async (h) => {
      const emu = h.emu.empty;
      const { items } = await emu.listAll(GRAPH_LIST_POLICIES);
      for (const p of items) {
        const r = await emu.fetchJson(`${emu.graphBaseUrl}${GRAPH_LIST_POLICIES}/${p.id}`, { method: 'DELETE' });
        assert.equal(r.status, 204, `DELETE policy ${p.id}`);
      }
      const after = await emu.fetchJson(`${emu.graphBaseUrl}${GRAPH_LIST_POLICIES}`);
      assert.deepEqual(after.body.value, [], 'precondition: the emulator lists no policy');
      h.site.setConfig(demoConfig({ emulator: emu }));
      try {
        await h.page.goto(`${h.site.origin}/`);
        const empty = h.page.locator(sel.empty);
        await empty.waitFor({ state: 'visible' });
        console.log(`# empty: "${(await empty.textContent()).trim()}"`);
        assert.match(await empty.textContent(), /no access package assignment policies/i);
        assert.equal(await waitListComplete(h.page, { total: 0 }), '0 policies');
        assert.equal(await h.page.locator(sel.table).count(), 0, 'no table');
        assert.equal(await h.page.locator(sel.search).count(), 0, 'no search box over nothing');
        assert.equal(await h.page.locator(sel.graphError).count(), 0, 'no error');
      } finally {
        h.site.setConfig(demoConfig({ emulator: h.emu.main }));
      }
    }));

  // Regression tests for app bugs found while writing this suite.
  it('a 403 on a later page of the tenant-wide list does not list page 1 twice', async () => {
    // Only a 403 on the first page means "this role cannot list tenant-wide" (then the per-package
    // fallback runs); a 403 after page 1 succeeded is shown as an error over the incomplete list.
    const h = await harness();
    const emu = await fresh(h);
    await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' }, count: 1, fault: { kind: 'forbidden' } });
    try {
      await h.page.goto(`${h.site.origin}/`);
      await h.page.locator(sel.graphError).waitFor({ state: 'visible' });
      const ids = await h.page.locator(`${sel.table} ${sel.row}`).evaluateAll((els) => els.map((e) => e.dataset.policyId));
      assert.equal(ids.length, PAGE_SIZE, 'page 1 stays visible');
      assert.equal(new Set(ids).size, ids.length, `no duplicate rows (${ids.length} rendered, ${new Set(ids).size} distinct)`);
      assert.match(await countText(h.page), /incomplete/);
      assert.equal(await h.page.locator(sel.roleNotice).count(), 0, 'no per-package fallback after page 1');
      const fallback = (await emu.requests()).filter((r) => r.path.includes('/accessPackages'));
      assert.equal(fallback.length, 0, 'accessPackages was not requested');
    } finally {
      await emu.clearFaults();
    }
  });

  it('after a failure in the middle of paging, the count does not read like a complete list', async () => {
    const h = await harness();
    const emu = await fresh(h);
    // demo mode sends no token, so a 401 is not retried: the list stops after page 1
    await emu.addFault({ match: { method: 'GET', pathContains: 'assignmentPolicies', queryContains: 'skiptoken' }, count: 1, fault: { kind: 'unauthorized' } });
    try {
      await h.page.goto(`${h.site.origin}/`);
      await h.page.locator(sel.graphError).waitFor({ state: 'visible' });
      assert.equal(await h.page.locator(`${sel.table} ${sel.row}`).count(), PAGE_SIZE, 'page 1 stays visible');
      assert.notEqual(await countText(h.page), `${PAGE_SIZE} policies`, 'the count must say the list is incomplete');
    } finally {
      await emu.clearFaults();
    }
  });
});

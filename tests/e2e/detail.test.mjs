// The policy detail page (/policies/:id) in demo mode: the seed policy's summary and names, the raw JSON, how few
// Graph requests it takes (and that names are cached), a deleted approver, not found, copy, back, and axe-core.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, demoConfig } from './lib/harness.mjs';
import { assertNoSeriousViolations } from './lib/axe.mjs';
import { GRAPH_LIST_POLICIES, appRequests } from './lib/processes.mjs';


const ALEX_WILBER = '7deff43e-1f17-44ef-9e5f-d516b0ba11d4';
const MEGAN_BOWEN = '46184453-e63b-4f20-86c2-c557ed5d5df9';
const SALES = '1623f912-5e86-41c2-af47-39dd67582b66';
const DETAIL_EXPAND = 'accessPackage($expand=catalog),questions,customExtensionStageSettings($expand=customExtension)';

const dsel = {
  page: '[data-testid=detail-page]',
  summary: '[data-testid=detail-summary]',
  raw: '[data-testid=detail-raw-json]',
  copy: '[data-testid=copy-json]',
  principal: '[data-testid=principal]',
  notFound: '[data-testid=detail-not-found]',
  back: '[data-testid=back-to-policies]',
};

/** Open a policy's page and wait until its names are resolved (the summary is no longer busy). */
async function openDetail(h, id, { path } = {}) {
  await h.page.goto(`${h.site.origin}${path ?? `/policies/${encodeURIComponent(id)}`}`);
  await waitNamesSettled(h.page);
}

async function waitNamesSettled(page) {
  await page.locator(dsel.summary).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-busy') === 'false', dsel.summary, { timeout: TIMEOUT });
}

/** Client-side navigation, as a link inside the app does it (pushState + popstate, which leptos_router follows). */
async function navigateInApp(page, path) {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

const text = async (loc) => (await loc.textContent()).replace(/\s+/g, ' ').trim();
const isGetByIds = (e) => String(e.method).toUpperCase() === 'POST' && /\/directoryObjects\/getByIds$/.test(String(e.path));
const perPrincipal = (e) => /\/(users|groups|servicePrincipals|directoryObjects)\/[^/?]+$/i.test(String(e.path)) && !isGetByIds(e);

describe('policy detail (demo mode)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'detail',
    op: false,
    emulators: { main: {} },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  it('summarizes the seed policy, names every approver and reviewer, in two Graph requests', async () =>
    (await harness()).run('detail-seed', async (h) => {
      const emu = h.emu.main;
      const tenant = await emu.tenant();
      const seedId = tenant.seedPolicyId;
      assert.ok(seedId, 'the emulator names its seed policy');
      const stored = tenant.assignmentPolicies.find((p) => p.id === seedId);
      const pkg = tenant.accessPackages.find((a) => a.id === stored.accessPackage.id);
      await emu.clearRequests();
      await openDetail(h, seedId);

      assert.equal(await text(h.page.locator('h1')), stored.displayName, 'the heading is the policy name');
      assert.equal(await text(h.page.locator('[data-testid=detail-package]')), pkg.displayName, 'the access package is named');

      const summary = await text(h.page.locator(dsel.summary));
      for (const needle of ['Alex Wilber', 'Megan Bowen', 'Sales', '14 days', 'connected organization', "the requestor's internal sponsor"]) {
        assert.ok(summary.includes(needle), `summary mentions "${needle}": ${summary}`);
      }
      assert.match(summary, /Two approval stages: 1\) the requestor's internal sponsor, or if none, Alex Wilber or members of Sales; denied automatically after 14 days/);
      assert.doesNotMatch(summary, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no raw ids in the summary');

      // every approver, reviewer and target with an id is shown by name, with its kind
      const principals = await h.page.locator(`${dsel.principal}[data-principal-id]`).evaluateAll((els) =>
        els.map((el) => ({ id: el.dataset.principalId, deleted: el.dataset.deleted === 'true', text: el.textContent.replace(/\s+/g, ' ').trim() })),
      );
      const want = { [ALEX_WILBER]: 'Alex Wilber', [MEGAN_BOWEN]: 'Megan Bowen', [SALES]: 'Sales' };
      assert.deepEqual([...new Set(principals.map((p) => p.id))].sort(), Object.keys(want).sort(), 'the principals the seed names');
      assert.equal(principals.length, 5, 'two fallback approvers in each stage, one reviewer group');
      for (const p of principals) {
        assert.equal(p.deleted, false, `${p.id} is not flagged deleted`);
        assert.ok(p.text.includes(want[p.id]), `principal ${p.id} shows "${want[p.id]}": "${p.text}"`);
        assert.ok(!p.text.includes(p.id), `principal ${p.id} shows a name, not its id: "${p.text}"`);
      }
      const sponsor = await text(h.page.locator(`${dsel.principal}:not([data-principal-id])`).first());
      assert.match(sponsor, /internal sponsor/i, 'the primary approver of stage 1 is described');

      // the raw JSON is Graph's answer, unchanged
      const raw = JSON.parse(await h.page.locator(dsel.raw).textContent());
      const direct = await emu.fetchJson(`${emu.graphBaseUrl}${GRAPH_LIST_POLICIES}/${seedId}?$expand=${DETAIL_EXPAND}`);
      assert.equal(direct.status, 200);
      assert.deepEqual(raw, direct.body, 'the raw JSON equals the emulator policy');
      assert.equal(raw.id, seedId);

      // few requests, and none per principal
      const log = appRequests(await emu.requests());
      const summaryOfLog = log.map((e) => `${e.method} ${e.path}${e.query ? `?${e.query}` : ''} -> ${e.status}`);
      console.log(`# detail page Graph requests (${log.length}):\n#   ${summaryOfLog.join('\n#   ')}`);
      assert.ok(log.length <= 4, `at most 4 Graph requests, got ${log.length}: ${JSON.stringify(summaryOfLog)}`);
      assert.equal(log.filter(isGetByIds).length, 1, 'names come from one getByIds');
      assert.deepEqual(log.filter(perPrincipal).map((e) => e.path), [], 'no request per principal');
      const byIds = log.find(isGetByIds);
      assert.deepEqual([...byIds.body.ids].sort(), Object.keys(want).sort(), 'getByIds asks for each id once');
      assert.ok(log.every((e) => e.status < 400), `no failed requests: ${JSON.stringify(summaryOfLog)}`);
    }));

  it('keeps names for the session: coming back to a policy asks Graph for nothing but the policy', async () =>
    (await harness()).run('detail-cache', async (h) => {
      const emu = h.emu.main;
      const tenant = await emu.tenant();
      const seedId = tenant.seedPolicyId;
      const other = tenant.assignmentPolicies.find((p) => p.id !== seedId && JSON.stringify(p).includes('"userId"'));
      assert.ok(other, 'another policy that names a user');
      await openDetail(h, seedId);
      await emu.clearRequests();
      await navigateInApp(h.page, `/policies/${other.id}`);
      await h.page.waitForFunction((name) => document.querySelector('h1')?.textContent.trim() === name, other.displayName, { timeout: TIMEOUT });
      await waitNamesSettled(h.page);
      await h.page.goBack();
      await h.page.waitForFunction((id) => location.pathname.endsWith(id), seedId);
      await waitNamesSettled(h.page);
      assert.match(await text(h.page.locator(dsel.summary)), /Alex Wilber/);
      const log = appRequests(await emu.requests());
      const seedCalls = log.filter((e) => String(e.path).endsWith(`/assignmentPolicies/${seedId}`));
      assert.equal(seedCalls.length, 1, 'the seed policy is read again');
      const idsAsked = log.filter(isGetByIds).flatMap((e) => e.body.ids);
      for (const id of [ALEX_WILBER, MEGAN_BOWEN, SALES]) {
        assert.ok(!idsAsked.includes(id), `${id} was not looked up again (asked: ${JSON.stringify(idsAsked)})`);
      }
    }));

  it('flags an approver that no longer exists instead of hiding it', async () =>
    (await harness()).run('detail-deleted', async (h) => {
      const emu = h.emu.main;
      const seedId = (await emu.tenant()).seedPolicyId;
      const ghost = '0badc0de-0000-4000-8000-00000000dead';
      // Graph still returns the id of a user deleted after the policy was written
      const matches = (u) => u.pathname.endsWith(`/assignmentPolicies/${seedId}`);
      await h.page.route(matches, async (route) => {
        const response = await route.fetch();
        const json = await response.json();
        json.requestApprovalSettings.stages[1].fallbackPrimaryApprovers.push({ '@odata.type': '#microsoft.graph.singleUser', userId: ghost });
        await route.fulfill({ response, json });
      });
      try {
        await openDetail(h, seedId);
        const flagged = h.page.locator(`${dsel.principal}[data-principal-id="${ghost}"]`);
        assert.equal(await flagged.getAttribute('data-deleted'), 'true');
        assert.match(await text(flagged), /Deleted or inaccessible user 0badc0de…/);
        assert.match(await text(h.page.locator(dsel.summary)), /deleted or inaccessible user 0badc0de…/);
        const alex = h.page.locator(`${dsel.principal}[data-principal-id="${ALEX_WILBER}"]`).first();
        assert.equal(await alex.getAttribute('data-deleted'), null, 'existing users are not flagged');
      } finally {
        await h.page.unroute(matches);
      }
    }));

  it('waits out a throttled name look-up, then names everyone', async () =>
    (await harness()).run('detail-throttled', async (h) => {
      const emu = h.emu.main;
      const seedId = (await emu.tenant()).seedPolicyId;
      await emu.addFault({ match: { method: 'POST', pathContains: 'getByIds' }, count: 1, fault: { kind: 'throttle', retryAfterSeconds: 1 } });
      try {
        await emu.clearRequests();
        await openDetail(h, seedId);
        assert.match(await text(h.page.locator(dsel.summary)), /Alex Wilber/);
        const byIds = appRequests(await emu.requests()).filter(isGetByIds);
        assert.deepEqual(byIds.map((e) => e.status), [429, 200], 'one 429, then the retry');
      } finally {
        await emu.clearFaults();
      }
    }));

  it('shows ids, not "deleted", when the directory cannot be read (403 on getByIds)', async () =>
    (await harness()).run('detail-names-forbidden', async (h) => {
      const seedId = (await h.emu.main.tenant()).seedPolicyId;
      const byIds = (u) => u.pathname.endsWith('/directoryObjects/getByIds');
      await h.page.route(byIds, (route) =>
        route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.', innerError: { 'request-id': 'r1', date: '2026-12-04T10:00:00' } } }),
        }),
      );
      try {
        await openDetail(h, seedId);
        const notice = await text(h.page.locator('[data-testid=names-notice]'));
        assert.match(notice, /Directory\.Read\.All/);
        assert.equal(await h.page.locator(`${dsel.principal}[data-deleted=true]`).count(), 0, 'nobody is called deleted');
        const alex = await text(h.page.locator(`${dsel.principal}[data-principal-id="${ALEX_WILBER}"]`).first());
        assert.ok(alex.includes(ALEX_WILBER), `the id is shown: "${alex}"`);
        assert.match(await text(h.page.locator(dsel.summary)), /user 7deff43e…/);
      } finally {
        await h.page.unroute(byIds);
      }
    }));

  it('reads the package separately when Graph will not combine the expands', async () =>
    (await harness()).run('detail-expand-fallback', async (h) => {
      const emu = h.emu.main;
      const tenant = await emu.tenant();
      const seedId = tenant.seedPolicyId;
      const pkg = tenant.accessPackages.find((a) => a.id === tenant.assignmentPolicies.find((p) => p.id === seedId).accessPackage.id);
      const combined = (u) => u.pathname.endsWith(`/assignmentPolicies/${seedId}`) && /questions/.test(u.search) && /accessPackage/.test(u.search);
      await h.page.route(combined, (route) =>
        route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'BadRequest', message: 'Expand is not supported for this combination.', innerError: { 'request-id': 'r2', date: '2026-12-04T10:00:00' } } }),
        }),
      );
      try {
        await emu.clearRequests();
        await openDetail(h, seedId);
        assert.equal(await text(h.page.locator('[data-testid=detail-package]')), pkg.displayName);
        assert.match(await text(h.page.locator(dsel.summary)), /Alex Wilber/);
        const raw = JSON.parse(await h.page.locator(dsel.raw).textContent());
        assert.equal(raw.accessPackage.displayName, pkg.displayName, 'the raw JSON carries the package too');
        assert.ok(Array.isArray(raw.questions), 'questions were expanded');
        const log = appRequests(await emu.requests());
        assert.ok(log.length <= 4, `at most 4 requests reached Graph: ${log.map((e) => `${e.method} ${e.path}?${e.query ?? ''}`)}`);
      } finally {
        await h.page.unroute(combined);
      }
    }));

  it('says when a policy does not exist', async () =>
    (await harness()).run('detail-not-found', async (h) => {
      await h.page.goto(`${h.site.origin}/policies/00000000-0000-4000-8000-000000000000`);
      await h.page.locator(dsel.notFound).waitFor({ state: 'visible' });
      assert.match(await text(h.page.locator('h1')), /not found/i);
      assert.equal(await h.page.locator('[data-testid=graph-error]').count(), 0);
    }));

  it('copies the raw JSON', async () =>
    (await harness()).run('detail-copy', async (h) => {
      const seedId = (await h.emu.main.tenant()).seedPolicyId;
      await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.site.origin });
      await openDetail(h, seedId);
      const button = h.page.locator(dsel.copy);
      assert.equal(await text(button), 'Copy JSON');
      await button.focus();
      await h.page.keyboard.press('Enter');
      await h.page.locator('#copy-status', { hasText: 'Copied' }).waitFor({ state: 'visible' });
      const copied = await h.page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await h.page.locator(dsel.raw).textContent(), 'the clipboard holds the JSON shown');
    }));

  it('goes back to the list with its filters', async () =>
    (await harness()).run('detail-back', async (h) => {
      const seedId = (await h.emu.main.tenant()).seedPolicyId;
      await h.page.goto(`${h.site.origin}/?q=external`);
      await h.page.locator('[data-testid=policy-count]').waitFor({ state: 'visible' });
      const listUrl = h.page.url();
      // each page is its own bundle: the row's link is a full navigation to the detail page
      await h.page.locator(`[data-policy-id="${seedId}"] [data-testid=policy-link]`).click();
      await h.page.waitForURL((u) => u.pathname.endsWith(`/policies/${seedId}`));
      await waitNamesSettled(h.page);
      await h.page.locator(dsel.back).click();
      await h.page.waitForURL((u) => !u.pathname.includes('/policies/'), { waitUntil: 'commit' });
      assert.equal(h.page.url(), listUrl, 'back where the list was, query string included');
      // opened directly (no list before it), the link is a plain link to the list
      await openDetail(h, seedId);
      assert.equal(await h.page.locator(dsel.back).getAttribute('href'), './');
    }));

  it('has no serious or critical axe-core violations', async () =>
    (await harness()).run('detail-axe', async (h) => {
      const seedId = (await h.emu.main.tenant()).seedPolicyId;
      await openDetail(h, seedId);
      await assertNoSeriousViolations(h.page, 'policy detail');
      const headings = await h.page.locator('main h1, main h2, main h3').evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
      assert.equal(headings[0], 1, 'the page starts with its h1');
      for (let i = 1; i < headings.length; i++) assert.ok(headings[i] <= headings[i - 1] + 1, `heading levels do not skip: ${headings}`);
    }));
});

// Creating a policy (/policies/new) in demo mode against the emulator: the seed through its template and
// through Import JSON (exactly one POST, body JSON-equal to shared/graph/seed-request.json, the new policy opens),
// a connection dropped after the POST was applied (the app looks, finds it, never POSTs twice), and a 403 that
// keeps the form as typed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, demoConfig } from './lib/harness.mjs';
import { assertNoSeriousViolations } from './lib/axe.mjs';
import { SEED, isCreatePost, field, picker, previewBody, openForm } from './lib/create-form.mjs';
import { REPO_ROOT, GRAPH_LIST_POLICIES, appRequests, headerOf } from './lib/processes.mjs';

const ALEX_WILBER = '7deff43e-1f17-44ef-9e5f-d516b0ba11d4';
const MEGAN_BOWEN = '46184453-e63b-4f20-86c2-c557ed5d5df9';
const SALES = '1623f912-5e86-41c2-af47-39dd67582b66';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const csel = {
  submit: '[data-testid=create-submit]',
  status: '[data-testid=submit-status]',
  template: (key) => `[data-testid=template-${key}]`,
  importOpen: '[data-testid=import-open]',
  importText: '[data-testid=import-text]',
  importApply: '[data-testid=import-apply]',
  detail: '[data-testid=detail-page]',
};

async function seedNamedPolicies(emu) {
  const tenant = await emu.tenant();
  return tenant.assignmentPolicies.filter((p) => p.displayName === SEED.displayName && p.accessPackage?.id === SEED.accessPackage.id);
}

/** Click "Create policy" and wait for the new policy's page; returns its id. */
async function createAndOpen(h) {
  const button = h.page.locator(csel.submit);
  await assert.doesNotReject(button.waitFor({ state: 'visible' }));
  assert.equal(await button.isEnabled(), true, 'Create policy is enabled for a valid form');
  await button.click();
  await h.page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
  await h.page.locator(csel.detail).waitFor({ state: 'visible' });
  await h.page.locator(`${csel.detail} h1`).filter({ hasText: SEED.displayName }).waitFor({ timeout: TIMEOUT });
  return GUID.exec(new URL(h.page.url()).pathname)[0];
}

async function assertOnePost(emu, id) {
  const log = appRequests(await emu.requests());
  const posts = log.filter(isCreatePost);
  const summary = log.map((e) => `${e.method} ${e.path}${e.query ? `?${e.query}` : ''} -> ${e.status}`);
  assert.equal(posts.length, 1, `exactly one POST to assignmentPolicies: ${JSON.stringify(summary)}`);
  assert.deepEqual(posts[0].body, SEED, 'the POST body is JSON-equal to seed-request.json');
  assert.match(headerOf(posts[0], 'client-request-id') ?? '', GUID, 'the POST carries a client-request-id');
  const stored = (await emu.tenant()).assignmentPolicies.find((p) => p.id === id);
  assert.ok(stored, `the emulator holds the policy the app opened (${id})`);
  assert.equal(stored.displayName, SEED.displayName);
  return log;
}


/** In a picker: choose the kind, search, and pick the row with this id. */
async function pick(page, list, kind, text, id) {
  const p = picker(page, list);
  await p.locator('[data-testid=picker-kind]').selectOption(kind);
  await p.locator('[data-testid=picker-search]').fill(text);
  await p.locator(`[data-testid=pick-option][data-id="${id}"]`).click();
  await p.locator('[data-testid=chip]').filter({ hasText: text }).first().waitFor();
}

describe('create a policy (demo mode)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'create',
    op: false,
    emulators: { main: {} },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  it('template "External access, two-stage approval" → one POST equal to the seed, and the new policy opens', async () =>
    (await harness()).run('create-template', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      assert.equal(await h.page.locator(csel.submit).isEnabled(), false, 'an empty form cannot be created');
      await h.page.locator(csel.template('external-two-stage')).click();
      assert.deepEqual(await previewBody(h.page), SEED, 'the preview is the seed, exactly');
      const before = await seedNamedPolicies(emu);
      await emu.clearRequests();
      const id = await createAndOpen(h);
      assert.ok(!before.some((p) => p.id === id), 'a new policy, not the existing seed');
      await assertOnePost(emu, id);
      assert.equal((await seedNamedPolicies(emu)).length, before.length + 1, 'one policy more');
      assert.deepEqual(await h.page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('policy-desk.create-draft'))), [], 'the draft is gone once created');
    }));

  it('filled by hand, pickers included → the seed, exactly', async () =>
    (await harness()).run('create-by-hand', async (h) => {
      const emu = h.emu.main;
      const page = h.page;
      await openForm(h);
      await field(page, 'displayName').fill(SEED.displayName);
      await field(page, 'description').fill(SEED.description);
      await page.locator('[data-testid=package-search]').fill('External');
      await page.locator(`[data-testid=package-picker] [data-testid=pick-option][data-id="${SEED.accessPackage.id}"]`).click();
      await page.locator('[data-testid=package-chosen]').filter({ hasText: 'External Partner Workspace' }).waitFor();
      await field(page, 'allowedTargetScope').selectOption(SEED.allowedTargetScope);
      await field(page, 'expiration.type').selectOption('never');
      for (const flag of ['enableTargetsToSelfAddAccess', 'enableTargetsToSelfUpdateAccess', 'enableTargetsToSelfRemoveAccess']) {
        await field(page, `requestorSettings.${flag}`).check();
      }
      await field(page, 'requestApprovalSettings.isApprovalRequiredForAdd').check();
      const stage0 = 'requestApprovalSettings.stages[0]';
      const primary = picker(page, `${stage0}.primaryApprovers`);
      await primary.locator('[data-testid=picker-kind]').selectOption('Internal sponsors');
      await primary.locator('[data-testid=picker-add]').click();
      await pick(page, `${stage0}.fallbackPrimaryApprovers`, 'User', 'Alex', ALEX_WILBER);
      await pick(page, `${stage0}.fallbackPrimaryApprovers`, 'Group', 'Sales', SALES);
      await page.locator('[data-testid=add-stage]').click();
      const stage1 = 'requestApprovalSettings.stages[1]';
      await pick(page, `${stage1}.fallbackPrimaryApprovers`, 'User', 'Megan', MEGAN_BOWEN);
      await pick(page, `${stage1}.fallbackPrimaryApprovers`, 'Group', 'Sales', SALES);
      await field(page, 'reviewSettings.isEnabled').check();
      await field(page, 'reviewSettings.isRecommendationEnabled').check();
      await field(page, 'reviewSettings.isReviewerJustificationRequired').check();
      await field(page, 'reviewSettings.schedule.startDateTime').fill(SEED.reviewSettings.schedule.startDateTime);
      await pick(page, 'reviewSettings.primaryReviewers', 'Group', 'Sales', SALES);
      assert.deepEqual(await previewBody(page), SEED, 'the form made the seed');
      await emu.clearRequests();
      const id = await createAndOpen(h);
      await assertOnePost(emu, id);
    }));

  it('Import JSON of the seed → the same single POST', async () =>
    (await harness()).run('create-import', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      await h.page.locator(csel.importOpen).click();
      await h.page.locator(csel.importText).fill(JSON.stringify(SEED, null, 2));
      await h.page.locator(csel.importApply).click();
      await h.page.locator('[data-testid=import-done]').waitFor();
      assert.deepEqual(await previewBody(h.page), SEED);
      // the form shows what was imported
      assert.equal(await h.page.locator('[data-field=displayName]').inputValue(), SEED.displayName);
      assert.equal(await h.page.locator('[data-field=allowedTargetScope]').inputValue(), SEED.allowedTargetScope);
      await emu.clearRequests();
      const id = await createAndOpen(h);
      await assertOnePost(emu, id);
    }));

  it('the connection drops after Graph applied the POST: the app looks, finds the policy and never POSTs again', async () =>
    (await harness()).run('create-drop', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      await h.page.locator(csel.template('external-two-stage')).click();
      const before = await seedNamedPolicies(emu);
      assert.ok(before.length >= 1, 'the seed (at least) already has this name on this package');
      await emu.clearRequests();
      // What the page sees when a connection dies after the server committed: the POST reaches Graph, the answer
      // never arrives. (Done in the page's network layer so that nothing below it can quietly re-send.)
      let intercepted = 0;
      const matcher = (url) => url.pathname.endsWith('/identityGovernance/entitlementManagement/assignmentPolicies');
      await h.page.route(matcher, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        intercepted += 1;
        await route.fetch();
        await route.abort('connectionreset');
      });
      try {
        const id = await createAndOpen(h);
        assert.equal(intercepted, 1, 'the page sent one POST');
        const log = await assertOnePost(emu, id);
        const after = await seedNamedPolicies(emu);
        assert.equal(after.length, before.length + 1, 'exactly one policy was created');
        const created = after.find((p) => !before.some((b) => b.id === p.id));
        assert.equal(id, created.id, 'the app opened the policy the dropped POST created');
        const looks = log.filter((e) => String(e.method).toUpperCase() === 'GET' && String(e.path).endsWith(GRAPH_LIST_POLICIES) && /accessPackage\/id/i.test(decodeURIComponent(e.query ?? '')));
        assert.ok(looks.length >= 2, `looked for same-named policies before and after the POST: ${looks.length}`);
      } finally {
        await h.page.unroute(matcher);
      }
    }));

  it('a reload while the POST is in flight: the app looks for the policy first and never offers to create it twice', async () =>
    (await harness()).run('create-reload-in-flight', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      await h.page.locator(csel.template('external-two-stage')).click();
      const before = await seedNamedPolicies(emu);
      await emu.clearRequests();
      let committed;
      const applied = new Promise((resolve) => { committed = resolve; });
      const matcher = (url) => url.pathname.endsWith('/identityGovernance/entitlementManagement/assignmentPolicies');
      await h.page.route(matcher, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        await route.fetch(); // Graph applies it; the answer never reaches the page
        committed();
      });
      await h.page.locator(csel.submit).click();
      await applied;
      try {
        await h.page.reload(); // the POST is still unanswered: the reload abandons it
        await h.page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
      } finally {
        await h.page.unrouteAll({ behavior: 'ignoreErrors' });
      }
      const id = GUID.exec(new URL(h.page.url()).pathname)[0];
      const after = await seedNamedPolicies(emu);
      assert.equal(after.length, before.length + 1, 'exactly one policy');
      assert.equal(after.find((p) => !before.some((b) => b.id === p.id)).id, id, 'the app opened it');
      assert.equal(appRequests(await emu.requests()).filter(isCreatePost).length, 1, 'one POST');
      assert.deepEqual(await h.page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('policy-desk.create-draft'))), []);
    }));

  it('an emulator dropAfterCommit fault: whatever the browser does, one policy results', async () =>
    (await harness()).run('create-drop-after-commit', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      await h.page.locator(csel.template('external-two-stage')).click();
      const before = await seedNamedPolicies(emu);
      await emu.clearRequests();
      await emu.addFault({ match: { method: 'POST', pathContains: 'assignmentPolicies' }, count: 1, fault: { kind: 'dropAfterCommit' } });
      try {
        await h.page.locator(csel.submit).click();
        await h.page.waitForFunction(
          () => /\/policies\/[0-9a-f-]{36}$/i.test(location.pathname) || document.querySelector('[data-testid=duplicates]'),
          null,
          { timeout: TIMEOUT },
        );
        const resent = await h.page.locator('[data-testid=duplicates]').isVisible();
        if (resent) {
          // Chromium re-sends a POST by itself when a reused keep-alive connection closes before any answer, so
          // Graph committed it twice; the app noticed and offers to delete the extra copy.
          console.log('# the browser re-sent the dropped POST; the app found the extra copy');
          assert.equal(await h.page.locator('[data-testid=duplicate-id]').count(), 1);
          await h.page.locator('[data-testid=delete-duplicates]').click();
        }
        await h.page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
        await h.page.locator(`${csel.detail} h1`).filter({ hasText: SEED.displayName }).waitFor({ timeout: TIMEOUT });
        const id = GUID.exec(new URL(h.page.url()).pathname)[0];
        const after = await seedNamedPolicies(emu);
        assert.equal(after.length, before.length + 1, 'exactly one policy results');
        assert.ok(after.some((p) => p.id === id), 'the app opened it');
        // The emulator logs the POST whose connection it dropped, marked as such and as applied.
        const posts = appRequests(await emu.requests()).filter(isCreatePost);
        const summary = JSON.stringify(posts.map((e) => [e.status, e.connectionDropped, e.committed, e.committedStatus, headerOf(e, 'client-request-id')]));
        const dropped = posts.filter((e) => e.connectionDropped === true);
        assert.equal(dropped.length, 1, `the dropped POST is logged and marked: ${summary}`);
        assert.equal(dropped[0].status, null, 'no answer reached the browser');
        assert.equal(dropped[0].committed, true, 'Graph applied it before the connection dropped');
        assert.equal(dropped[0].committedStatus, 201, 'as a create');
        assert.deepEqual(dropped[0].body, SEED);
        const requestId = headerOf(dropped[0], 'client-request-id');
        assert.match(requestId ?? '', GUID, 'the dropped POST carries a client-request-id');
        // The app never POSTs again; a second POST can only be Chromium's own resend of the same request.
        assert.equal(posts.length, resent ? 2 : 1, `one POST, or the browser's resend of it: ${summary}`);
        assert.ok(posts.every((e) => headerOf(e, 'client-request-id') === requestId), `every POST is the same request: ${summary}`);
      } finally {
        await emu.clearFaults();
      }
    }));

  it('a 504 after Graph applied the POST: the app looks, finds the policy and never POSTs again', async () =>
    (await harness()).run('create-504-after-commit', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      await h.page.locator(csel.template('external-two-stage')).click();
      const before = await seedNamedPolicies(emu);
      await emu.clearRequests();
      await emu.addFault({ match: { method: 'POST', pathContains: 'assignmentPolicies' }, count: 1, fault: { kind: 'timeoutAfterCommit' } });
      try {
        const id = await createAndOpen(h);
        const log = await assertOnePost(emu, id);
        assert.equal(log.filter(isCreatePost)[0].status, 504, 'the POST was answered 504');
        const after = await seedNamedPolicies(emu);
        assert.equal(after.length, before.length + 1, 'exactly one policy was created');
        assert.equal(after.find((p) => !before.some((b) => b.id === p.id)).id, id, 'the app opened the policy the 504 hid');
      } finally {
        await emu.clearFaults();
      }
    }));

  it('a 503 before anything was applied: the app looks, finds nothing, keeps the form and sends again only when asked', async () =>
    (await harness()).run('create-503', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      await h.page.locator(csel.template('external-two-stage')).click();
      const typed = await previewBody(h.page);
      const before = await seedNamedPolicies(emu);
      await emu.clearRequests();
      await emu.addFault({ match: { method: 'POST', pathContains: 'assignmentPolicies' }, count: 1, fault: { kind: 'unavailable', retryAfterSeconds: 1 } });
      try {
        await h.page.locator(csel.submit).click();
        await h.page.locator(`${csel.status}[data-state=notfound]`).waitFor({ timeout: TIMEOUT });
      } finally {
        await emu.clearFaults();
      }
      assert.deepEqual(await previewBody(h.page), typed, 'the form is as typed');
      assert.equal((await seedNamedPolicies(emu)).length, before.length, 'nothing was created');
      assert.equal(appRequests(await emu.requests()).filter(isCreatePost).length, 1, 'a POST is never re-sent on its own');
      assert.equal(await h.page.locator(csel.submit).isEnabled(), false, 'Create policy waits for the explicit retry');
      await assertNoSeriousViolations(h.page, 'create form (nothing found after a 503, the retry offered)');
      await h.page.locator('[data-testid=create-retry]').click();
      await h.page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.deepEqual(posts.map((e) => e.status), [503, 201], 'the 503, then the one retry the admin asked for');
      assert.equal((await seedNamedPolicies(emu)).length, before.length + 1, 'one policy');
    }));

  for (const [label, fault, code] of [
    ['403', { kind: 'forbidden' }, /UnAuthorized/],
    ['429', { kind: 'throttle', retryAfterSeconds: 1 }, /TooManyRequests/],
  ]) {
    it(`a ${label} keeps everything typed, shows the error, and creating afterwards sends one more POST`, async () =>
      (await harness()).run(`create-${label}`, async (h) => {
        const emu = h.emu.main;
        await openForm(h);
        await h.page.locator(csel.template('external-two-stage')).click();
        await h.page.locator('[data-field=displayName]').fill(`Partner access (${label} test)`);
        const typed = await previewBody(h.page);
        const before = (await emu.tenant()).assignmentPolicies.length;
        await emu.clearRequests();
        await emu.addFault({ match: { method: 'POST', pathContains: 'assignmentPolicies' }, count: 1, fault });
        try {
          await h.page.locator(csel.submit).click();
          await h.page.locator(`${csel.status}[data-state=rejected]`).waitFor({ timeout: TIMEOUT });
          assert.match(await h.page.locator('[data-testid=error-code]').textContent(), code);
          assert.deepEqual(await previewBody(h.page), typed, 'the form is as typed');
          assert.equal((await emu.tenant()).assignmentPolicies.length, before, 'nothing was created');
          assert.equal(appRequests(await emu.requests()).filter(isCreatePost).length, 1, 'a POST is never re-sent on its own');
        } finally {
          await emu.clearFaults();
        }
        // a reload keeps the draft too
        await h.page.reload();
        await h.page.locator('[data-testid=draft-restored]').waitFor();
        assert.deepEqual(await previewBody(h.page), typed, 'the draft survived the reload');
        await h.page.locator(csel.submit).click();
        await h.page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i);
        assert.equal((await emu.tenant()).assignmentPolicies.length, before + 1);
        assert.equal(appRequests(await emu.requests()).filter(isCreatePost).length, 2, 'one POST per click');
      }));
  }

  it('a 400 from Graph (a beta-only member) is shown beside the form, which stays as imported', async () =>
    (await harness()).run('create-400', async (h) => {
      const emu = h.emu.main;
      await openForm(h);
      const body = { ...SEED, displayName: 'Partner access (400 test)', canExtend: true };
      await h.page.locator(csel.importOpen).click();
      await h.page.locator(csel.importText).fill(JSON.stringify(body));
      await h.page.locator(csel.importApply).click();
      await h.page.locator('[data-path=canExtend]').first().waitFor();
      assert.deepEqual(await previewBody(h.page), body, 'the unknown member is kept (and flagged)');
      const before = (await emu.tenant()).assignmentPolicies.length;
      await emu.clearRequests();
      await h.page.locator(csel.submit).click();
      await h.page.locator(`${csel.status}[data-state=rejected]`).waitFor({ timeout: TIMEOUT });
      assert.match(await h.page.locator('[data-testid=error-code]').textContent(), /BadRequest/);
      assert.deepEqual(await previewBody(h.page), body);
      assert.equal((await emu.tenant()).assignmentPolicies.length, before);
      assert.equal(appRequests(await emu.requests()).filter(isCreatePost).length, 1);
      // the download carries the same body
      const href = await h.page.locator('[data-testid=download-body]').getAttribute('href');
      assert.deepEqual(JSON.parse(decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, ''))), body);
    }));

  it('template "With a custom extension": the extension is picked from the access package\'s catalog', async () =>
    (await harness()).run('create-extension', async (h) => {
      const emu = h.emu.main;
      const page = h.page;
      await openForm(h);
      await page.locator('[data-testid=package-search]').fill('External');
      await page.locator(`[data-testid=package-picker] [data-testid=pick-option][data-id="${SEED.accessPackage.id}"]`).click();
      await page.locator(csel.template('custom-extension')).click();
      await page.locator('[data-testid=field-issues][data-path="customExtensionStageSettings[0].customExtension"] li').first().waitFor();
      assert.equal(await page.locator(csel.submit).isEnabled(), false, 'no extension chosen yet');
      const tenant = await emu.tenant();
      const extension = tenant.customWorkflowExtensions.find((e) => e.displayName === 'Notify partner manager');
      await page.locator('[data-testid=extension-search]').focus();
      await page.locator(`[data-testid=extension] [data-testid=pick-option][data-id="${extension.id}"]`).click();
      const body = await previewBody(page);
      assert.deepEqual(body.customExtensionStageSettings, [{
        stage: 'assignmentRequestGranted',
        customExtension: { '@odata.type': '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension', id: extension.id },
      }]);
      assert.equal(body.accessPackage.id, SEED.accessPackage.id, 'the template kept the chosen package');
      await emu.clearRequests();
      await page.locator(csel.submit).click();
      await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.equal(posts.length, 1);
      assert.equal(posts[0].status, 201, JSON.stringify(posts[0].body));
      assert.deepEqual(posts[0].body, body);
    }));

  it('exported for other tools: the curl command, run, creates the policy; HTTP, PowerShell and Terraform carry the body exactly', async () =>
    (await harness()).run('create-export', async (h) => {
      const { page } = h;
      const emu = h.emu.main;
      await openForm(h);
      await page.locator(csel.template('external-two-stage')).click();
      const name = 'Partner access ${env} (from curl)';
      await field(page, 'displayName').fill(name);
      const body = await previewBody(page);
      await page.locator('[data-testid=export] summary').click();
      const code = page.locator('[data-testid=export-code]');
      const exported = {};
      for (const format of ['http', 'curl', 'powershell', 'terraform']) {
        await page.locator('[data-testid=export-format]').selectOption(format);
        await page.waitForFunction((f) => document.querySelector('[data-testid=export-format]').value === f, format);
        exported[format] = await code.textContent();
        const link = page.locator('[data-testid=download-export]');
        assert.equal(decodeURIComponent((await link.getAttribute('href')).replace(/^data:text\/plain;charset=utf-8,/, '')), exported[format], `${format}: Download is the text shown`);
        assert.match(await link.getAttribute('download'), /\.(http|sh|ps1|tf)$/);
      }
      const url = `${emu.graphBaseUrl}/identityGovernance/entitlementManagement/assignmentPolicies`;
      // HTTP: the request line, the header, a blank line, the body
      const [head, httpBody] = exported.http.split('\n\n');
      assert.deepEqual(head.split('\n'), [`POST ${url}`, 'Content-Type: application/json']);
      assert.deepEqual(JSON.parse(httpBody), body);
      // PowerShell: the literal here-string holds the body
      assert.deepEqual(JSON.parse(exported.powershell.split("$body = @'\n")[1].split("\n'@\n")[0]), body);
      assert.ok(exported.powershell.includes(`Invoke-MgGraphRequest -Method POST -Uri '${url}' -Body $body`), exported.powershell);
      // Terraform: the heredoc holds the body, template sequences escaped
      const heredoc = exported.terraform.split('<<-POLICY_JSON\n')[1].split('\n  POLICY_JSON')[0];
      assert.ok(heredoc.includes('$${env}'), 'Terraform would read ${ as a template');
      assert.deepEqual(JSON.parse(heredoc.replaceAll('$${', '${').replaceAll('%%{', '%{')), body);
      // curl: run as bash against the emulator, it creates the policy, with the body exactly
      await emu.clearRequests();
      const { stdout } = await promisify(execFile)('bash', ['-c', exported.curl], { env: { ...process.env, TOKEN: 'unused-in-demo-mode' } });
      const created = JSON.parse(stdout);
      assert.equal(created.displayName, name, 'the quoted heredoc left ${env} alone');
      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.equal(posts.length, 1);
      assert.deepEqual(posts[0].body, body, 'curl sent the previewed body exactly');
      assert.ok((await emu.tenant()).assignmentPolicies.some((p) => p.id === created.id));
    }));

  it('each validation rule shows its message at its field', async () =>
    (await harness()).run('create-rules', async (h) => {
      const page = h.page;
      const stage = (extra) => ({ ...SEED.requestApprovalSettings.stages[0], ...extra });
      const user = (id) => ({ '@odata.type': '#microsoft.graph.singleUser', userId: id });
      // [rule, body change, the field's path, its message]. Errors block Create policy; these rules only warn.
      const warnings = new Set(['EscalationTiming', 'UnrecognisedValue', 'ExternalAccessWithoutExpiryOrReview', 'BroadAccessWithoutApproval', 'SubjectDoesNotFitRequestors']);
      const cases = [
        ['DisplayNameRequired', (b) => { b.displayName = ' '; }, 'displayName', /give the policy a name/i],
        ['AccessPackageIdRequired', (b) => { b.accessPackage = { id: 'sales-package' }; }, 'accessPackage', /not an access package id/],
        ['AllowedTargetScopeRequired', (b) => { delete b.allowedTargetScope; }, 'allowedTargetScope', /who can request/i],
        ['MaxApprovalStages', (b) => { b.requestApprovalSettings.stages = [stage(), stage(), stage(), stage()]; }, 'requestApprovalSettings.stages', /at most 3/],
        ['ApprovalStagesRequired', (b) => { b.requestApprovalSettings.stages = []; }, 'requestApprovalSettings.stages', /at least one approval stage/],
        ['StageNeedsApprover', (b) => { Object.assign(b.requestApprovalSettings.stages[0], { primaryApprovers: [], fallbackPrimaryApprovers: [] }); }, 'requestApprovalSettings.stages[0].primaryApprovers', /no approver/],
        ['ManagerLevelRange', (b) => { b.requestApprovalSettings.stages[0].primaryApprovers = [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 5 }]; }, 'requestApprovalSettings.stages[0].primaryApprovers', /between 1/],
        ['SponsorsNeedConnectedOrganizationScope', (b) => { b.allowedTargetScope = 'allMemberUsers'; }, 'requestApprovalSettings.stages[0].primaryApprovers', /connected organization/i],
        ['FallbackApproverRequired', (b) => { b.requestApprovalSettings.stages[0].primaryApprovers = [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 1 }]; b.requestApprovalSettings.stages[0].fallbackPrimaryApprovers = []; }, 'requestApprovalSettings.stages[0].fallbackPrimaryApprovers', /fallback/i],
        ['EscalationNeedsApprovers', (b) => { b.requestApprovalSettings.stages[0].isEscalationEnabled = true; b.requestApprovalSettings.stages[0].durationBeforeEscalation = 'P7D'; }, 'requestApprovalSettings.stages[0].escalationApprovers', /alternate approvers/],
        ['EscalationTiming', (b) => { Object.assign(b.requestApprovalSettings.stages[0], { isEscalationEnabled: true, durationBeforeEscalation: 'P1D', durationBeforeAutomaticDenial: 'P2D', escalationApprovers: [user(MEGAN_BOWEN)] }); }, 'requestApprovalSettings.stages[0].durationBeforeAutomaticDenial', /at least 4 days/],
        ['TargetsMatchScope', (b) => { b.allowedTargetScope = 'specificDirectoryUsers'; }, 'specificAllowedTargets', /at least one/],
        ['SubjectLimit', (b) => { b.allowedTargetScope = 'specificDirectoryUsers'; b.specificAllowedTargets = Array.from({ length: 501 }, (_, i) => user(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)); }, 'specificAllowedTargets', /at most 500 users and groups/],
        ['AttributeRuleOnlyInAutoAssignment', (b) => { b.reviewSettings.primaryReviewers = [{ '@odata.type': '#microsoft.graph.attributeRuleMembers', membershipRule: '(user.department -eq "Sales")' }]; }, 'reviewSettings.primaryReviewers', /attribute rule/i],
        ['AutoAssignmentNeedsRule', (b) => { b.allowedTargetScope = 'specificDirectoryUsers'; b.automaticRequestSettings = { requestAccessForAllowedTargets: true, removeAccessWhenTargetLeavesAllowedTargets: true, gracePeriodBeforeAccessRemoval: 'P7D' }; }, 'specificAllowedTargets', /needs a rule/],
        ['ReviewNeedsReviewers', (b) => { b.reviewSettings.primaryReviewers = []; }, 'reviewSettings.primaryReviewers', /no reviewer/],
        ['ReviewRecurrence', (b) => { b.reviewSettings.schedule.recurrence.pattern.type = 'daily'; }, 'reviewSettings.schedule.recurrence', /weekly/],
        ['ExpirationConsistent', (b) => { b.expiration = { type: 'noExpiration', duration: 'P30D' }; }, 'expiration', /remove the duration/],
        ['DurationDaysAndTimeOnly', (b) => { b.requestApprovalSettings.stages[1].durationBeforeAutomaticDenial = 'P1M'; }, 'requestApprovalSettings.stages[1].durationBeforeAutomaticDenial', /years, months or weeks/],
        ['QuestionText', (b) => { b.questions = [{ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', sequence: 1, isRequired: true, text: ' ' }]; }, 'questions[0].text', /no text/],
        ['RegexPattern', (b) => { b.questions = [{ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', sequence: 1, text: 'Project?', regexPattern: '([a-z' }]; }, 'questions[0].regexPattern', /does not compile/],
        ['QuestionChoices', (b) => { b.questions = [{ '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', sequence: 1, text: 'Role?', choices: [] }]; }, 'questions[0].choices', /no answers/],
        ['LanguageCode', (b) => { b.questions = [{ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', sequence: 1, text: 'Project?', localizations: [{ languageCode: 'xx-YYY', text: 'Projet ?' }] }]; }, 'questions[0].localizations', /language code/],
        ['CustomExtensionStage', (b) => { b.customExtensionStageSettings = [{ stage: 'assignmentRequestCreated' }]; }, 'customExtensionStageSettings[0].customExtension', /custom extension/],
        ['UnrecognisedValue', (b) => { b.requestApprovalSettings.stages[0].primaryApprovers = [{ '@odata.type': '#microsoft.graph.futureApproverKind' }]; }, 'requestApprovalSettings.stages[0].primaryApprovers', /futureApproverKind/],
        ['ExternalAccessWithoutExpiryOrReview', (b) => { b.reviewSettings.isEnabled = false; }, 'expiration', /keep access forever/],
        ['BroadAccessWithoutApproval', (b) => { b.requestApprovalSettings.isApprovalRequiredForAdd = false; }, 'requestApprovalSettings.isApprovalRequiredForAdd', /without approval/],
        ['SubjectDoesNotFitRequestors', (b) => { b.allowedTargetScope = 'allDirectoryServicePrincipals'; b.requestApprovalSettings.stages[0].primaryApprovers = [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 1 }]; }, 'requestApprovalSettings.stages[0].primaryApprovers', /would find no one/],
      ];
      // Every rule the model declares has its case here: a new rule cannot go untested in the form.
      const report = fs.readFileSync(path.join(REPO_ROOT, 'crates', 'policy-model', 'src', 'validate', 'report.rs'), 'utf8');
      const declared = [...report.match(/pub enum Rule \{([\s\S]*?)\n\}/)[1].matchAll(/^\s*([A-Z]\w*),/gm)].map((m) => m[1]);
      assert.ok(declared.length >= 25, `the rules read from report.rs: ${declared}`);
      assert.deepEqual(cases.map(([rule]) => rule).sort(), declared.slice().sort(), 'one case per rule');
      await openForm(h);
      for (const [rule, mutate, fieldPath, message] of cases) {
        const body = structuredClone(SEED);
        mutate(body);
        if (!(await page.locator(csel.importText).isVisible())) await page.locator(csel.importOpen).click();
        await page.locator(csel.importText).fill(JSON.stringify(body));
        await page.locator(csel.importApply).click();
        const at = page.locator(`[data-testid=field-issues][data-path="${fieldPath}"] li[data-rule=${rule}]`).filter({ hasText: message });
        await assert.doesNotReject(at.first().waitFor({ timeout: 5000 }), `${rule}: a message matching ${message} at ${fieldPath}`);
        const severity = warnings.has(rule) ? 'warning' : 'error';
        assert.match(await at.first().getAttribute('class'), new RegExp(`\\b${severity}\\b`), `${rule}: shown as an ${severity}`);
        assert.equal(await page.locator(csel.submit).isEnabled(), severity === 'warning', `${rule}: Create policy is ${severity === 'warning' ? 'enabled despite a warning' : 'disabled by an error'}`);
      }
    }));

  it('shows each problem at its field, and has no serious or critical axe-core violations', async () =>
    (await harness()).run('create-axe', async (h) => {
      const page = h.page;
      await openForm(h);
      const issuesAt = (path) => page.locator(`[data-testid=field-issues][data-path="${path}"] li`);
      assert.match(await issuesAt('displayName').first().textContent(), /name/i, 'an empty name is flagged at the name');
      assert.equal(await page.locator(csel.submit).isEnabled(), false);
      await page.locator(csel.template('external-two-stage')).click();
      assert.equal(await issuesAt('displayName').count(), 0);
      await field(page, 'requestApprovalSettings.stages[0].durationBeforeAutomaticDenial').fill('2 weeks');
      assert.match(await issuesAt('requestApprovalSettings.stages[0].durationBeforeAutomaticDenial').first().textContent(), /ISO 8601/);
      assert.equal(await page.locator(csel.submit).isEnabled(), false, 'an invalid form cannot be created');
      assert.ok((await page.locator('[data-testid=validation-summary] li').count()) >= 1, 'the summary lists it');
      await field(page, 'requestApprovalSettings.stages[0].durationBeforeAutomaticDenial').fill('14');
      assert.equal(await page.locator(csel.submit).isEnabled(), true);
      await assertNoSeriousViolations(page, 'create form (seed template)');
    }));
});

// What the create-form tests share: the founding seed body, how a create POST looks in the emulator's log, and the
// form's fields, pickers and preview.
import fs from 'node:fs';
import path from 'node:path';
import { TIMEOUT } from './harness.mjs';
import { REPO_ROOT } from './processes.mjs';

/** `shared/graph/seed-request.json`: Microsoft's founding example. */
export const SEED = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '..', 'shared', 'graph', 'seed-request.json'), 'utf8'));

/** An emulator log entry that is a create POST (`POST …/assignmentPolicies`). */
export const isCreatePost = (e) => String(e.method).toUpperCase() === 'POST'
  && /\/identityGovernance\/entitlementManagement\/assignmentPolicies\/?$/.test(String(e.path));

export const field = (page, fieldPath) => page.locator(`[data-field="${fieldPath}"]`);
export const picker = (page, list) => page.locator(`[data-testid=picker][data-list="${list}"]`);

/** The live preview, parsed: the body "Create policy" would POST. */
export async function previewBody(page) {
  return JSON.parse(await page.locator('[data-testid=create-preview]').textContent());
}

/** A fresh form: no saved draft from an earlier test. */
export async function openForm(h) {
  await h.page.goto(`${h.site.origin}/policies/new`);
  await h.page.evaluate(() => sessionStorage.clear());
  await h.page.reload();
  await h.page.locator('[data-testid=create-page]').waitFor({ state: 'visible', timeout: TIMEOUT });
}

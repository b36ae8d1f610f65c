// Assertions shared by the e2e tests: the app's policy list against the emulator's own answers.
import assert from 'node:assert/strict';
import { GRAPH_LIST_POLICIES, appRequests, headerOf, parseAuthSummary, policyListRequests } from './processes.mjs';
import { readPolicyTable, waitForRowCount, sel } from './pages.mjs';
import { GRAPH_RESOURCE } from './op.mjs';
import { TIMEOUT } from './harness.mjs';

/** The seed policy's display name (shared/graph/seed-request.json, Microsoft's docs example). */
export const SEED_POLICY_NAME = 'policy for external access requests';
export const SEED_TARGET_SCOPE = 'allConfiguredConnectedOrganizationUsers';

/**
 * Wait for the policy table, then check it against the emulator's own list (followed through @odata.nextLink):
 * the same number of rows, the same names, and "N policies" in [data-testid=policy-count].
 * @returns {{expected: object[], pages: number, table: {rows, count}}}
 */
export async function assertListMatchesEmulator(page, emu, { token } = {}) {
  await page.locator(sel.table).waitFor({ state: 'visible', timeout: TIMEOUT });
  const { items: expected, pages } = await emu.listAll(GRAPH_LIST_POLICIES, { token });
  assert.ok(expected.length > 0, 'the emulator lists some policies');
  await waitForRowCount(page, expected.length);
  const table = await readPolicyTable(page);
  assert.equal(table.rows.length, expected.length, 'one row per policy');
  assert.deepEqual(
    table.rows.map((r) => r.name).sort(),
    expected.map((p) => String(p.displayName).trim().replace(/\s+/g, ' ')).sort(),
    'the rows show the emulator policies’ display names',
  );
  assert.ok(table.count, '[data-testid=policy-count] is present');
  assert.match(table.count, new RegExp(`(^|\\D)${expected.length}\\s+polic(y|ies)\\b`, 'i'), `policy count text "${table.count}"`);
  return { expected, pages, table };
}

/**
 * The seed policy as the emulator has it, with its access package's display name.
 * Uses GET /_emulator/tenant (seedPolicyId, assignmentPolicies, accessPackages); falls back to the listed policies
 * and GET .../assignmentPolicies/{id}?$expand=accessPackage.
 */
export async function seedPolicyFacts(emu, listed, { token } = {}) {
  let policy;
  let packageName;
  let tenant = null;
  try {
    tenant = await emu.tenant();
  } catch {
    /* fall back below */
  }
  if (tenant?.seedPolicyId) {
    policy = (tenant.assignmentPolicies || []).find((p) => p.id === tenant.seedPolicyId);
  }
  policy ||= listed.find((p) => p.displayName === SEED_POLICY_NAME) || listed.find((p) => p.allowedTargetScope === SEED_TARGET_SCOPE);
  assert.ok(policy, 'the emulator has the seed policy');
  const packageId = policy.accessPackage?.id || policy.accessPackageId;
  packageName = policy.accessPackage?.displayName;
  if (!packageName && tenant?.accessPackages && packageId) {
    packageName = tenant.accessPackages.find((a) => a.id === packageId)?.displayName;
  }
  if (!packageName) {
    const r = await emu.fetchJson(`${emu.graphBaseUrl}${GRAPH_LIST_POLICIES}/${policy.id}?$expand=accessPackage`, { token });
    packageName = r.body?.accessPackage?.displayName;
  }
  assert.ok(packageName, `the seed policy's access package name is known (policy ${policy.id}, package ${packageId})`);
  return { id: policy.id, name: policy.displayName, packageName, allowedTargetScope: policy.allowedTargetScope };
}

/** Who-can-request must be plain words, not Graph's enum value. */
export function assertPlainWho(who, enumValue) {
  assert.ok(who && who.length > 3, `who-can-request cell has text: "${who}"`);
  assert.ok(!who.includes(enumValue), `"${who}" must not show the enum ${enumValue}`);
  assert.doesNotMatch(who, /\b[a-z]+[A-Z][A-Za-z]*\b/, `"${who}" looks like a camelCase enum`);
  assert.match(who, /\s/, `"${who}" is words`);
}

/** The seed policy row: its access package's name, and who can request in plain words. */
export async function assertSeedRow(page, seed) {
  const { rows } = await readPolicyTable(page);
  const row = rows.find((r) => r.name === seed.name);
  assert.ok(row, `a row named "${seed.name}" among ${JSON.stringify(rows.map((r) => r.name))}`);
  assert.equal(row.package, seed.packageName, 'the seed row shows its access package name');
  assertPlainWho(row.who, seed.allowedTargetScope);
  if (seed.allowedTargetScope === SEED_TARGET_SCOPE) {
    assert.match(row.who, /connected organi[sz]ation/i, `"${row.who}" should say connected organizations`);
  }
  return row;
}

/**
 * The emulator's request log shows the app's policy-list request(s), each with a bearer token the emulator judged
 * valid, for Graph, with the expected scope.
 */
export async function assertListCallsAuthorized(emu, { issuer, scope = 'EntitlementManagement.Read.All' }) {
  const log = await emu.requests();
  const lists = policyListRequests(appRequests(log));
  assert.ok(lists.length >= 1, `the emulator logged the app's list request (log paths: ${JSON.stringify(log.map((e) => `${e.method} ${e.path}`))})`);
  for (const e of lists) {
    const auth = headerOf(e, 'authorization');
    const s = parseAuthSummary(auth);
    assert.ok(s, `list request ${e.path}?${e.query ?? ''} carried an Authorization header`);
    assert.equal(s.valid, true, `token judged valid: ${auth}`);
    assert.equal(s.aud, GRAPH_RESOURCE, `aud in ${auth}`);
    if (issuer) assert.equal(s.iss, issuer, `iss in ${auth}`);
    assert.ok(String(s.scp || '').split(/[\s,]+/).includes(scope), `scp contains ${scope}: ${auth}`);
  }
  return lists;
}

// Graph rejects the token (an emulator that expects another audience): the app shows Graph's error with its code,
// a readable message and the request-id for support.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, useHarness, msalConfig, TIMEOUT } from './lib/harness.mjs';
import { sel, completeOpLogin } from './lib/pages.mjs';
import path from 'node:path';
import { headerOf, appRequests, policyListRequests, OUTPUT_DIR } from './lib/processes.mjs';

/** Every request-id the emulator answered with (response headers and error bodies seen by the browser) or logged. */
function requestIdsFrom(graphTraffic, log) {
  const ids = new Set();
  for (const g of graphTraffic) {
    const h = g.responseHeaders || {};
    if (h['request-id']) ids.add(h['request-id']);
    const inner = g.body?.error?.innerError || g.body?.error?.innererror;
    if (inner?.['request-id']) ids.add(inner['request-id']);
  }
  for (const e of log) {
    for (const k of ['requestId', 'request-id', 'request_id']) if (e[k]) ids.add(String(e[k]));
    const rh = e.response?.headers || e.responseHeaders;
    if (rh) {
      const v = headerOf({ headers: rh }, 'request-id');
      if (v) ids.add(v);
    }
  }
  return ids;
}

describe('Graph rejects the token', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'rejected-token',
    emulators: { strict: { issuer: true, args: ['--audience', 'api://not-graph'] } },
    config: (h) => msalConfig({ site: h.site, op: h.op, emulator: h.emu.strict }),
  });

  it('shows InvalidAuthenticationToken with a readable message and the request-id', async () =>
    (await harness()).run('rejected-token', async (h) => {
      const { page } = h;
      const emu = h.emu.strict;
      await page.goto(`${h.site.origin}/`);
      await page.locator(sel.signIn).click();
      const seen = await completeOpLogin(page, h.op.issuer, 'lee.gu');
      assert.ok(seen.includes('login'), 'the OP asked for login');
      await page.waitForURL((u) => u.origin === h.site.origin, { timeout: TIMEOUT });

      const error = page.locator(sel.graphError);
      await error.waitFor({ state: 'visible' });
      assert.equal((await error.locator(sel.errorCode).textContent()).trim(), 'InvalidAuthenticationToken');
      const message = (await error.locator(sel.errorMessage).textContent()).trim();
      assert.ok(message.length >= 10, `a readable message: "${message}"`);
      assert.doesNotMatch(message, /^[[{]/, 'not raw JSON');
      const shownId = (await error.locator(sel.errorRequestId).textContent()).trim();
      assert.ok(shownId.length > 0, 'a request-id is shown');

      // the emulator really answered 401 InvalidAuthenticationToken to the app's list request
      await h.graphSettled();
      const rejected = h.graph.filter((g) => g.status === 401);
      assert.ok(rejected.length >= 1, `the browser saw a 401 from the emulator: ${JSON.stringify(h.graph.map((g) => `${g.method} ${g.url} ${g.status}`))}`);
      assert.equal(rejected[0].body?.error?.code, 'InvalidAuthenticationToken', 'the 401 body carries Graph’s error code');
      const log = await emu.requests();
      assert.ok(policyListRequests(appRequests(log)).length >= 1, 'the emulator logged the list request');
      const ids = requestIdsFrom(h.graph, log);
      assert.ok(ids.size > 0, 'the emulator gave request-ids (response header or innerError)');
      assert.ok(ids.has(shownId), `shown request-id "${shownId}" is one the emulator returned: ${JSON.stringify([...ids])}`);
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'rejected-token.png'), fullPage: true });
    }));
});

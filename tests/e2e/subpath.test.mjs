// The site built for a sub-path (`scripts/build-site.sh --public-url /desk/`, as scripts/test.sh does into
// $SUBPATH_SITE_DIR) served under /desk/: the list, a policy's page, "Copy to a new policy", the create form and the
// new policy's page all work below the sub-path, and nothing is asked of the site's root. Demo mode.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, demoConfig, msalConfig } from './lib/harness.mjs';
import { REPO_ROOT, appRequests } from './lib/processes.mjs';
import { sel, completeOpLogin } from './lib/pages.mjs';
import { isCreatePost } from './lib/create-form.mjs';

const BASE = '/desk/';
const SITE = path.resolve(REPO_ROOT, process.env.SUBPATH_SITE_DIR || 'target/site-subpath');

function requireSubpathBuild() {
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    throw new Error(`no sub-path build at ${SITE}: run scripts/build-site.sh --dist ${SITE} --public-url ${BASE} (scripts/test.sh does)`);
  }
}

describe('a site built for a sub-path (demo mode)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness(() => {
    requireSubpathBuild();
    return {
      name: 'subpath',
      op: false,
      site: SITE,
      siteBase: BASE,
      emulators: { main: {} },
      config: (h) => demoConfig({ emulator: h.emu.main }),
    };
  });

  it('list → policy → copy → create → the new policy, every page below /desk/', async () =>
    (await harness()).run('subpath-pages', async (h) => {
      const page = h.page;
      const emu = h.emu.main;
      const outside = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.origin === h.site.origin && !url.pathname.startsWith(BASE)) outside.push(url.pathname);
      });
      const tenant = await emu.tenant();
      await page.goto(`${h.site.origin}${BASE}`);
      const rows = page.locator('[data-testid=policy-row]');
      await rows.first().waitFor({ timeout: TIMEOUT });
      await page.locator('[data-testid=policy-count]').filter({ hasText: `${tenant.assignmentPolicies.length} policies` }).waitFor({ timeout: TIMEOUT });

      const first = tenant.assignmentPolicies.slice().sort((a, b) => a.displayName.localeCompare(b.displayName))[0];
      await page.locator('[data-testid=policy-link]').filter({ hasText: first.displayName }).first().click();
      await page.waitForURL(`${h.site.origin}${BASE}policies/${first.id}`, { timeout: TIMEOUT });
      await page.locator('[data-testid=detail-page] h1').filter({ hasText: first.displayName }).waitFor({ timeout: TIMEOUT });

      await page.locator('[data-testid=copy-to-new]').click();
      await page.waitForURL(new RegExp(`${BASE}policies/new`), { timeout: TIMEOUT });
      await page.locator('[data-testid=copy-done]').waitFor({ timeout: TIMEOUT });
      assert.equal(new URL(page.url()).pathname, `${BASE}policies/new`);
      await emu.clearRequests();
      const submit = page.locator('[data-testid=create-submit]');
      assert.equal(await submit.isEnabled(), true, `the copy of “${first.displayName}” is valid`);
      await submit.click();
      await page.waitForURL(new RegExp(`${BASE}policies/[0-9a-f-]{36}$`, 'i'), { timeout: TIMEOUT });
      await page.locator('[data-testid=detail-page] h1').filter({ hasText: `${first.displayName} (copy)` }).waitFor({ timeout: TIMEOUT });
      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.equal(posts.length, 1);

      await page.locator('[data-testid=back-to-policies]').click();
      await rows.first().waitFor({ timeout: TIMEOUT });
      assert.equal(new URL(page.url()).pathname, BASE);
      assert.deepEqual(outside, [], 'nothing is fetched from outside the sub-path');
    }));

  it('deep links below the sub-path open their pages; the root is not the site', async () =>
    (await harness()).run('subpath-deep-links', async (h) => {
      const page = h.page;
      await page.goto(`${h.site.origin}${BASE}policies/new`);
      await page.locator('[data-testid=create-page]').waitFor({ timeout: TIMEOUT });
      const response = await page.goto(`${h.site.origin}/policies/new`);
      assert.equal(response.status(), 404, 'outside /desk/ nothing is served');
    }));
});

// Signed in: msal-browser is loaded from below the sub-path, the redirect URI registered for the app is
// /desk/redirect.html, and after the provider's login the admin is back on the list below /desk/.
describe('a site built for a sub-path (signed in)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness(() => {
    requireSubpathBuild();
    return {
      name: 'subpath-signed-in',
      site: SITE,
      siteBase: BASE,
      emulators: { main: { issuer: true } },
      config: (h) => msalConfig({ site: h.site, op: h.op, emulator: h.emu.main }),
    };
  });

  it('signs in and back to the list below /desk/, then opens a policy there', async () =>
    (await harness()).run('subpath-signed-in', async (h) => {
      const { page } = h;
      const outside = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.origin === h.site.origin && !url.pathname.startsWith(BASE)) outside.push(url.pathname);
      });
      await page.goto(`${h.site.origin}${BASE}`);
      await page.locator(sel.signIn).click();
      await completeOpLogin(page, h.op.issuer, 'megan.bowen');
      await page.waitForURL((u) => u.origin === h.site.origin, { timeout: TIMEOUT });
      await page.locator(sel.accountName).waitFor({ state: 'visible', timeout: TIMEOUT });
      assert.equal(new URL(page.url()).pathname, BASE, 'back on the list below the sub-path');
      const total = (await h.emu.main.tenant()).assignmentPolicies.length;
      await page.locator('[data-testid=policy-count]').filter({ hasText: `${total} policies` }).waitFor({ timeout: TIMEOUT });
      await page.locator('[data-testid=policy-link]').first().click();
      await page.waitForURL(new RegExp(`${BASE}policies/[0-9a-f-]{36}$`, 'i'), { timeout: TIMEOUT });
      await page.locator('[data-testid=detail-page] h1').waitFor({ timeout: TIMEOUT });
      assert.deepEqual(outside, [], 'nothing is fetched from outside the sub-path, msal-browser and redirect.html included');
    }));
});

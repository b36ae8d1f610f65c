// Page helpers: the OP's dev login/consent/logout pages, and the app's DOM contract (data-testid selectors).
import { TIMEOUT } from './harness.mjs';

export const sel = {
  loading: '[data-testid=loading]',
  demoBanner: '[data-testid=demo-banner]',
  signIn: '[data-testid=sign-in]',
  signInPopup: '[data-testid=sign-in-popup]',
  signOut: '[data-testid=sign-out]',
  accountName: '[data-testid=account-name]',
  table: '[data-testid=policy-table]',
  row: '[data-testid=policy-row]',
  count: '[data-testid=policy-count]',
  graphError: '[data-testid=graph-error]',
  errorCode: '[data-testid=error-code]',
  errorMessage: '[data-testid=error-message]',
  errorRequestId: '[data-testid=error-request-id]',
  setupPage: '[data-testid=setup-page]',
  setupProblem: (field) => `[data-testid=setup-problem][data-field="${field}"]`,
  // the list page's states and controls
  retryNotice: '[data-testid=retry-notice]',
  roleNotice: '[data-testid=role-notice]',
  empty: '[data-testid=empty]',
  noMatches: '[data-testid=no-matches]',
  search: '[data-testid=search]',
  filter: (name) => `[data-testid=filter-${name}]`,
  clearFilters: '[data-testid=clear-filters]',
  scroller: 'div.table-scroller',
  sortHeader: (col) => `[data-testid=policy-table] th[data-col="${col}"]`,
  sortButton: (col) => `[data-testid=policy-table] th[data-col="${col}"] button`,
};

/** The policy-count text, whitespace-collapsed ('' when absent). */
export async function countText(page) {
  const loc = page.locator(sel.count);
  return (await loc.count()) ? (await loc.first().textContent()).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Wait until the list has finished loading: [data-testid=policy-count] reads "N policies" (or "M of N policies")
 * with no "more coming", and no [data-testid=loading] is visible. Returns the count text.
 */
export async function waitListComplete(page, { total, timeout = TIMEOUT } = {}) {
  const re = total === undefined ? '^(\\d+ of )?\\d+ polic(y|ies)$' : `^(\\d+ of )?${total} polic(y|ies)$`;
  await page
    .waitForFunction(
      ({ count, loading, re }) => {
        const c = document.querySelector(count);
        const text = c ? c.textContent.replace(/\s+/g, ' ').trim() : '';
        return new RegExp(re).test(text) && ![...document.querySelectorAll(loading)].some((e) => e.offsetParent !== null);
      },
      { count: sel.count, loading: sel.loading, re },
      { timeout },
    )
    .catch(async (e) => {
      throw new Error(`the list did not finish loading${total === undefined ? '' : ` ${total} policies`} within ${timeout} ms (policy-count: "${await countText(page)}"): ${e.message}`);
    });
  return countText(page);
}

const isInteraction = (url, opOrigin) => url.startsWith(`${opOrigin}/interaction/`);

/**
 * Complete the OP's dev interactions on `page` (a tab or a popup): the login form (any login, any password), then
 * the consent page ("Continue"), until the page leaves the OP (or, for a popup, closes).
 * @returns {Promise<string[]>} the steps seen, e.g. ['login', 'consent']
 */
export async function completeOpLogin(page, opOrigin, login) {
  const seen = [];
  // next stop: an interaction page, or (once one was done) anywhere off the OP: the flow went back to the app
  const settled = (u) => isInteraction(u, opOrigin) || (seen.length > 0 && !u.startsWith(opOrigin) && u !== 'about:blank');
  for (;;) {
    if (page.isClosed()) break;
    if (!settled(page.url())) {
      const ok = await page
        .waitForURL((u) => settled(u.href), { timeout: TIMEOUT, waitUntil: 'commit' })
        .then(() => true, (e) => {
          if (page.isClosed()) return false; // a popup closed by the redirect bridge
          throw new Error(`OP sign-in did not reach ${seen.length ? 'the next step' : 'the login page'} (at ${page.url()}, steps so far: ${seen.join(',') || 'none'}): ${e.message}`);
        });
      if (!ok) break;
    }
    if (!isInteraction(page.url(), opOrigin)) break;
    const loginInput = page.locator('input[name=login]');
    const consent = page.locator('button[type=submit]:has-text("Continue")');
    await loginInput.or(consent).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const before = page.url();
    if (await loginInput.count()) {
      seen.push('login');
      await loginInput.fill(login);
      await page.fill('input[name=password]', 'any-password');
      await page.click('button[type=submit]');
    } else {
      seen.push('consent');
      await consent.click();
    }
    if (seen.length > 4) throw new Error(`OP interaction loop: ${seen.join(',')}`);
    if (page.isClosed()) break;
    await page.waitForURL((u) => u.href !== before, { timeout: TIMEOUT, waitUntil: 'commit' }).catch((e) => {
      if (!page.isClosed()) throw e;
    });
  }
  return seen;
}

/** Read the policy table: the count text and every row's name / package / who cells. */
export async function readPolicyTable(page) {
  await page.locator(sel.table).waitFor({ state: 'visible', timeout: TIMEOUT });
  const rows = await page.locator(`${sel.table} ${sel.row}`).evaluateAll((els) =>
    els.map((el) => {
      const cell = (c) => {
        const n = el.querySelector(`[data-col=${c}]`);
        return n ? n.textContent.replace(/\s+/g, ' ').trim() : null;
      };
      return { name: cell('name'), package: cell('package'), who: cell('who') };
    }),
  );
  const countLoc = page.locator(sel.count);
  const count = (await countLoc.count()) ? (await countLoc.first().textContent()).replace(/\s+/g, ' ').trim() : null;
  return { rows, count };
}

/**
 * Wait until the table shows `n` rows (the app may render page by page while it follows @odata.nextLink).
 */
export async function waitForRowCount(page, n) {
  await page.locator(sel.table).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page
    .waitForFunction(
      ({ table, row, n }) => document.querySelectorAll(`${table} ${row}`).length === n,
      { table: sel.table, row: sel.row, n },
      { timeout: TIMEOUT },
    )
    .catch(async () => {
      const got = await page.locator(`${sel.table} ${sel.row}`).count();
      throw new Error(`policy table shows ${got} rows, want ${n} (waited ${TIMEOUT} ms)`);
    });
}

/** Wait until no [data-testid=loading] is visible. */
export async function waitLoaded(page) {
  await page.waitForFunction((s) => ![...document.querySelectorAll(s)].some((e) => e.offsetParent !== null), sel.loading, { timeout: TIMEOUT });
}

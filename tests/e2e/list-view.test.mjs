// The list's view in the URL, and the keyboard (demo mode, the emulator's large tenant: 5,000 policies, so that the
// virtualized table really scrolls): a deep link reproduces a filtered, sorted view; a filter change is written to
// the URL and survives a reload together with the scroll position; Tab reaches search, every filter, every sort
// button and the table region, and Enter/Space on a sort button sort.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, demoConfig } from './lib/harness.mjs';
import { sel, waitListComplete } from './lib/pages.mjs';

const TOTAL = 5000;
const LOAD_TIMEOUT = 3 * TIMEOUT;
const FILTERS = ['catalog', 'package', 'who', 'approval', 'review'];
const COLUMNS = ['name', 'package', 'catalog', 'who', 'approval', 'expiration', 'review', 'created', 'modified'];

/** The rendered rows (virtualized: only those in and near the viewport), with their ids and a few cells. */
async function renderedRows(page) {
  return page.locator(`${sel.table} ${sel.row}`).evaluateAll((els) =>
    els.map((el) => {
      const cell = (c) => el.querySelector(`[data-col=${c}]`)?.textContent.trim() ?? null;
      return { id: el.dataset.policyId, name: cell('name'), created: cell('created'), approval: cell('approval'), top: el.offsetTop };
    }),
  );
}

/** The id of the first row whose top edge is at or below the scroller's scrollTop (what the admin sees first). */
async function firstVisibleRowId(page) {
  return page.evaluate(({ scroller, row }) => {
    const s = document.querySelector(scroller);
    const top = s.getBoundingClientRect().top + (s.querySelector('thead')?.getBoundingClientRect().height ?? 0);
    const r = [...s.querySelectorAll(row)].find((el) => el.getBoundingClientRect().top >= top - 1);
    return r?.dataset.policyId ?? null;
  }, { scroller: sel.scroller, row: sel.row });
}

async function ariaSorts(page) {
  return page.locator(`${sel.table} th[data-col]`).evaluateAll((ths) => Object.fromEntries(ths.map((th) => [th.dataset.col, th.getAttribute('aria-sort')])));
}

function query(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

describe('policy list: URL state, reload, keyboard (large tenant)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'list-view',
    op: false,
    emulators: { main: { args: ['--tenant', 'large'] } },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  /** The tenant's policies with their package names, as the search sees them. */
  async function tenantPolicies(emu) {
    const t = await emu.tenant();
    const pkg = Object.fromEntries(t.accessPackages.map((a) => [a.id, a.displayName]));
    return t.assignmentPolicies.map((p) => ({
      id: p.id,
      created: p.createdDateTime,
      text: `${p.displayName}\n${p.description ?? ''}\n${pkg[p.accessPackage?.id] ?? ''}`.toLowerCase(),
    }));
  }

  it('a deep link shows the filtered, sorted view; a filter change and the scroll position survive a reload', async () =>
    (await harness()).run('list-deep-link', async (h) => {
      const { page } = h;
      const policies = await tenantPolicies(h.emu.main);
      assert.equal(policies.length, TOTAL);
      const partner = policies.filter((p) => p.text.includes('partner'));
      const partnerIds = new Set(partner.map((p) => p.id));
      const newestFirst = partner.map((p) => p.created.slice(0, 10)).sort().reverse();

      await page.goto(`${h.site.origin}/?q=partner&sort=created&dir=desc`);
      assert.equal(await waitListComplete(page, { total: TOTAL, timeout: LOAD_TIMEOUT }), `${partner.length} of ${TOTAL} policies`);
      assert.equal(await page.locator(sel.search).inputValue(), 'partner', 'the search box shows the linked search');
      const sorts = await ariaSorts(page);
      assert.equal(sorts.created, 'descending', 'Created is the sorted column, descending');
      for (const c of COLUMNS.filter((c) => c !== 'created')) assert.equal(sorts[c], 'none', `${c} is not sorted`);
      let rows = await renderedRows(page);
      assert.ok(rows.length > 10 && rows.length < 100, `virtualized: ${rows.length} rows rendered of ${partner.length}`);
      for (const r of rows) assert.ok(partnerIds.has(r.id), `row "${r.name}" (${r.id}) matches "partner"`);
      assert.deepEqual(rows.map((r) => r.created), newestFirst.slice(0, rows.length), 'newest first');
      assert.deepEqual(query(page), { q: 'partner', sort: 'created', dir: 'desc' }, 'the URL keeps the view');

      // a filter change goes to the URL (replaceState: no new history entry)
      const historyLength = await page.evaluate(() => history.length);
      await page.locator(sel.filter('approval')).selectOption('yes');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('approval') === 'yes');
      assert.deepEqual(query(page), { q: 'partner', approval: 'yes', sort: 'created', dir: 'desc' });
      assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState, not pushState');
      const filtered = (await page.locator(sel.count).textContent()).trim();
      const m = /^(\d+) of 5000 policies$/.exec(filtered);
      assert.ok(m && Number(m[1]) > 0 && Number(m[1]) < partner.length, `count after the filter: "${filtered}"`);
      rows = await renderedRows(page);
      for (const r of rows) assert.match(r.approval, /stage/, `row "${r.name}" needs approval`);
      assert.ok(await page.locator(sel.clearFilters).isVisible(), 'Clear filters is offered');

      // scroll the table, then reload
      const scrollTo = 40 * 100 + 17; // mid-row on purpose
      await page.locator(sel.scroller).evaluate((el, y) => el.scrollTo(0, y), scrollTo);
      await page.waitForFunction(({ s, y }) => document.querySelector(s).scrollTop === y, { s: sel.scroller, y: scrollTo });
      await page.waitForFunction(({ r }) => Number(document.querySelector(r)?.getAttribute('aria-rowcount')) > 0, { r: sel.table });
      await page.waitForTimeout(200); // the window follows the scroll event
      const topId = await firstVisibleRowId(page);
      assert.ok(topId && !rows.slice(0, 5).some((r) => r.id === topId), 'scrolling moved the rendered window');
      const saved = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
      console.log(`# sessionStorage after scrolling: ${saved}`);

      await page.reload();
      assert.equal(await waitListComplete(page, { total: TOTAL, timeout: LOAD_TIMEOUT }), filtered, 'the same filtered count');
      assert.deepEqual(query(page), { q: 'partner', approval: 'yes', sort: 'created', dir: 'desc' }, 'the URL kept the view');
      assert.equal(await page.locator(sel.search).inputValue(), 'partner');
      assert.equal(await page.locator(sel.filter('approval')).inputValue(), 'yes', 'the approval filter is kept');
      assert.equal((await ariaSorts(page)).created, 'descending', 'the sort is kept');
      await page
        .waitForFunction(({ s, y }) => Math.abs(document.querySelector(s).scrollTop - y) <= 1, { s: sel.scroller, y: scrollTo }, { timeout: TIMEOUT })
        .catch(async () => {
          throw new Error(`scroll position not restored: scrollTop ${await page.locator(sel.scroller).evaluate((el) => el.scrollTop)}, want ${scrollTo}`);
        });
      await page.waitForTimeout(200);
      assert.equal(await firstVisibleRowId(page), topId, 'the same row is at the top after the reload');

      // clearing the filters clears the URL's filters but keeps the sort
      await page.locator(sel.clearFilters).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
      assert.deepEqual(query(page), { sort: 'created', dir: 'desc' });
      assert.equal((await page.locator(sel.count).textContent()).trim(), `${TOTAL} policies`);
    }));

  it('reaches search, filters, sort buttons and the table with Tab; Enter and Space sort', async () =>
    (await harness()).run('list-keyboard', async (h) => {
      const { page } = h;
      await page.goto(`${h.site.origin}/`);
      await waitListComplete(page, { total: TOTAL, timeout: LOAD_TIMEOUT });
      await page.evaluate(() => document.activeElement?.blur());

      // Tab through the page from the top, recording what gets focus
      const seen = [];
      const outline = {};
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const [what, ring] = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return ['body', null];
          const style = getComputedStyle(el);
          const ring = el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          const th = el.closest('th[data-col]');
          if (th) return [`sort:${th.dataset.col}`, ring];
          if (el.matches('div.table-scroller')) return ['table-region', ring];
          return [el.dataset.testid || `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${(el.textContent || '').trim().slice(0, 30)}`, ring];
        });
        seen.push(what);
        outline[what] = ring;
        if (what === 'sort:modified') break;
      }
      console.log(`# Tab order: ${seen.join(' → ')}`);
      // the scrollable region (tabindex=0) wraps the table, so it comes before the header's sort buttons
      const want = ['search', ...FILTERS.map((f) => `filter-${f}`), 'table-region', ...COLUMNS.map((c) => `sort:${c}`)];
      const at = want.map((w) => seen.indexOf(w));
      for (const [i, w] of want.entries()) assert.ok(at[i] >= 0, `Tab reaches ${w} (order seen: ${seen.join(', ')})`);
      assert.deepEqual([...at].sort((a, b) => a - b), at, `in reading order: ${want.join(', ')}`);
      assert.deepEqual(seen.slice(at[0], at[at.length - 1] + 1), want, 'nothing unexpected in between');
      const noRing = want.filter((w) => !outline[w]);
      assert.deepEqual(noRing, [], 'every stop shows a focus outline (:focus-visible)');

      // Shift+Tab back to the Created sort button, then Enter: ascending; Space: descending
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.closest('th')?.dataset.col), 'created', 'Shift+Tab went back to Created');
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => document.querySelector(s).getAttribute('aria-sort') === 'ascending', sel.sortHeader('created'));
      assert.equal((await ariaSorts(page)).name, 'none', 'Name is no longer the sorted column');
      assert.equal(query(page).sort, 'created');
      let created = (await renderedRows(page)).map((r) => r.created);
      assert.deepEqual(created, [...created].sort(), 'rows oldest first');
      assert.equal(await page.evaluate(() => document.activeElement.closest('th')?.dataset.col), 'created', 'focus stays on the button');

      await page.keyboard.press('Space');
      await page.waitForFunction((s) => document.querySelector(s).getAttribute('aria-sort') === 'descending', sel.sortHeader('created'));
      assert.equal(query(page).dir, 'desc');
      created = (await renderedRows(page)).map((r) => r.created);
      assert.deepEqual(created, [...created].sort().reverse(), 'rows newest first');

      // the table region, focused, scrolls with the keyboard
      for (let i = 0; i < COLUMNS.indexOf('created') + 1; i++) await page.keyboard.press('Shift+Tab');
      assert.ok(await page.evaluate((s) => document.activeElement.matches(s), sel.scroller), 'Shift+Tab from the first sort button reaches the region');
      const region = page.locator(sel.scroller);
      assert.equal(await region.getAttribute('role'), 'region');
      assert.ok(await region.getAttribute('aria-label'), 'the region has a name');
      await page.keyboard.press('PageDown');
      await page.waitForFunction((s) => document.querySelector(s).scrollTop > 0, sel.scroller);
      await page.keyboard.press('End');
      await page.waitForFunction(({ s, n }) => document.querySelector(s).scrollTop > (n - 40) * 40, { s: sel.scroller, n: TOTAL });
      await page.waitForTimeout(200);
      const last = await renderedRows(page);
      const oldest = [...(await h.emu.main.tenant()).assignmentPolicies.map((p) => p.createdDateTime.slice(0, 10))].sort()[0];
      assert.equal(last[last.length - 1].created, oldest, 'End shows the last rows (the oldest, newest-first order)');

      // a filter with the keyboard: focus the Review select and pick "On" with the arrow keys
      await page.locator(sel.filter('review')).focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('review') === 'yes', null, { timeout: 5000 }).catch(async () => {
        throw new Error(`ArrowDown on the Review filter did not filter (value "${await page.locator(sel.filter('review')).inputValue()}", URL ${page.url()})`);
      });
      assert.match((await page.locator(sel.count).textContent()).trim(), /^\d+ of 5000 policies$/);
    }));

  // Regression tests for app bugs found while writing this suite.
  it('keeps keyboard focus in the toolbar after Clear filters', async () => {
    const { page, site } = await harness();
    await page.goto(`${site.origin}/?q=partner`);
    await waitListComplete(page, { total: TOTAL, timeout: LOAD_TIMEOUT });
    await page.locator(sel.clearFilters).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'focus is not lost');
  });

  it('keeps the scroll position on reload after a filter change that did not scroll', async () => {
    const { page, site } = await harness();
    await page.goto(`${site.origin}/?q=partner`);
    await waitListComplete(page, { total: TOTAL, timeout: LOAD_TIMEOUT });
    await page.locator(sel.scroller).evaluate((el) => el.scrollTo(0, 3000));
    await page.waitForFunction((s) => document.querySelector(s).scrollTop === 3000, sel.scroller);
    await page.locator(sel.filter('approval')).selectOption('yes');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('approval') === 'yes');
    const before = await page.locator(sel.scroller).evaluate((el) => el.scrollTop);
    await page.reload();
    await waitListComplete(page, { total: TOTAL, timeout: LOAD_TIMEOUT });
    await page.waitForTimeout(300);
    assert.equal(await page.locator(sel.scroller).evaluate((el) => el.scrollTop), before, 'what was on screen before the reload is on screen after it');
  });
});

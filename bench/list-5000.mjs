#!/usr/bin/env node
// Benchmark (prints figures; not a test, not run by `npm run e2e`): Policy Desk's list page against the emulator's
// large tenant (5,000 policies over 500 access packages), compared with bench/baseline.html, a minimal hand-written
// JavaScript page that GETs the same pages and appends a plain table row per policy.
//
//   ./scripts/build-site.sh --dist .tmp/dist-bench        # the release build (opt-level z, LTO, wasm-opt)
//   cargo build -p graph-emulator
//   SITE_DIR=.tmp/dist-bench node bench/list-5000.mjs     # options: --runs N (3), --page-sizes 100,999
//
// Per page size (the emulator's server-driven page size; the app sends no $top, so 999 is what a server that honours
// Prefer/odata.maxpagesize or $top=999 would give) and per page (Policy Desk in demo mode, baseline), N runs, each in
// a fresh browser context (cold HTTP cache, so the app's wasm download and compile count), same headless Chromium
// and flags as the e2e harness. Measured per run:
//   all rows     ms from navigation start until [data-testid=policy-count] reads "5000 policies" (no "more coming"),
//                seen by a MutationObserver installed before any page script; "painted" adds the next frame;
//   from 1st GET ms from the start of the first assignmentPolicies request to "all rows" (data handling only);
//   GETs/OPTIONS the emulator's request log (the app's client-request-id header needs a CORS preflight per page URL);
//   JS heap      V8 heap in use after a forced GC (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage); the
//                DOM lives in Blink's heap (Runtime.getHeapUsage's embedderHeapUsedSize), printed for reference;
//   wasm memory  the WebAssembly.Memory's buffer size (the wasm exports' `memory`, from Trunk's TrunkApplicationStarted
//                event; 0 for the baseline);
//   DOM nodes    elements in the document once loaded;
//   longest task the longest main-thread task (PerformanceObserver 'longtask', buffered) between the first Graph
//                request and "all rows", and the total blocking time (sum of task time over 50 ms) in that window;
//   frame gap    the longest gap between requestAnimationFrame callbacks in that window.
// The median of the runs is printed for each figure, then the ratio Policy Desk / baseline.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startSiteServer } from '../scripts/serve-site.mjs';
import { startEmulator, emulatorBin, siteDir } from '../tests/e2e/lib/processes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// the same flags as tests/e2e/lib/harness.mjs
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const TOTAL = 5000;
const LOAD_TIMEOUT_MS = 180_000;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const RUNS = Number(arg('runs', 3));
const PAGE_SIZES = String(arg('page-sizes', '100,999')).split(',').map(Number);

// Installed before any page script: the "all rows" detector and the responsiveness probes.
const PROBE = `(() => {
  const b = (window.__bench = { done: false, longtasks: [], frames: [] });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { b.longtaskError = String(e); }
  const frame = (t) => { b.frames.push(t); if (!b.done) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  addEventListener('TrunkApplicationStarted', (e) => { b.wasmMemory = e.detail && e.detail.wasm && e.detail.wasm.memory; b.appStartedAt = performance.now(); });
  const check = () => {
    if (b.done) return;
    const c = document.querySelector('[data-testid=policy-count]');
    const text = c ? c.textContent.replace(/\\s+/g, ' ').trim() : '';
    if (text === '${TOTAL} policies') {
      b.done = true;
      b.doneAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { b.paintedAt = performance.now(); }, 0));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();`;

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const MB = 1024 * 1024;
const FIGURES = [
  // key, label, unit, format
  ['allRowsMs', 'all 5000 rows (from navigation)', 'ms', (x) => x.toFixed(0)],
  ['paintedMs', 'all 5000 rows, painted', 'ms', (x) => x.toFixed(0)],
  ['fromFirstGetMs', 'all rows, from the 1st list GET', 'ms', (x) => x.toFixed(0)],
  ['gets', 'Graph GET requests', '', (x) => x.toFixed(0)],
  ['preflights', 'CORS preflights (OPTIONS)', '', (x) => x.toFixed(0)],
  ['jsHeapMB', 'JS heap used (after GC)', 'MB', (x) => x.toFixed(1)],
  ['wasmMB', 'wasm memory', 'MB', (x) => x.toFixed(1)],
  ['totalMB', 'JS heap + wasm memory', 'MB', (x) => x.toFixed(1)],
  ['blinkHeapMB', 'Blink (DOM) heap, for reference', 'MB', (x) => x.toFixed(1)],
  ['domNodes', 'DOM elements', '', (x) => x.toFixed(0)],
  ['longestTaskMs', 'longest main-thread task while loading', 'ms', (x) => x.toFixed(0)],
  ['tbtMs', 'total blocking time while loading', 'ms', (x) => x.toFixed(0)],
  ['maxFrameGapMs', 'longest frame gap while loading', 'ms', (x) => x.toFixed(0)],
];

async function measure(browser, url, emu) {
  await emu.clearRequests();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    // No context.route() here, unlike the e2e harness: Playwright's request interception changes what is measured
    // (Chromium then sends no CORS preflights and adds Cache-Control: no-cache). Demo mode talks to loopback only.
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.done && window.__bench.paintedAt, null, { timeout: LOAD_TIMEOUT_MS, polling: 250 }).catch(async (e) => {
      const count = await page.locator('[data-testid=policy-count]').first().textContent().catch(() => '?');
      throw new Error(`${url}: not all ${TOTAL} rows within ${LOAD_TIMEOUT_MS} ms (policy-count "${count}", page errors ${JSON.stringify(errors)}): ${e.message}`);
    });
    const r = await page.evaluate(() => {
      const b = window.__bench;
      const list = performance.getEntriesByType('resource').filter((e) => e.name.includes('/assignmentPolicies'));
      const firstGet = list.length ? Math.min(...list.map((e) => e.startTime)) : NaN;
      const inWindow = (t) => t >= firstGet && t <= b.doneAt;
      const tasks = b.longtasks.filter(([start, d]) => inWindow(start) || inWindow(start + d));
      let maxGap = 0;
      for (let i = 1; i < b.frames.length; i++) if (inWindow(b.frames[i])) maxGap = Math.max(maxGap, b.frames[i] - b.frames[i - 1]);
      return {
        allRowsMs: b.doneAt,
        paintedMs: b.paintedAt,
        fromFirstGetMs: b.doneAt - firstGet,
        wasmBytes: b.wasmMemory ? b.wasmMemory.buffer.byteLength : 0,
        domNodes: document.getElementsByTagName('*').length,
        longestTaskMs: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
        longestTaskAnyMs: b.longtasks.reduce((m, [, d]) => Math.max(m, d), 0),
        tbtMs: tasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
        maxFrameGapMs: maxGap,
        longtaskError: b.longtaskError,
        rowsInDom: document.querySelectorAll('[data-testid=policy-row]').length,
      };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const log = await emu.requests();
    const lists = log.filter((e) => /\/(assignmentPolicies|accessPackages)\/?$/.test(e.path));
    r.gets = lists.filter((e) => e.method === 'GET').length;
    r.preflights = log.filter((e) => e.method === 'OPTIONS').length;
    r.failedGets = lists.filter((e) => e.method === 'GET' && e.status !== 200).length;
    r.jsHeapMB = heap.usedSize / MB;
    // Blink's own (Oilpan) heap: where DOM nodes live; not part of the JS heap
    r.blinkHeapMB = typeof heap.embedderHeapUsedSize === 'number' ? heap.embedderHeapUsedSize / MB : NaN;
    r.wasmMB = r.wasmBytes / MB;
    r.totalMB = r.jsHeapMB + r.wasmMB;
    r.errors = errors;
    return r;
  } finally {
    await context.close();
  }
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}

async function main() {
  const site = siteDir();
  const wasm = fs.existsSync(site) ? fs.readdirSync(site).find((f) => f.endsWith('.wasm')) : null;
  if (!wasm) throw new Error(`no built site in ${site} (build the release site: ./scripts/build-site.sh --dist <dir>, then SITE_DIR=<dir>)`);
  const wasmSize = fs.statSync(path.join(site, wasm)).size;
  if (!fs.existsSync(emulatorBin())) throw new Error(`${emulatorBin()} missing: cargo build -p graph-emulator`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing (CHROMIUM_PATH)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const version = browser.version();
  console.log(`Policy Desk list benchmark: ${TOTAL} policies (emulator --tenant large), ${RUNS} runs each, median`);
  console.log(`site ${path.relative(process.cwd(), site) || site} (${wasm}: ${(wasmSize / 1024).toFixed(0)} KiB${wasmSize > 3 * MB ? ' — LOOKS LIKE A DEBUG BUILD, use scripts/build-site.sh' : ', release'}), Chromium ${version} headless, node ${process.version}`);
  console.log(`emulator ${path.relative(process.cwd(), emulatorBin())} (GRAPH_EMULATOR_BIN; a release build answers faster: cargo build --release -p graph-emulator)`);
  if (wasmSize > 3 * MB) console.log('WARNING: the wasm is over 3 MiB; the figures are not those of the release build.');

  const closers = [() => browser.close()];
  try {
    for (const pageSize of PAGE_SIZES) {
      const emu = await startEmulator({ args: ['--tenant', 'large', '--page-size', String(pageSize)], name: `emulator(page-size ${pageSize})`, timeoutMs: 60000 });
      closers.push(() => emu.close());
      const config = { mode: 'demo', graphBaseUrl: emu.graphBaseUrl };
      const app = await startSiteServer({ dir: site, port: 0, host: '127.0.0.1', configObject: config, quiet: true });
      const base = await startSiteServer({ dir: HERE, port: 0, host: '127.0.0.1', configObject: config, quiet: true });
      closers.push(() => app.close(), () => base.close());
      const targets = [
        ['Policy Desk', `http://localhost:${app.port}/`],
        ['baseline', `http://localhost:${base.port}/baseline.html`],
      ];
      const results = {};
      // warm-up (not counted): the OS file cache, the emulator's first answers
      for (const [, url] of targets) await measure(browser, url, emu);
      for (let run = 0; run < RUNS; run++) {
        // alternate, so that drift on a shared machine hits both alike
        for (const [name, url] of targets) {
          const r = await measure(browser, url, emu);
          (results[name] ||= []).push(r);
          if (r.errors.length || r.failedGets || (name === 'baseline' && r.rowsInDom !== TOTAL)) {
            console.log(`  ! ${name} run ${run + 1}: page errors ${JSON.stringify(r.errors)}, failed GETs ${r.failedGets}, rows in DOM ${r.rowsInDom}`);
          }
        }
      }
      const expectedPages = Math.ceil(TOTAL / pageSize);
      console.log(`\n== emulator page size ${pageSize} (${expectedPages} pages of the list) ==`);
      const rows = [['figure', 'Policy Desk', 'baseline', 'ratio PD/baseline', 'PD runs', 'baseline runs']];
      for (const [key, label, unit, fmt] of FIGURES) {
        const pd = median(results['Policy Desk'].map((r) => r[key]));
        const bl = median(results.baseline.map((r) => r[key]));
        const ratio = bl > 0 ? `${(pd / bl).toFixed(2)}x` : pd > 0 ? '(baseline 0)' : '-';
        const runs = (name) => results[name].map((r) => fmt(r[key])).join('/');
        rows.push([`${label}${unit ? ` (${unit})` : ''}`, fmt(pd), fmt(bl), ratio, runs('Policy Desk'), runs('baseline')]);
      }
      console.log(table(rows));
      const longestAny = (name) => median(results[name].map((r) => r.longestTaskAnyMs)).toFixed(0);
      console.log(`longest task anywhere (incl. start-up): Policy Desk ${longestAny('Policy Desk')} ms, baseline ${longestAny('baseline')} ms; rows in the DOM: Policy Desk ${results['Policy Desk'][0].rowsInDom} (virtualized), baseline ${results.baseline[0].rowsInDom}`);
      const lterr = results['Policy Desk'][0].longtaskError;
      if (lterr) console.log(`(longtask observer unavailable: ${lterr})`);
      await app.close();
      await base.close();
      await emu.close();
    }
  } finally {
    for (const c of closers.reverse()) await Promise.resolve().then(c).catch(() => {});
  }
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});

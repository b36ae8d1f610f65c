// Back from a policy's page to the list of 5,000 policies (emulator --tenant large), with the browser's
// back/forward cache on (as in real browsers) and off (every Back loads the list again from Graph).
//
//   ./scripts/build-site.sh --dist .tmp/dist-bench && cargo build --release -p graph-emulator
//   GRAPH_EMULATOR_BIN=target/release/graph-emulator SITE_DIR=.tmp/dist-bench node bench/back-to-list.mjs [--runs 3]
//
// Prints, per mode, the median time from the click on "Back to policies" until the list shows all 5,000
// policies, the Graph GETs that took, and whether the page was restored (its JavaScript state survived).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startSiteServer } from '../scripts/serve-site.mjs';
import { startEmulator, emulatorBin, siteDir } from '../tests/e2e/lib/processes.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TOTAL = 5000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
const ALL_ROWS = /^5,?000 policies$/;

async function backOnce(url, graphOrigin, bfcache) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    // Playwright turns the cache off by default; real browsers have it on.
    ignoreDefaultArgs: bfcache ? ['--disable-back-forward-cache'] : [],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let gets = 0;
    page.on('request', (r) => { if (r.url().startsWith(graphOrigin) && r.method() === 'GET') gets++; });
    const count = page.locator('[data-testid=policy-count]').filter({ hasText: ALL_ROWS });
    await page.goto(url);
    await count.waitFor({ timeout: 120000 });
    await page.evaluate(() => { window.__leftHere = true; });
    await page.locator('[data-testid=policy-link]').first().click();
    await page.locator('[data-testid=detail-page] h1').waitFor({ timeout: 60000 });
    const before = gets;
    const started = Date.now();
    await page.locator('[data-testid=back-to-policies]').click();
    await count.waitFor({ timeout: 120000 });
    const ms = Date.now() - started;
    const restored = await page.evaluate(() => window.__leftHere === true);
    return { ms, gets: gets - before, restored };
  } finally {
    await browser.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const site = siteDir();
if (!fs.existsSync(path.join(site, 'index.html'))) throw new Error(`no built site in ${site} (./scripts/build-site.sh --dist <dir>, then SITE_DIR=<dir>)`);
if (!fs.existsSync(emulatorBin())) throw new Error(`${emulatorBin()} missing: cargo build --release -p graph-emulator`);
const emu = await startEmulator({ args: ['--tenant', 'large'], name: 'emulator(large)', timeoutMs: 60000 });
const app = await startSiteServer({ dir: site, port: 0, host: '127.0.0.1', configObject: { mode: 'demo', graphBaseUrl: emu.graphBaseUrl }, quiet: true });
try {
  console.log(`Back to the list of ${TOTAL} policies; site ${path.relative(process.cwd(), site) || site}, ${RUNS} runs each, median`);
  const graphOrigin = new URL(emu.graphBaseUrl).origin;
  for (const bfcache of [true, false]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await backOnce(`http://localhost:${app.port}/`, graphOrigin, bfcache));
    console.log(`back/forward cache ${bfcache ? 'on ' : 'off'}: all ${TOTAL} rows back in ${median(runs.map((r) => r.ms))} ms ` +
      `(runs ${runs.map((r) => r.ms).join('/')}), Graph GETs ${median(runs.map((r) => r.gets))}, ` +
      `restored ${runs.filter((r) => r.restored).length}/${RUNS}`);
  }
} finally {
  await app.close();
  await emu.close();
}

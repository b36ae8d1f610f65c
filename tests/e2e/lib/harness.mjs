// Starts everything one e2e test file needs on loopback, and stops all of it at the end (also on failure):
//   temp dir + self-signed cert -> site server (http://localhost:<port>, config.json generated) ->
//   OpenID Connect provider (https://localhost:<port>) -> Graph emulator(s) -> Chromium (playwright-core).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startSiteServer } from '../../../scripts/serve-site.mjs';
import { startOp, GRAPH_SCOPES } from './op.mjs';
import { makeCert, startEmulator, requireBuilt, siteDir, OUTPUT_DIR } from './processes.mjs';

export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 20000);
/** Upper bound for one test file's suite, so that nothing can hang CI. */
export const SUITE_TIMEOUT = 12 * TIMEOUT;
const VERBOSE = process.env.E2E_VERBOSE === '1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The app's runtime config.json for MSAL sign-in against the local OP. */
export function msalConfig({ site, op, emulator, scopes = [GRAPH_SCOPES.read] }) {
  return {
    mode: 'msal',
    clientId: op.clientId,
    authority: op.issuer,
    knownAuthorities: [new URL(op.issuer).host],
    protocolMode: 'OIDC',
    redirectUri: `${site.root}/redirect.html`,
    postLogoutRedirectUri: `${site.root}/redirect.html`,
    graphBaseUrl: emulator.graphBaseUrl,
    scopes,
  };
}

/** The app's runtime config.json for the sample tenant (no sign-in). */
export function demoConfig({ emulator }) {
  return { mode: 'demo', graphBaseUrl: emulator.graphBaseUrl };
}

function stamp() {
  return new Date().toISOString().slice(11, 23);
}

/**
 * @param {object} o
 * @param {string} o.name                      label for the temp dir and the failure artifacts
 * @param {boolean} [o.op=true]                start the OpenID Connect provider
 * @param {Record<string, {issuer?: boolean, args?: string[]}>} [o.emulators]  emulators to start, by key;
 *        issuer: true passes --issuer <op> --ca-cert <cert.pem>
 * @param {(h: Harness) => object|null} [o.config]  config.json to serve (null: 404); default: none (404)
 * @param {boolean} [o.browser=true]
 * @param {boolean} [o.needsEmulator=true]     fail early when the emulator binary is missing
 * @param {string} [o.site]                    serve this folder instead of the built site ($SITE_DIR / dist)
 * @param {string} [o.siteBase='/']           the sub-path the site was built for (build-site.sh --public-url)
 */
export async function startHarness(o) {
  const h = new Harness(o);
  try {
    await h.start();
  } catch (e) {
    await h.saveArtifacts('startup').catch(() => {});
    await h.close();
    throw e;
  }
  return h;
}

/**
 * For a test file: start the harness before its tests, stop it after them. Returns `harness()`, which each test
 * awaits; if start-up failed, every test fails with that error (a failing before-hook would only "cancel" them).
 * @param {object | (() => object)} opts  startHarness options, or a function returning them (called in before())
 */
export function useHarness(opts) {
  let promise;
  before(() => {
    promise = Promise.resolve().then(() => startHarness(typeof opts === 'function' ? opts() : opts));
    promise.catch(() => {});
  });
  after(async () => {
    const h = await promise?.catch(() => null);
    await h?.close();
  });
  return async () => {
    if (!promise) throw new Error('harness not started');
    try {
      return await promise;
    } catch (e) {
      throw new Error(`e2e harness start-up failed: ${e.message}`, { cause: e });
    }
  };
}

export class Harness {
  constructor({ name, op = true, emulators = {}, config, browser = true, needsEmulator = true, site, siteBase }) {
    this.name = name;
    this.opts = { op, emulators, config, browser, needsEmulator, site, siteBase };
    this.logs = { browser: [], op: [] };
    this.emu = {};
    this.closers = [];
  }

  log(kind, line) {
    const entry = `${stamp()} ${line}`;
    (this.logs[kind] ||= []).push(entry);
  }

  async start() {
    requireBuilt({ site: !this.opts.site, emulator: this.opts.needsEmulator });
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `policy-desk-e2e-${this.name}-`));
    this.closers.push(async () => {
      if (process.env.E2E_KEEP_TMP !== '1') fs.rmSync(this.tmp, { recursive: true, force: true });
    });
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    // failure artifacts of an earlier run of this file would mislead: remove them
    for (const f of fs.readdirSync(OUTPUT_DIR)) if (f.startsWith(`${this.name}__`)) fs.rmSync(path.join(OUTPUT_DIR, f), { force: true });
    this.cert = makeCert(this.tmp);

    // 1. the site first (its origin is the OP client's redirect URI); config.json is set once all ports are known
    const site = await startSiteServer({ dir: this.opts.site || siteDir(), base: this.opts.siteBase || '/', port: 0, host: '127.0.0.1', configObject: null, quiet: true });
    this.closers.push(() => site.close());
    site.origin = `http://localhost:${site.port}`; // localhost: a secure context (crypto.subtle for PKCE)
    // Where the site lives, without a trailing slash: the origin, or the origin and its sub-path.
    site.root = `${site.origin}${(this.opts.siteBase || '/').replace(/\/+$/, '')}`;
    this.site = site;

    // 2. the OpenID Connect provider
    if (this.opts.op) {
      this.op = await startOp({ tls: this.cert, appRoots: [site.root], log: (l) => this.log('op', l) });
      this.closers.push(() => this.op.close());
    }

    // 3. the emulator(s)
    for (const [key, spec] of Object.entries(this.opts.emulators)) {
      const args = [...(spec.args || [])];
      if (spec.issuer) {
        if (!this.op) throw new Error('an emulator with issuer needs the OP');
        args.push('--issuer', this.op.issuer, '--ca-cert', this.cert.certPath);
      }
      const emu = await startEmulator({ args, name: `emulator:${key}` });
      this.closers.push(() => emu.close());
      this.emu[key] = emu;
    }

    // 4. config.json
    this.config = this.opts.config ? this.opts.config(this) : null;
    site.setConfig(this.config);

    // 5. the browser
    if (this.opts.browser) await this.launchBrowser();
  }

  async launchBrowser() {
    // A regular (persistent) profile in a fresh dir, third-party cookies allowed (cookie_controls_mode 0): MSAL's
    // hidden-iframe renewal needs the OP's SameSite=None cookie in a cross-site frame (MSAL-E2E.md pitfall 5).
    const profile = path.join(this.tmp, 'chromium-profile');
    fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    this.context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      // Playwright turns the back/forward cache off; real browsers have it, and the app relies on it
      // for an instant Back to the list (tests/e2e/back-forward.test.mjs).
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
      timeout: 30000,
    });
    // closed before the servers (closers run last-in first-out)
    this.closers.push(() => this.context.close().catch(() => {}));
    // loopback only: anything else (e.g. the web fonts the OP's dev pages import) is aborted, never looked up
    await this.context.route((url) => !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol), (route) => route.abort('blockedbyclient'));
    this.context.setDefaultTimeout(TIMEOUT);
    this.context.setDefaultNavigationTimeout(TIMEOUT);
    const wire = (p) => {
      const tag = () => {
        try {
          return new URL(p.url()).host || 'blank';
        } catch {
          return '?';
        }
      };
      p.on('console', (m) => {
        const line = `[console.${m.type()}] (${tag()}) ${m.text()}`;
        this.log('browser', line);
        if (VERBOSE && (m.type() === 'error' || m.type() === 'warning')) console.log(`[browser] ${line}`);
      });
      p.on('pageerror', (e) => {
        const line = `[pageerror] (${tag()}) ${e.stack || e.message}`;
        this.log('browser', line);
        if (VERBOSE) console.log(`[browser] ${line}`);
      });
      p.on('requestfailed', (r) => {
        const line = `[requestfailed] ${r.method()} ${r.url().slice(0, 200)} ${r.failure()?.errorText || ''}`;
        this.log('browser', line);
        if (VERBOSE && !String(r.failure()?.errorText).startsWith('net::ERR_BLOCKED_BY_CLIENT')) console.log(`[browser] ${line}`);
      });
      p.on('response', (r) => {
        if (r.status() >= 400) this.log('browser', `[http ${r.status()}] ${r.request().method()} ${r.url().slice(0, 200)}`);
      });
      p.on('framenavigated', (f) => {
        if (f === p.mainFrame()) this.log('browser', `[navigated] ${f.url().replace(/([#?]).*/, '$1…')}`);
      });
    };
    this.context.pages().forEach(wire);
    this.context.on('page', wire);
    this.recordGraphTraffic();
    this.page = this.context.pages()[0] || (await this.context.newPage());
  }

  /**
   * Record the browser's requests to the emulators (this.graph: method, url, authorization, status, response
   * headers, and the JSON body of error answers), to compare what the app sent and got with what it shows.
   */
  recordGraphTraffic() {
    this.graph = [];
    const byRequest = new Map();
    const isGraph = (url) => Object.values(this.emu).some((e) => url.startsWith(`${e.origin}/`));
    this.context.on('request', async (req) => {
      if (!isGraph(req.url()) || req.method() === 'OPTIONS') return;
      const entry = { method: req.method(), url: req.url(), at: Date.now() };
      byRequest.set(req, entry);
      this.graph.push(entry);
      entry.authorization = (await req.allHeaders().catch(() => ({}))).authorization;
    });
    this.context.on('response', async (res) => {
      const entry = byRequest.get(res.request());
      if (!entry) return;
      entry.status = res.status();
      entry.responseHeaders = await res.allHeaders().catch(() => res.headers());
      if (res.status() >= 400) {
        try {
          entry.body = await res.json();
        } catch {
          entry.body = null;
        }
      }
      entry.done = true;
    });
    this.context.on('requestfailed', (req) => {
      const entry = byRequest.get(req);
      if (entry) Object.assign(entry, { failed: req.failure()?.errorText || 'failed', done: true });
    });
  }

  /** The bearer token the app sent to Graph most recently (recorded from the browser's own request). */
  lastGraphToken() {
    for (let i = this.graph.length - 1; i >= 0; i--) {
      const m = /^Bearer\s+(\S+)$/.exec(this.graph[i].authorization || '');
      if (m) return m[1];
    }
    return null;
  }

  /** Wait (up to TIMEOUT) until the app has sent a bearer token to Graph; returns the most recent one. */
  async waitForGraphToken() {
    const end = Date.now() + TIMEOUT;
    for (;;) {
      const token = this.lastGraphToken();
      if (token) return token;
      if (Date.now() > end) throw new Error(`the app sent no bearer token to the Graph emulator within ${TIMEOUT} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Wait (up to TIMEOUT) until every recorded Graph call has its answer (status and error body) recorded. */
  async graphSettled() {
    const end = Date.now() + TIMEOUT;
    while (this.graph.some((g) => !g.done)) {
      if (Date.now() > end) throw new Error(`Graph calls still pending after ${TIMEOUT} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.graph;
  }

  /** Run one test body; on failure save screenshots, the browser console and the server logs, then rethrow. */
  async run(label, fn) {
    try {
      return await fn(this);
    } catch (e) {
      await this.saveArtifacts(label).catch((err) => console.error(`could not save artifacts: ${err.message}`));
      throw e;
    }
  }

  async saveArtifacts(label) {
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const base = path.join(OUTPUT_DIR, `${this.name}__${label.replace(/[^\w.-]+/g, '-')}`);
    const saved = [];
    if (this.context) {
      const pages = this.context.pages().filter((p) => !p.isClosed());
      for (const [i, p] of pages.entries()) {
        const file = `${base}-failure${pages.length > 1 ? `-${i}` : ''}.png`;
        try {
          await p.screenshot({ path: file, fullPage: true, timeout: 5000 });
          saved.push(file);
        } catch {
          /* the page may be gone */
        }
      }
    }
    const sections = [`# ${label} at ${new Date().toISOString()}`, `## browser (${this.page ? this.page.url?.() : 'no page'})`, ...this.logs.browser];
    sections.push('## config.json', JSON.stringify(this.config, null, 2));
    if (this.graph) {
      sections.push('## browser -> Graph emulator traffic');
      for (const g of this.graph) {
        const auth = g.authorization ? g.authorization.replace(/^(Bearer\s+\S{0,12})\S*/, '$1…') : 'no authorization';
        sections.push(`${g.method} ${g.url} [${auth}] -> ${g.status ?? g.failed ?? 'pending'} ${g.body ? JSON.stringify(g.body) : ''}`);
      }
    }
    sections.push('## op', ...this.logs.op);
    for (const [key, emu] of Object.entries(this.emu)) {
      sections.push(`## emulator ${key} ${emu.args.join(' ')}`, ...emu.output);
      try {
        sections.push(`## emulator ${key} /_emulator/requests`, JSON.stringify(await emu.requests(), null, 2));
      } catch (err) {
        sections.push(`(request log unavailable: ${err.message})`);
      }
    }
    fs.writeFileSync(`${base}-console.log`, `${sections.join('\n')}\n`);
    saved.push(`${base}-console.log`);
    console.log(`# failure artifacts: ${saved.join(', ')}`);
  }

  async close() {
    while (this.closers.length) {
      const c = this.closers.pop();
      try {
        await c();
      } catch (e) {
        console.error(`cleanup: ${e.message}`);
      }
    }
  }
}

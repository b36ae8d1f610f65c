// Child processes and local resources of one test run: the self-signed certificate and the Graph emulator.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'output');

export const HARNESS_HEADER = 'x-e2e-harness';
export const GRAPH_LIST_POLICIES = '/identityGovernance/entitlementManagement/assignmentPolicies';

/** The built site (Trunk's dist): $SITE_DIR (absolute, or relative to the repo root), default dist. */
export function siteDir() {
  return path.resolve(REPO_ROOT, process.env.SITE_DIR || 'dist');
}

/** $GRAPH_EMULATOR_BIN (absolute, or relative to the repo root), default target/debug/graph-emulator. */
export function emulatorBin() {
  return path.resolve(REPO_ROOT, process.env.GRAPH_EMULATOR_BIN || 'target/debug/graph-emulator');
}

/** Throws a readable error when the site or the emulator has not been built. */
export function requireBuilt({ site = true, emulator = true } = {}) {
  const missing = [];
  if (site && !fs.existsSync(path.join(siteDir(), 'index.html'))) {
    missing.push(`site: ${path.join(siteDir(), 'index.html')} not found (build it with trunk, or set SITE_DIR)`);
  }
  if (emulator && !fs.existsSync(emulatorBin())) {
    missing.push(`graph emulator: ${emulatorBin()} not found (cargo build -p graph-emulator, or set GRAPH_EMULATOR_BIN)`);
  }
  if (missing.length) throw new Error(`e2e prerequisites missing:\n  ${missing.join('\n  ')}`);
}

/**
 * A self-signed certificate for localhost + 127.0.0.1 (also a CA, so the emulator can trust it as its root).
 * @returns {{keyPath: string, certPath: string, key: string, cert: string}}
 */
export function makeCert(dir) {
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-keyout', keyPath, '-out', certPath, '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign',
      '-addext', 'extendedKeyUsage=serverAuth',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { keyPath, certPath, key: fs.readFileSync(keyPath, 'utf8'), cert: fs.readFileSync(certPath, 'utf8') };
}

// Every child still alive when this test process exits is killed (a crash or a hung test must not leave them).
const children = new Set();
function killChildren() {
  for (const c of children) {
    try {
      c.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', killChildren);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    killChildren();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[sig]);
  });
}

/**
 * Start the Graph emulator on a free loopback port.
 * @param {object} o
 * @param {string[]} o.args          extra arguments, e.g. ['--issuer', url, '--ca-cert', pem, '--page-size', '7']
 * @param {string} [o.name]          label for logs
 * @param {number} [o.timeoutMs]
 */
export async function startEmulator({ args = [], name = 'emulator', timeoutMs = 20000 } = {}) {
  const bin = emulatorBin();
  const fullArgs = ['--port', '0', ...args];
  const output = [];
  const child = spawn(bin, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    children.delete(child);
    output.push(`[exit] code=${code} signal=${signal}`);
    resolve({ code, signal });
  }));
  let resolveReady;
  let rejectReady;
  const ready = new Promise((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  const onLines = (stream, tag) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).replace(/\r$/, '');
        buf = buf.slice(i + 1);
        output.push(`[${tag}] ${line}`);
        if (process.env.E2E_VERBOSE === '1') console.log(`[${name}:${tag}] ${line}`);
        const m = tag === 'stdout' && /graph-emulator listening on (http:\/\/\S+)/.exec(line);
        if (m) resolveReady(m[1].replace(/\/+$/, ''));
      }
    });
  };
  onLines(child.stdout, 'stdout');
  onLines(child.stderr, 'stderr');
  child.once('error', (e) => rejectReady(new Error(`${name}: cannot start ${bin}: ${e.message}`)));
  exited.then(({ code, signal }) => rejectReady(new Error(`${name} exited before it was ready (code ${code}, signal ${signal}); output:\n${output.join('\n')}`)));
  const timer = setTimeout(() => rejectReady(new Error(`${name} did not print "graph-emulator listening on http://HOST:PORT" within ${timeoutMs} ms; output:\n${output.join('\n')}`)), timeoutMs);

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };

  let origin;
  try {
    origin = await ready;
  } catch (e) {
    await stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return new Emulator({ name, origin, args: fullArgs, output, stop });
}

/** Talks to a running emulator: its Graph API and its /_emulator test endpoints. */
export class Emulator {
  constructor({ name, origin, args, output, stop }) {
    this.name = name;
    this.origin = origin; // http://127.0.0.1:PORT
    this.graphBaseUrl = `${origin}/v1.0`;
    this.args = args;
    this.output = output;
    this.close = stop;
  }

  async fetchJson(url, { method = 'GET', token, headers = {}, body: requestBody } = {}) {
    const res = await fetch(url.startsWith('http') ? url : `${this.origin}${url}`, {
      method,
      body: requestBody,
      // tagged, so that the harness's own calls can be told apart from the app's in the emulator's request log
      headers: { accept: 'application/json', [HARNESS_HEADER]: '1', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      signal: AbortSignal.timeout(10000),
    });
    const text = await res.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, headers: Object.fromEntries(res.headers), body };
  }

  /** GET /_emulator/requests: the recorded requests, oldest first. */
  async requests() {
    const r = await this.fetchJson('/_emulator/requests');
    if (r.status !== 200 || !Array.isArray(r.body)) {
      throw new Error(`${this.name}: GET /_emulator/requests answered ${r.status} ${JSON.stringify(r.body).slice(0, 300)} (want 200 and a JSON array)`);
    }
    return r.body;
  }

  async clearRequests() {
    const r = await this.fetchJson('/_emulator/requests', { method: 'DELETE' });
    if (r.status >= 300) throw new Error(`${this.name}: DELETE /_emulator/requests answered ${r.status}`);
  }

  /**
   * POST /_emulator/faults: fault the next `count` matching requests (absent: until cleared).
   * @param {{match?: {method?: string, pathContains?: string, queryContains?: string}, count?: number, fault: object}} rule
   * @returns the stored rule (with its id)
   */
  async addFault(rule) {
    const r = await this.fetchJson('/_emulator/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
    if (r.status !== 201) throw new Error(`${this.name}: POST /_emulator/faults ${JSON.stringify(rule)} answered ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  }

  /** DELETE /_emulator/faults: no more faults. */
  async clearFaults() {
    const r = await this.fetchJson('/_emulator/faults', { method: 'DELETE' });
    if (r.status >= 300) throw new Error(`${this.name}: DELETE /_emulator/faults answered ${r.status}`);
  }

  async tenant() {
    const r = await this.fetchJson('/_emulator/tenant');
    if (r.status !== 200) throw new Error(`${this.name}: GET /_emulator/tenant answered ${r.status}`);
    return r.body;
  }

  /**
   * GET a Graph collection and follow @odata.nextLink to the end (at most 50 pages).
   * @returns {{items: object[], pages: number}}
   */
  async listAll(graphPath, { token } = {}) {
    let url = `${this.graphBaseUrl}${graphPath}`;
    const items = [];
    let pages = 0;
    while (url) {
      if (++pages > 50) throw new Error(`${this.name}: more than 50 pages from ${graphPath}`);
      const u = new URL(url);
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
        throw new Error(`${this.name}: @odata.nextLink leaves loopback: ${url}`);
      }
      const r = await this.fetchJson(url, { token });
      if (r.status !== 200 || !Array.isArray(r.body?.value)) {
        throw new Error(`${this.name}: GET ${url} answered ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
      }
      items.push(...r.body.value);
      url = r.body['@odata.nextLink'] || null;
    }
    return { items, pages };
  }
}

// ---- the emulator's request log ----

/** A header of a recorded request, whatever shape the log uses (object or [name, value] pairs), case-insensitive. */
export function headerOf(entry, name) {
  const h = entry?.headers;
  if (!h) return undefined;
  const want = name.toLowerCase();
  if (Array.isArray(h)) {
    for (const item of h) {
      if (Array.isArray(item) && String(item[0]).toLowerCase() === want) return String(item[1]);
      if (item && typeof item === 'object' && String(item.name ?? '').toLowerCase() === want) return String(item.value);
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(h)) {
    if (k.toLowerCase() === want) return Array.isArray(v) ? v.join(', ') : String(v);
  }
  return undefined;
}

/**
 * Parse the emulator's Authorization summary: `Bearer <redacted; iss=..., aud=..., scp=..., valid=true>`.
 * @returns {null | {iss?: string, aud?: string, scp?: string, valid?: boolean, raw: string}}
 */
export function parseAuthSummary(value) {
  if (!value) return null;
  const m = /^Bearer\s+<(.*)>\s*$/s.exec(String(value).trim());
  if (!m) return { raw: String(value) };
  const out = { raw: String(value) };
  // "redacted; iss=https://x, aud=https://graph.microsoft.com, scp=A B, valid=true"
  const body = m[1].replace(/^redacted;?\s*/, '');
  const re = /(\w+)=("([^"]*)"|(.*?))(?=,\s*\w+=|$)/gs;
  let mm;
  while ((mm = re.exec(body))) out[mm[1]] = mm[3] ?? mm[4].trim();
  if ('valid' in out) out.valid = out.valid === 'true';
  return out;
}

/** The recorded requests whose path is the assignment-policy list (any page). */
export function policyListRequests(log) {
  return log.filter((e) => String(e.method).toUpperCase() === 'GET' && /^(\/v1\.0)?\/identityGovernance\/entitlementManagement\/assignmentPolicies\/?(\?.*)?$/i.test(String(e.path)));
}

/** The recorded requests that the app (not the harness) made. */
export function appRequests(log) {
  return log.filter((e) => headerOf(e, HARNESS_HEADER) === undefined && !String(e.path).startsWith('/_emulator'));
}

#!/usr/bin/env node
// Static server for the built Policy Desk site (Trunk's dist/), no dependencies.
//
//   node scripts/serve-site.mjs --dir dist --port 8080 [--host 127.0.0.1] [--config path/to/config.json]
//                               [--base /desk/]
//
// - content types by extension (application/wasm for .wasm, so streaming compilation works);
// - page fallback: a path without a file extension that is not a file gets its page's HTML:
//   /policies/new -> create.html, /policies/{id} -> detail.html, anything else -> index.html;
// - /config.json comes from --config when given, else from the site folder, else 404;
// - Cache-Control: no-store for redirect.html and the MSAL redirect-bridge script (MSAL's v5 migration
//   guide asks for no-store on the bridge); no-cache (always revalidated, so a redeploy shows at once)
//   for the pages and config.json: no-store there would keep the browser from restoring the list
//   instantly on Back (its back/forward cache skips pages that are or fetched no-store);
// - --base: the sub-path the site was built for (build-site.sh --public-url /desk/); every path
//   above is then below it, and anything outside it is 404;
// - prints "site listening on http://HOST:PORT" once it accepts connections (port 0 = pick a free one).
//
// Tests use it in-process: `const site = await startSiteServer({ dir, port: 0, configObject })`.
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The HTML page that serves a client-side path (the rewrite rules a static host needs too). */
export function pageFor(urlPath) {
  const p = urlPath.replace(/\/+$/, '');
  if (p === '/policies/new') return 'create.html';
  if (/^\/policies\/[^/]+$/.test(p)) return 'detail.html';
  return 'index.html';
}

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function noStore(urlPath) {
  const base = path.posix.basename(urlPath).toLowerCase();
  return base === 'redirect.html' || base.includes('redirect-bridge');
}

async function statFile(file) {
  try {
    const st = await fsp.stat(file);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

/**
 * Start the static site server.
 * @param {object} opts
 * @param {string} opts.dir            folder to serve (Trunk's dist)
 * @param {number} [opts.port=8080]    0 picks a free port
 * @param {string} [opts.host='127.0.0.1']
 * @param {string} [opts.configPath]   file served as /config.json
 * @param {object|null} [opts.configObject] object served as /config.json; null = always 404
 * @param {string} [opts.base='/']     the sub-path the site is served under (its --public-url)
 * @param {boolean} [opts.quiet]       do not print the listening line
 * @returns {Promise<{server, host, port, url, setConfig(obj|null|undefined), close(): Promise<void>}>}
 */
export async function startSiteServer({ dir, port = 8080, host = '127.0.0.1', configPath, configObject, base = '/', quiet = false } = {}) {
  if (!dir) throw new Error('startSiteServer: dir is required');
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const root = path.resolve(dir);
  // config source: { kind: 'object', value } | { kind: 'file', file } | { kind: 'dir' }
  let config = { kind: 'dir' };
  const setConfig = (value) => {
    config = value === undefined ? { kind: 'dir' } : { kind: 'object', value };
  };
  if (configObject !== undefined) setConfig(configObject);
  else if (configPath) config = { kind: 'file', file: path.resolve(configPath) };

  const send = (req, res, status, headers, body) => {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const notFound = (req, res) => send(req, res, 404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, 'not found\n');

  async function serveFile(req, res, file, urlPath, st) {
    const headers = {
      'content-type': contentTypeFor(file),
      'content-length': String(st.size),
      'cache-control': noStore(urlPath) ? 'no-store' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  async function serveConfig(req, res) {
    const headers = { 'content-type': CONTENT_TYPES['.json'], 'cache-control': 'no-cache' };
    if (config.kind === 'object') {
      if (config.value === null) return notFound(req, res);
      return send(req, res, 200, headers, `${JSON.stringify(config.value, null, 2)}\n`);
    }
    const file = config.kind === 'file' ? config.file : path.join(root, 'config.json');
    const st = await statFile(file);
    if (!st) return notFound(req, res);
    return serveFile(req, res, file, '/config.json', st);
  }

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(req, res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'method not allowed\n');
      }
      let urlPath;
      try {
        urlPath = decodeURIComponent(new URL(req.url, 'http://site.invalid').pathname);
      } catch {
        return send(req, res, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'bad request\n');
      }
      // Below the sub-path, paths are the site's own (as at the root).
      if (`${urlPath}/` === prefix) urlPath = prefix;
      if (!urlPath.startsWith(prefix)) return notFound(req, res);
      urlPath = `/${urlPath.slice(prefix.length)}`;
      if (urlPath.includes('\0')) return notFound(req, res);
      if (urlPath === '/config.json') return await serveConfig(req, res);

      const file = path.resolve(root, `.${path.posix.normalize(urlPath)}`);
      if (file !== root && !file.startsWith(root + path.sep)) return notFound(req, res);
      let st = await statFile(file);
      if (st) return await serveFile(req, res, file, urlPath, st);
      // a folder with its own index.html
      const dirIndex = path.join(file, 'index.html');
      if (urlPath.endsWith('/') && (st = await statFile(dirIndex))) return await serveFile(req, res, dirIndex, urlPath, st);
      // Page fallback: no extension in the last segment -> the page's HTML (each page is its own
      // wasm bundle): /policies/new -> create.html, /policies/{id} -> detail.html, else index.html.
      if (path.posix.extname(urlPath) === '') {
        const page = pageFor(urlPath);
        const index = path.join(root, page);
        if ((st = await statFile(index))) return await serveFile(req, res, index, `/${page}`, st);
      }
      return notFound(req, res);
    } catch (err) {
      if (!res.headersSent) send(req, res, 500, { 'content-type': 'text/plain; charset=utf-8' }, 'internal error\n');
      else res.destroy();
      if (!quiet) console.error('[site] error', err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostForUrl}:${actualPort}`;
  if (!quiet) console.log(`site listening on ${url}`);
  return {
    server,
    host,
    port: actualPort,
    url,
    setConfig,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument: ${a}`);
    const [, key, inline] = m;
    if (key === 'help') {
      out.help = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    out[key] = value;
  }
  return out;
}

const USAGE = 'usage: node scripts/serve-site.mjs --dir dist --port 8080 [--host 127.0.0.1] [--config path/to/config.json] [--base /sub-path/]';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(args.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`bad --port: ${args.port}\n${USAGE}`);
    process.exit(2);
  }
  const dir = args.dir ?? 'dist';
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`site folder not found: ${dir}`);
    process.exit(1);
  }
  if (args.config && !fs.existsSync(args.config)) console.error(`warning: config file not found (yet): ${args.config}; /config.json answers 404 until it exists`);
  const site = await startSiteServer({ dir, port, host: args.host ?? '127.0.0.1', configPath: args.config, base: args.base ?? '/' });
  const stop = async () => {
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

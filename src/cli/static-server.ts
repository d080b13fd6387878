// Hand-written, not sirv: sirv serves symlinks that lead out of OUT, and in dev mode (to see rebuilds) dotfiles too.
/**
 * A small static file server for a built site: serves OUT under the site's base path, like a
 * real host (index.html for folders, 404.html with status 404). Used by `npm start` and tests.
 * Binds to loopback only. Like deploy/nginx.conf, it serves nothing hidden (a path segment
 * starting with a dot) and nothing whose real path leaves OUT (a symlink to /etc, say).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Headers for every response, or by path under the base (`guanli/main.js`): /guanli/ has its own CSP. */
export type ResponseHeaders =
  Readonly<Record<string, string>> | ((relativePath: string) => Readonly<Record<string, string>>);

/**
 * `headers` go with every response (the security headers for `npm start`; a test passes its own).
 */
export function createStaticServer(root: string, base = '/', headers: ResponseHeaders = {}): Server {
  return createServer((request, response) => {
    // Per request: a rebuild may replace OUT (or what a symlinked OUT points to) while serving.
    const realRoot = realRootOf(root);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const sent = typeof headers === 'function' ? headers(url.pathname.slice(base.length)) : headers;
    for (const [name, value] of Object.entries(sent)) response.setHeader(name, value);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    if (!pathname.startsWith(base)) {
      if (pathname === base.replace(/\/$/, '')) return redirect(response, base);
      return notFound(realRoot, response);
    }
    const relative = pathname.slice(base.length);
    const target = servedPath(realRoot, relative);
    if (target && statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(response, `${pathname}/${url.search}`);
      return send(servedPath(realRoot, join(relative, 'index.html')), realRoot, response);
    }
    return send(target, realRoot, response);
  });
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return resolve(root); // not built yet: every request gets the plain 404
  }
}

/**
 * The real path of `relative` under `realRoot`, or undefined when it does not exist, is hidden
 * (any segment starting with a dot, which also rules out `..`) or resolves outside the root.
 */
function servedPath(realRoot: string, relative: string): string | undefined {
  if (relative.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return undefined;
  let real: string;
  try {
    real = realpathSync(join(realRoot, relative));
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot + sep) ? real : undefined;
}

function send(file: string | undefined, realRoot: string, response: ServerResponse): void {
  const stats = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!file || !stats?.isFile()) return notFound(realRoot, response);
  response.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': stats.size,
  });
  stream(file, response);
}

function notFound(realRoot: string, response: ServerResponse): void {
  const page = servedPath(realRoot, '404.html');
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (page) stream(page, response);
  else response.end('404');
}

/** A file removed mid-response (a rebuild replacing OUT) ends the response, not the server. */
function stream(file: string, response: ServerResponse): void {
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { location });
  response.end();
}

/** Listen on the IPv4 and IPv6 loopback addresses; resolves with the bound servers. */
export async function listenOnLoopback(
  root: string,
  base: string,
  port: number,
  headers: ResponseHeaders = {},
): Promise<{ urls: string[]; close: () => Promise<void> }> {
  const servers: Server[] = [];
  const urls: string[] = [];
  for (const host of ['127.0.0.1', '::1']) {
    const server = createStaticServer(root, base, headers);
    const bound = await new Promise<number | undefined>((resolve) => {
      server.once('error', () => resolve(undefined));
      server.listen(port, host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : undefined);
      });
    });
    if (bound === undefined) continue; // e.g. a machine without IPv6: serve on the other one
    servers.push(server);
    urls.push(`http://${host.includes(':') ? `[${host}]` : host}:${bound}${base}`);
    port = bound; // the second address uses the same port as the first
  }
  if (!servers.length) throw new Error(`无法在本机端口 ${port} 上启动预览服务器（端口被占用？可用 --port 换一个）`);
  return { urls, close: async () => void (await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))) };
}

/**
 * A small static file server for a built site: serves OUT under the site's base path, like a
 * real host (index.html for folders, 404.html with status 404). Used by `npm start` and tests.
 * Binds to loopback only.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

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

export function createStaticServer(root: string, base = '/', headers: Record<string, string> = {}): Server {
  return createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    if (!pathname.startsWith(base)) {
      if (pathname === base.replace(/\/$/, '')) return redirect(response, base);
      return notFound(root, response);
    }
    const relative = pathname.slice(base.length);
    const target = normalize(join(root, relative));
    if (target !== root && !target.startsWith(root + sep)) return notFound(root, response);
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(response, `${pathname}/${url.search}`);
      return send(join(target, 'index.html'), root, response);
    }
    return send(target, root, response);
  });
}

function send(file: string, root: string, response: import('node:http').ServerResponse): void {
  if (!existsSync(file) || !statSync(file).isFile()) return notFound(root, response);
  response.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
  });
  createReadStream(file).pipe(response);
}

function notFound(root: string, response: import('node:http').ServerResponse): void {
  const page = join(root, '404.html');
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (existsSync(page)) createReadStream(page).pipe(response);
  else response.end('404');
}

function redirect(response: import('node:http').ServerResponse, location: string): void {
  response.writeHead(301, { location });
  response.end();
}

/** Listen on the IPv4 and IPv6 loopback addresses; resolves with the bound servers. */
export async function listenOnLoopback(
  root: string,
  base: string,
  port: number,
  headers: Record<string, string> = {},
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

/**
 * deploy/nginx.conf in Debian's nginx, over a built office site: the security headers and the
 * intended caching on every kind of file, hidden files and symlinks never served, the 404 page.
 * The test config is the deploy file with only listen, root and the server's own paths changed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SECURITY_HEADERS } from '../../src/domain/site/security-headers.ts';
import { ROOT, fixture, runScript, tempDir } from '../build/helpers.ts';

const NGINX = '/usr/sbin/nginx';
const HOSTS = ['127.0.0.1', '[::1]'];
const NO_CACHE = 'no-cache';
const YEAR = 'public, max-age=31536000, immutable';
const DAY = 'public, max-age=86400';

/** deploy/nginx.conf made runnable by an ordinary test: loopback port, the built site, a temp prefix. */
function testConfig(deployConf: string, port: number, site: string, prefix: string): string {
  const replaced = replaceOnce(
    replaceOnce(
      replaceOnce(deployConf, 'listen [::]:80;', `listen [::1]:${port};`),
      'listen 80;',
      `listen 127.0.0.1:${port};`,
    ),
    'root /var/www/gongkai;',
    `root ${site};`,
  );
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (name) => `${name}_temp_path ${join(prefix, name)};`,
  );
  return [
    // Root's worker would run as nobody, who cannot enter the test's private temp folders.
    process.getuid?.() === 0 ? 'user root;' : '',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')};`,
    'events { worker_connections 64; }',
    'http {',
    '    access_log off;',
    ...temp.map((line) => `    ${line}`),
    replaced,
    '}',
  ].join('\n');
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `deploy/nginx.conf should contain "${from}" once`);
  return text.replace(from, () => to);
}

/** A port free on both loopback addresses (nginx listens on the two). */
async function freePort(): Promise<number> {
  const listen = (port: number, host: string) =>
    new Promise<ReturnType<typeof createServer> | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, host, () => resolve(server));
    });
  for (let attempt = 0; attempt < 20; attempt++) {
    const v4 = await listen(0, '127.0.0.1');
    const port = (v4?.address() as { port: number }).port;
    const v6 = await listen(port, '::1');
    await Promise.all([v4, v6].map((s) => new Promise((r) => (s ? s.close(r) : r(undefined)))));
    if (v6) return port;
  }
  throw new Error('no port free on both 127.0.0.1 and ::1');
}

/** Files a careless upload could leave in the served folder, and links out of it. */
function plantHiddenFilesAndLinks(site: string, outside: string): void {
  mkdirSync(join(site, '.git'));
  writeFileSync(join(site, '.git/config'), '[core] secret-git');
  writeFileSync(join(site, '.env'), 'PASSWORD=secret-env');
  writeFileSync(join(site, 'attachments/.secret'), 'secret-attachment');
  mkdirSync(join(site, '.well-known/acme-challenge'), { recursive: true });
  writeFileSync(join(site, '.well-known/acme-challenge/token1'), 'acme-token');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'secret-outside');
  symlinkSync(join(outside, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(outside, join(site, 'etc'));
}

async function startNginx(conf: string, prefix: string): Promise<ChildProcess> {
  const confFile = join(prefix, 'nginx.conf');
  writeFileSync(confFile, conf);
  const nginx = spawn(
    NGINX,
    ['-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-c', confFile, '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  nginx.stderr!.on('data', (chunk) => (stderr += chunk));
  // A failed assertion or a crash of this process must not leave nginx running.
  process.once('exit', () => nginx.kill('SIGTERM'));
  const port = /listen 127\.0\.0\.1:(\d+);/.exec(conf)![1];
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (nginx.exitCode !== null) break;
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      return nginx;
    await new Promise((r) => setTimeout(r, 50));
  }
  nginx.kill('SIGTERM');
  const log = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
  throw new Error(`nginx did not start:\n${stderr}\n${log}`);
}

async function stopNginx(nginx: ChildProcess | undefined): Promise<void> {
  if (!nginx || nginx.exitCode !== null || nginx.signalCode !== null) return;
  const exited = new Promise((resolve) => nginx.once('exit', resolve));
  nginx.kill('SIGTERM'); // fast shutdown: the master stops its workers, then exits
  await exited;
}

function assertSecurityHeaders(response: Response, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    assert.equal(response.headers.get(name), value, `${what}: ${name}`);
}

describe('deploy/nginx.conf in nginx', () => {
  const dir = tempDir('nginx');
  const site = join(dir, 'dist');
  const prefix = join(dir, 'nginx');
  let nginx: ChildProcess | undefined;
  let port = 0;
  let notFoundPage = '';

  before(async () => {
    assert.ok(
      existsSync(NGINX),
      `${NGINX} not found: the deploy config is tested in a real nginx; install it with: apt-get install nginx`,
    );
    const built = runScript('build', ['--content', fixture('office'), '--out', site]);
    assert.equal(built.status, 0, built.stderr);
    plantHiddenFilesAndLinks(site, join(dir, 'outside'));
    notFoundPage = readFileSync(join(site, '404.html'), 'utf8');
    mkdirSync(prefix);
    port = await freePort();
    nginx = await startNginx(
      testConfig(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8'), port, site, prefix),
      prefix,
    );
  });
  after(async () => {
    await stopNginx(nginx);
    rmSync(dir, { recursive: true, force: true });
  });

  const first = (folder: string, pattern: RegExp) =>
    readdirSync(join(site, folder)).find((name) => pattern.test(name))!;

  for (const host of HOSTS) {
    const get = (path: string) => fetch(`http://${host}:${port}${path}`, { redirect: 'manual' });

    describe(`over ${host}`, () => {
      test('the home page comes with the CSP, nosniff and Referrer-Policy, revalidated every time', async () => {
        const response = await get('/');
        assert.equal(response.status, 200);
        assertSecurityHeaders(response, '/');
        assert.equal(response.headers.get('cache-control'), NO_CACHE);
      });

      test('every kind of file keeps the security headers, each with its own caching', async () => {
        const files: [string, string, string][] = [
          ['/xxgk/114400001234567890-2024-00001/', NO_CACHE, 'text/html'],
          ['/attachments/2022/yusuan.pdf', DAY, 'application/pdf'],
          [`/_assets/${first('_assets', /\.css$/)}`, YEAR, 'text/css'],
          [`/pagefind/index/${first('pagefind/index', /\.pf_index$/)}`, YEAR, 'application/octet-stream'],
          [`/pagefind/fragment/${first('pagefind/fragment', /\.pf_fragment$/)}`, YEAR, 'application/octet-stream'],
          ['/pagefind/pagefind.js', NO_CACHE, 'text/javascript'],
          ['/pagefind/pagefind-entry.json', NO_CACHE, 'application/json'],
          ['/sw.js', NO_CACHE, 'text/javascript'],
          ['/offline-manifest.json', NO_CACHE, 'application/json'],
        ];
        for (const [path, cacheControl, type] of files) {
          const response = await get(path);
          assert.equal(response.status, 200, path);
          assertSecurityHeaders(response, path);
          assert.equal(response.headers.get('cache-control'), cacheControl, path);
          assert.ok(
            response.headers.get('content-type')?.startsWith(type),
            `${path}: ${response.headers.get('content-type')}`,
          );
          await response.arrayBuffer();
        }
      });

      test('hidden files and folders give the 404 page and reveal nothing', async () => {
        for (const path of [
          '/.git/config',
          '/.env',
          '/attachments/.secret',
          '/%2egit/config',
          '/attachments/%2Esecret',
          '/.well-known/.env',
        ]) {
          const response = await get(path);
          assert.equal(response.status, 404, path);
          assert.equal(await response.text(), notFoundPage, path);
          assertSecurityHeaders(response, path);
        }
      });

      test('/.well-known/ stays open for ACME challenges', async () => {
        const response = await get('/.well-known/acme-challenge/token1');
        assert.equal(response.status, 200);
        assert.equal(await response.text(), 'acme-token');
      });

      test('a symlink to a file or folder outside the site is not followed', async () => {
        for (const path of ['/leak.txt', '/etc/secret.txt']) {
          const response = await get(path);
          assert.equal(response.status, 404, path);
          assert.ok(!(await response.text()).includes('secret-outside'), path);
        }
      });

      test('an unknown address gives the 404 page with status 404, not cached', async () => {
        const response = await get('/nope/');
        assert.equal(response.status, 404);
        assert.equal(await response.text(), notFoundPage);
        assertSecurityHeaders(response, '/nope/');
        assert.equal(response.headers.get('cache-control'), NO_CACHE);
      });
    });
  }
});

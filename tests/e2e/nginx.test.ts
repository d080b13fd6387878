/**
 * deploy/nginx.conf in Debian's nginx, over a built office site, with a self-signed certificate:
 * - `nginx -t` accepts the file as shipped (only the certificate paths changed);
 * - HTTPS on IPv6 and IPv4 (TLS 1.3 and 1.2): HSTS and the security headers on every kind of file,
 *   each with its intended caching; hidden files and symlinks never served; the 404 page; gzip;
 * - HTTP: a 301 to the same address over HTTPS, except ACME challenges, served from their folder.
 * The running config is the deploy file with only listen, root, the certificate and the server's
 * own paths changed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { SecureVersion, TLSSocket } from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from '../../src/domain/site/security-headers.ts';
import { ROOT, fixture, runScript, tempDir } from '../build/helpers.ts';

const NGINX = '/usr/sbin/nginx';
const HOSTS = ['127.0.0.1', '::1'];
const NO_CACHE = 'no-cache';
const YEAR = 'public, max-age=31536000, immutable';
const DAY = 'public, max-age=86400';
/** Every HTTPS response: the site's security headers and HSTS (a year, no includeSubDomains, no preload). */
const HTTPS_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Strict-Transport-Security': 'max-age=31536000',
};

/** The placeholders of deploy/nginx.conf that the test replaces. */
const SHIPPED = {
  certificate: 'ssl_certificate /etc/nginx/ssl/gk.example.gov.cn/fullchain.pem;',
  key: 'ssl_certificate_key /etc/nginx/ssl/gk.example.gov.cn/privkey.pem;',
  https: ['listen [::]:443 ssl;', 'listen 443 ssl;'],
  http: ['listen [::]:80;', 'listen 80;'],
  root: 'root /var/www/gongkai;',
  acme: 'root /var/www/acme;',
};

interface Certificate {
  certificate: string;
  key: string;
}

interface Served extends Certificate {
  site: string;
  acme: string;
  httpPort: number;
  httpsPort: number;
}

/** Why the test cannot run here, or undefined: it needs nginx and openssl. */
function missingTools(): string | undefined {
  const missing = [
    existsSync(NGINX) ? '' : 'nginx',
    spawnSync('openssl', ['version']).status === 0 ? '' : 'openssl',
  ].filter(Boolean);
  if (!missing.length) return undefined;
  return (
    `${missing.join(' and ')} not found: deploy/nginx.conf is tested in a real nginx with a self-signed ` +
    `certificate; install with: apt-get install ${missing.join(' ')}`
  );
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `deploy/nginx.conf should contain "${from}" once`);
  return text.replace(from, () => to);
}

/** deploy/nginx.conf with the certificate lines pointing at the test's own. */
function withCertificate(deployConf: string, { certificate, key }: Certificate): string {
  return replaceOnce(
    replaceOnce(deployConf, SHIPPED.certificate, `ssl_certificate ${certificate};`),
    SHIPPED.key,
    `ssl_certificate_key ${key};`,
  );
}

/** …and listening on loopback ports only, serving the test's folders. */
function servedConfig(deployConf: string, served: Served): string {
  const replacements: [string, string][] = [
    [SHIPPED.https[0]!, `listen [::1]:${served.httpsPort} ssl;`],
    [SHIPPED.https[1]!, `listen 127.0.0.1:${served.httpsPort} ssl;`],
    [SHIPPED.http[0]!, `listen [::1]:${served.httpPort};`],
    [SHIPPED.http[1]!, `listen 127.0.0.1:${served.httpPort};`],
    [SHIPPED.root, `root ${served.site};`],
    [SHIPPED.acme, `root ${served.acme};`],
  ];
  return replacements.reduce((conf, [from, to]) => replaceOnce(conf, from, to), withCertificate(deployConf, served));
}

/** The deploy file inside http {}, as on a server, with everything nginx writes in a temp prefix. */
function mainConfig(serverConf: string, prefix: string): string {
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
    serverConf,
    '}',
  ].join('\n');
}

/** Writes the config into prefix; nginx's arguments to use it, logging there from the start. */
function configArgs(conf: string, prefix: string): string[] {
  mkdirSync(prefix, { recursive: true });
  const confFile = join(prefix, 'nginx.conf');
  writeFileSync(confFile, conf);
  return ['-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-c', confFile];
}

/** A self-signed certificate for localhost, 127.0.0.1 and ::1, valid for a day. */
function makeCertificate(dir: string): Certificate & { pem: string } {
  mkdirSync(dir);
  const certificate = join(dir, 'fullchain.pem');
  const key = join(dir, 'privkey.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-days',
      '1',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
      '-keyout',
      key,
      '-out',
      certificate,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(made.status, 0, `openssl req failed:\n${made.stderr}`);
  return { certificate, key, pem: readFileSync(certificate, 'utf8') };
}

/** Two different ports, each free on both loopback addresses (nginx listens on the two). */
async function freePorts(): Promise<[number, number]> {
  const listen = (port: number, host: string) =>
    new Promise<ReturnType<typeof createServer> | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, host, () => resolve(server));
    });
  const ports: number[] = [];
  for (let attempt = 0; attempt < 40 && ports.length < 2; attempt++) {
    const v4 = await listen(0, '127.0.0.1');
    const port = (v4?.address() as { port: number }).port;
    const v6 = await listen(port, '::1');
    await Promise.all([v4, v6].map((s) => new Promise((r) => (s ? s.close(r) : r(undefined)))));
    if (v6 && !ports.includes(port)) ports.push(port);
  }
  if (ports.length < 2) throw new Error('no two ports free on both 127.0.0.1 and ::1');
  return [ports[0]!, ports[1]!];
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The TLS version negotiated, or undefined over HTTP. */
  tls: string | undefined;
}

interface RequestOptions {
  headers?: Record<string, string>;
  /** The CA the HTTPS client trusts (the test's self-signed certificate). */
  ca?: string;
  maxVersion?: SecureVersion;
}

/** One GET over a fresh connection; the path is sent exactly as written (`/%2egit/config`). */
function request(
  scheme: 'http' | 'https',
  host: string,
  port: number,
  path: string,
  { headers = {}, ca, maxVersion }: RequestOptions = {},
): Promise<Reply> {
  const client = scheme === 'https' ? https : http;
  return new Promise((resolve, reject) => {
    const sent = client.request({ host, port, path, headers, agent: false, ca, maxVersion }, (response) => {
      const tls = scheme === 'https' ? ((response.socket as TLSSocket).getProtocol() ?? undefined) : undefined;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks), tls }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
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

async function startNginx(conf: string, prefix: string, httpPort: number): Promise<ChildProcess> {
  const nginx = spawn(NGINX, [...configArgs(conf, prefix), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  nginx.stderr!.on('data', (chunk) => (stderr += chunk));
  // A failed assertion or a crash of this process must not leave nginx running.
  process.once('exit', () => nginx.kill('SIGTERM'));
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (nginx.exitCode !== null) break;
    // nginx opens all its listening sockets before it answers on any.
    if (
      await request('http', '127.0.0.1', httpPort, '/').then(
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

function assertHeaders(reply: Reply, expected: Readonly<Record<string, string>>, what: string): void {
  for (const [name, value] of Object.entries(expected))
    assert.equal(reply.headers[name.toLowerCase()], value, `${what}: ${name}`);
}

const missing = missingTools();
if (missing) test('deploy/nginx.conf in nginx', (t) => t.skip(missing));
else
  describe('deploy/nginx.conf in nginx', () => {
    const dir = tempDir('nginx');
    const site = join(dir, 'dist');
    const acme = join(dir, 'acme');
    const deployConf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
    const serverName = /^\s*server_name (\S+);/m.exec(deployConf)![1]!;
    let certificate: ReturnType<typeof makeCertificate>;
    let nginx: ChildProcess | undefined;
    let httpPort = 0;
    let httpsPort = 0;
    let notFoundPage = '';

    before(async () => {
      const built = runScript('build', ['--content', fixture('office'), '--out', site]);
      assert.equal(built.status, 0, built.stderr);
      plantHiddenFilesAndLinks(site, join(dir, 'outside'));
      mkdirSync(join(acme, '.well-known/acme-challenge'), { recursive: true });
      writeFileSync(join(acme, '.well-known/acme-challenge/token2'), 'acme-token-from-its-folder');
      notFoundPage = readFileSync(join(site, '404.html'), 'utf8');
      certificate = makeCertificate(join(dir, 'tls'));
      [httpPort, httpsPort] = await freePorts();
      const conf = servedConfig(deployConf, { ...certificate, site, acme, httpPort, httpsPort });
      nginx = await startNginx(mainConfig(conf, join(dir, 'nginx')), join(dir, 'nginx'), httpPort);
    });
    after(async () => {
      await stopNginx(nginx);
      rmSync(dir, { recursive: true, force: true });
    });

    test('nginx -t accepts the file as shipped, with only the certificate paths changed', () => {
      const prefix = join(dir, 'nginx-t');
      const checked = spawnSync(
        NGINX,
        ['-t', ...configArgs(mainConfig(withCertificate(deployConf, certificate), prefix), prefix)],
        {
          encoding: 'utf8',
        },
      );
      const output = checked.stdout + checked.stderr;
      assert.equal(checked.status, 0, output);
      assert.match(output, /test is successful/);
      assert.doesNotMatch(output, /\[(warn|emerg|alert|crit|error)\]/, output);
    });

    const first = (folder: string, pattern: RegExp) =>
      readdirSync(join(site, folder)).find((name) => pattern.test(name))!;

    for (const host of HOSTS) {
      const get = (path: string, options: Omit<RequestOptions, 'ca'> = {}) =>
        request('https', host, httpsPort, path, { ...options, ca: certificate.pem });
      const getHttp = (path: string) => request('http', host, httpPort, path);

      describe(`HTTPS over ${host}`, () => {
        test('the home page comes with HSTS, the CSP, nosniff and Referrer-Policy, revalidated every time', async () => {
          const reply = await get('/');
          assert.equal(reply.status, 200);
          assert.equal(reply.tls, 'TLSv1.3');
          assertHeaders(reply, HTTPS_HEADERS, '/');
          assert.equal(reply.headers['cache-control'], NO_CACHE);
          assert.equal(reply.headers.server, 'nginx', 'the Server header names no version');
        });

        test('TLS 1.2 clients are served too', async () => {
          const reply = await get('/', { maxVersion: 'TLSv1.2' });
          assert.equal(reply.status, 200);
          assert.equal(reply.tls, 'TLSv1.2');
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
            const reply = await get(path);
            assert.equal(reply.status, 200, path);
            assertHeaders(reply, HTTPS_HEADERS, path);
            assert.equal(reply.headers['cache-control'], cacheControl, path);
            assert.ok(reply.headers['content-type']?.startsWith(type), `${path}: ${reply.headers['content-type']}`);
          }
        });

        test('HTML is compressed with gzip when the browser asks for it, and only then', async () => {
          const path = '/xxgk/114400001234567890-2024-00001/';
          const file = readFileSync(join(site, path, 'index.html'));
          const gzipped = await get(path, { headers: { 'Accept-Encoding': 'gzip' } });
          assert.equal(gzipped.status, 200);
          assert.equal(gzipped.headers['content-encoding'], 'gzip');
          assert.match(gzipped.headers.vary ?? '', /Accept-Encoding/);
          assert.ok(gzipped.body.length < file.length / 2, `${gzipped.body.length} of ${file.length} bytes`);
          assert.deepEqual(gunzipSync(gzipped.body), file);
          assertHeaders(gzipped, HTTPS_HEADERS, path);
          const plain = await get(path);
          assert.equal(plain.headers['content-encoding'], undefined);
          assert.deepEqual(plain.body, file);
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
            const reply = await get(path);
            assert.equal(reply.status, 404, path);
            assert.equal(reply.body.toString('utf8'), notFoundPage, path);
            assertHeaders(reply, HTTPS_HEADERS, path);
          }
        });

        test('/.well-known/ in the site folder stays open', async () => {
          const reply = await get('/.well-known/acme-challenge/token1');
          assert.equal(reply.status, 200);
          assert.equal(reply.body.toString('utf8'), 'acme-token');
        });

        test('a symlink to a file or folder outside the site is not followed', async () => {
          for (const path of ['/leak.txt', '/etc/secret.txt']) {
            const reply = await get(path);
            assert.equal(reply.status, 404, path);
            assert.ok(!reply.body.toString('utf8').includes('secret-outside'), path);
          }
        });

        test('an unknown address gives the 404 page with status 404, not cached', async () => {
          const reply = await get('/no-such-page/');
          assert.equal(reply.status, 404);
          assert.equal(reply.body.toString('utf8'), notFoundPage);
          assertHeaders(reply, HTTPS_HEADERS, '/no-such-page/');
          assert.equal(reply.headers['cache-control'], NO_CACHE);
        });
      });

      describe(`HTTP over ${host}`, () => {
        test('every address is sent to the same path and query over HTTPS with a 301, without HSTS', async () => {
          for (const path of [
            '/',
            '/xxgk/114400001234567890-2024-00001/',
            '/search/?q=%E6%98%A5%E8%80%95&page=2',
            '/no-such-page/',
            '/.git/config',
            '/.well-known/security.txt',
            '/.well-known/acme-challenge',
          ]) {
            const reply = await getHttp(path);
            assert.equal(reply.status, 301, path);
            assert.equal(reply.headers.location, `https://${serverName}${path}`, path);
            assert.equal(reply.headers['strict-transport-security'], undefined, path);
          }
        });

        test('ACME challenges are served from their own folder, not redirected', async () => {
          const reply = await getHttp('/.well-known/acme-challenge/token2');
          assert.equal(reply.status, 200);
          assert.equal(reply.body.toString('utf8'), 'acme-token-from-its-folder');
          assert.match(reply.headers['content-type'] ?? '', /^text\/plain/);
          // The site folder's own .well-known is not where they are looked for.
          assert.equal((await getHttp('/.well-known/acme-challenge/token1')).status, 404);
        });
      });
    }
  });

/**
 * npm run deploy to S3-compatible object storage, against a real S3 server on 127.0.0.1
 * (s3rver, speaking the S3 API as OSS, COS, OBS and MinIO do): the office fixture is built once,
 * deployed, deployed again unchanged, and deployed after a notice is removed and the site rebuilt.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import { join } from 'node:path';
import S3rver from 's3rver';
import { SITE_MARKER } from '../../src/build/out/out-site.ts';
import { listSiteFiles } from '../../src/deploy/site-files.ts';
import { ROOT, fixture, runAsync, runScript, tempDir, type Run } from '../build/helpers.ts';

const BUCKET = 'gk-site';
const PREFIX = 'gk/';
/** s3rver's fixed account. */
const KEYS = { GONGKAI_S3_ACCESS_KEY_ID: 'S3RVER', GONGKAI_S3_SECRET_ACCESS_KEY: 'S3RVER' };
const YEAR = 'public, max-age=31536000, immutable';
const DAY = 'public, max-age=86400';
const REMOVED_PAGE = `${PREFIX}xxgk/114400001234567890-2024-00002/index.html`;

/** `npm run deploy` as a child process: the S3 server runs in this one, so never spawnSync. */
function deploy(cwd: string, args: string[], env: Record<string, string> = KEYS): Promise<Run> {
  return runAsync(process.execPath, [join(ROOT, 'src/cli/deploy.ts'), ...args], {
    cwd,
    env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', ...env },
  });
}

describe('npm run deploy to S3-compatible object storage', () => {
  const dir = tempDir('deploy-s3');
  const content = join(dir, 'content');
  const out = join(dir, 'dist');
  let server: S3rver | undefined;
  let endpoint = '';
  /** Every put and delete the server saw, in order: `put key` / `delete key`. */
  const events: string[] = [];

  before(async () => {
    cpSync(fixture('office'), content, { recursive: true });
    const built = runScript('build', ['--content', content, '--out', out]);
    assert.equal(built.status, 0, built.stderr);
    mkdirSync(join(dir, 's3'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: join(dir, 's3'),
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const address = await server.run();
    endpoint = `http://127.0.0.1:${address.port}`;
    (server as unknown as EventEmitter).on(
      'event',
      (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
        for (const record of event.Records)
          events.push(
            `${record.eventName.startsWith('ObjectRemoved') ? 'delete' : 'put'} ${decodeURIComponent(record.s3.object.key)}`,
          );
      },
    );
    writeFileSync(
      join(dir, 'deploy.yaml'),
      [
        '测试存储:',
        '  类型: s3',
        `  端点: ${endpoint}`,
        '  区域: cn-hangzhou',
        `  存储桶: ${BUCKET}`,
        `  前缀: ${PREFIX}`,
        '  路径风格: 是',
        '',
      ].join('\n'),
    );
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (key: string) => fetch(`${endpoint}/${BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}`);
  const puts = (from = 0) =>
    events
      .slice(from)
      .filter((e) => e.startsWith('put '))
      .map((e) => e.slice(4));
  const deletes = (from = 0) =>
    events
      .slice(from)
      .filter((e) => e.startsWith('delete '))
      .map((e) => e.slice(7));

  test('an OUT without the build’s marker is refused, and nothing is uploaded', async () => {
    const unmarked = join(dir, 'unmarked');
    cpSync(out, unmarked, { recursive: true, filter: (source) => !source.endsWith(SITE_MARKER) });
    const run = await deploy(dir, ['--out', unmarked]);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, /没有本工具的生成标记 \.gongkai-site\.json/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(events, []);
  });

  test('missing keys are refused before anything is read or sent', async () => {
    const run = await deploy(dir, ['--out', out], {});
    assert.equal(run.status, 1);
    assert.match(run.stderr, /GONGKAI_S3_ACCESS_KEY_ID/);
    assert.deepEqual(events, []);
  });

  test('a dry run lists what would be uploaded and uploads nothing', async () => {
    const run = await deploy(dir, ['--out', out, '--dry-run']);
    assert.equal(run.status, 0, run.stderr);
    const { files } = await listSiteFiles(out);
    assert.match(run.stdout, new RegExp(`试运行.*将上传 ${files.length} 个文件`));
    assert.match(run.stdout, /\n {2}上传 _assets\//);
    assert.deepEqual(events, []);
  });

  test('the first deploy uploads every file but the hidden ones, assets before pages', async () => {
    const run = await deploy(dir, ['--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const { files } = await listSiteFiles(out);
    assert.deepEqual(puts().sort(), files.map((f) => PREFIX + f.path).sort());
    assert.ok(!puts().some((key) => key.split('/').some((segment) => segment.startsWith('.'))), 'no dotfiles');
    assert.match(run.stdout, new RegExp(`部署完成：上传 ${files.length} 个文件`));

    const order = puts();
    const lastAsset = Math.max(
      ...order.map((key, i) => (key.includes('/_assets/') || key.includes('/pagefind/') ? i : -1)),
    );
    const firstPage = order.findIndex((key) => key.endsWith('.html'));
    assert.ok(lastAsset < firstPage, 'assets and search files before any page');
    assert.equal(order.at(-1)?.endsWith('sw.js') || order.at(-1)?.endsWith('offline-manifest.json'), true);
  });

  test('each object has its Content-Type (charset for text) and nginx’s Cache-Control', async () => {
    const { files } = await listSiteFiles(out);
    const first = (pattern: RegExp) => files.find((f) => pattern.test(f.path))!.path;
    const cases: [string, string, string][] = [
      ['index.html', 'text/html; charset=utf-8', 'no-cache'],
      ['xxgk/114400001234567890-2024-00001/index.html', 'text/html; charset=utf-8', 'no-cache'],
      [first(/^_assets\/.*\.css$/), 'text/css; charset=utf-8', YEAR],
      [first(/^_assets\/.*\.js$/), 'text/javascript; charset=utf-8', YEAR],
      [first(/^pagefind\/index\//), 'application/octet-stream', YEAR],
      [first(/^pagefind\/fragment\//), 'application/octet-stream', YEAR],
      ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8', 'no-cache'],
      ['pagefind/pagefind.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['offline-manifest.json', 'application/json; charset=utf-8', 'no-cache'],
      ['attachments/2022/yusuan.pdf', 'application/pdf', DAY],
      ['favicon.svg', 'image/svg+xml; charset=utf-8', 'no-cache'],
      ['sitemap.xml', 'application/xml; charset=utf-8', 'no-cache'],
    ];
    for (const [path, type, cache] of cases) {
      const response = await get(PREFIX + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), type, path);
      assert.equal(response.headers.get('cache-control'), cache, path);
      const body = Buffer.from(await response.arrayBuffer());
      assert.ok(body.equals(readFileSync(join(out, path))), `${path}: same bytes`);
      assert.equal(
        response.headers.get('x-amz-meta-gongkai-sha256'),
        createHash('sha256').update(body).digest('hex'),
        path,
      );
    }
  });

  test('a second deploy of the unchanged site uploads nothing', async () => {
    const from = events.length;
    const run = await deploy(dir, ['--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /网站没有变化/);
    assert.deepEqual(events.slice(from), []);
  });

  test('after a notice is removed and the site rebuilt, only changed files go up and its page is deleted last', async () => {
    const before = new Map((await listSiteFiles(out)).files.map((f) => [f.path, readFileSync(f.file)]));
    assert.ok(before.has(REMOVED_PAGE.slice(PREFIX.length)));
    rmSync(join(content, 'notices/2024/fangxun.md'));
    const rebuilt = runScript('build', ['--content', content, '--out', out]);
    assert.equal(rebuilt.status, 0, rebuilt.stderr);
    const after = (await listSiteFiles(out)).files;

    const from = events.length;
    const run = await deploy(dir, ['--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const changed = after
      .filter((f) => !before.get(f.path)?.equals(readFileSync(f.file)))
      .map((f) => PREFIX + f.path)
      .sort();
    assert.deepEqual(puts(from).sort(), changed, 'exactly the new and changed files');
    assert.ok(changed.length > 0 && changed.length < after.length, `${changed.length} of ${after.length} changed`);
    assert.ok(deletes(from).includes(REMOVED_PAGE), 'the removed notice’s page is deleted');
    const gone = [...before.keys()].filter((path) => !after.some((f) => f.path === path)).map((p) => PREFIX + p);
    assert.deepEqual(deletes(from).sort(), gone.sort());
    const lastPut = events.slice(from).findLastIndex((e) => e.startsWith('put '));
    const firstDelete = events.slice(from).findIndex((e) => e.startsWith('delete '));
    assert.ok(lastPut < firstDelete, 'deletes come after every upload');
    assert.equal((await get(REMOVED_PAGE)).status, 404);
    assert.match(run.stdout, new RegExp(`上传 ${changed.length} 个文件.*删除 ${gone.length} 个`));
  });
});

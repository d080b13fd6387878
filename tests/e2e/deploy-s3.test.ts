/**
 * npm run deploy to S3-compatible object storage, against a real S3 server on 127.0.0.1
 * (s3rver, speaking the S3 API as OSS, COS, OBS and MinIO do): the office fixture is built once,
 * deployed, deployed again unchanged, with a changed header policy, and after a notice is removed
 * and the site rebuilt; a 30 MB attachment goes up as a stream.
 *
 * s3rver ignores `If-None-Match` on uploads, as some stores do, so deploys straight to it take
 * the lock by writing, waiting and reading back. The lock tests go through a small proxy in front
 * of it that honours `If-None-Match: *` (as S3 and MinIO do), and that can hold an upload, to
 * keep a deploy in progress, or refuse one, to make a deploy fail.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { SITE_MARKER } from '../../src/build/out/out-site.ts';
import { SITE_POLICY } from '../../src/deploy/http-policy.ts';
import { LOCK_OBJECT } from '../../src/deploy/s3-lock.ts';
import { RECORD_OBJECT } from '../../src/deploy/s3-record.ts';
import { STREAM_FROM, deployToS3 } from '../../src/deploy/s3-target.ts';
import { listSiteFiles } from '../../src/deploy/site-files.ts';
import { ROOT, fixture, runAsync, runScript, startAsync, tempDir, type Run } from '../build/helpers.ts';

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
    env: { ...process.env, CI: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', ...env },
  });
}

/**
 * A deploy the test can signal, in its own process group (killing the group is a power cut). It
 * runs as a CI job would, so the lock it holds is labelled 持续集成 wherever the tests run.
 */
function startDeploy(cwd: string, args: string[]) {
  return startAsync(process.execPath, [join(ROOT, 'src/cli/deploy.ts'), ...args], {
    cwd,
    env: { ...process.env, CI: 'true', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', ...KEYS },
  });
}

/** What the proxy does with an upload of a key: refuse it (403), or hold it until released. */
interface ProxyControl {
  refuse?: (key: string) => boolean;
  hold?: { matches: (key: string) => boolean; arrived: () => void; released: Promise<void> };
}

/**
 * A proxy to s3rver that honours `If-None-Match: *` on uploads (one conditional upload at a
 * time, so the check and the write are one step) and obeys `control`. Requests are passed on
 * unchanged but for `Expect`, which SigV4 never signs.
 */
async function startProxy(upstream: number, direct: S3Client, control: ProxyControl) {
  let queue = Promise.resolve();
  const exists = (key: string) =>
    direct.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
      () => true,
      () => false,
    );
  const reply = (req: IncomingMessage, res: import('node:http').ServerResponse, status: number, code: string) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>test proxy</Message></Error>`);
  };
  const forward = (req: IncomingMessage, res: import('node:http').ServerResponse) =>
    new Promise<void>((resolve) => {
      const headers = { ...req.headers };
      delete headers.expect;
      const out = request(
        { host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', resolve);
        },
      );
      out.on('error', () => (res.destroy(), resolve()));
      req.pipe(out);
    });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const key = decodeURIComponent(url.pathname.split('/').slice(2).join('/'));
      const upload = req.method === 'PUT' && !req.headers['x-amz-copy-source'];
      if (upload && control.refuse?.(key)) return reply(req, res, 403, 'AccessDenied');
      if (upload && control.hold?.matches(key)) {
        control.hold.arrived();
        await control.hold.released;
      }
      if (upload && req.headers['if-none-match'] === '*') {
        const turn = queue.then(async () => {
          if (await exists(key)) reply(req, res, 412, 'PreconditionFailed');
          else await forward(req, res);
        });
        queue = turn.catch(() => undefined);
        return turn;
      }
      return forward(req, res);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

describe('npm run deploy to S3-compatible object storage', () => {
  const dir = tempDir('deploy-s3');
  const content = join(dir, 'content');
  const out = join(dir, 'dist');
  let server: S3rver | undefined;
  let endpoint = '';
  let port = 0;
  /** Every upload, copy and delete the server saw, in order: `put key`, `copy key`, `delete key`. */
  const events: string[] = [];
  /** A deploy file with one target: the server itself or the proxy, and a prefix. */
  const configFor = (name: string, where: string, prefix: string) => {
    writeFileSync(
      join(dir, name),
      [
        '测试存储:',
        '  类型: s3',
        `  端点: ${where}`,
        '  区域: cn-hangzhou',
        `  存储桶: ${BUCKET}`,
        `  前缀: ${prefix}`,
        '  路径风格: 是',
        '',
      ].join('\n'),
    );
    return name;
  };

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
    port = address.port;
    endpoint = `http://127.0.0.1:${address.port}`;
    (server as unknown as EventEmitter).on(
      'event',
      (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
        for (const { eventName, s3 } of event.Records) {
          const kind = eventName.startsWith('ObjectRemoved') ? 'delete' : eventName.endsWith(':Copy') ? 'copy' : 'put';
          events.push(`${kind} ${decodeURIComponent(s3.object.key)}`);
        }
      },
    );
    configFor('deploy.yaml', endpoint, PREFIX);
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (key: string) => fetch(`${endpoint}/${BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}`);
  /** Events of the site's own objects, leaving out the deploy's lock and record. */
  const siteEvents = (kind: string, from = 0) =>
    events
      .slice(from)
      .filter((e) => e.startsWith(`${kind} `) && !e.includes('/.gongkai-'))
      .map((e) => e.slice(kind.length + 1));
  const puts = (from = 0) => siteEvents('put', from);
  const deletes = (from = 0) => siteEvents('delete', from);
  const exists = async (key: string) => (await get(key)).status === 200;

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
    // s3rver ignores If-None-Match: the lock was written, waited for and read back, then removed.
    assert.match(run.stdout, /不支持“不覆盖已有文件”的条件写入，等待 5 秒后读回部署锁/);
    assert.deepEqual(
      events.filter((e) => e.endsWith(LOCK_OBJECT)).map((e) => e.split(' ')[0]),
      ['put', 'put', 'delete'],
    );
    assert.ok(!(await exists(PREFIX + LOCK_OBJECT)), 'the lock is released');
    assert.ok(await exists(PREFIX + RECORD_OBJECT), 'the deploy record is kept');

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
    assert.deepEqual(
      events.slice(from).filter((e) => !e.endsWith(LOCK_OBJECT)),
      [],
      'nothing but the lock: not even the record',
    );
  });

  test('a change of the header policy alone is re-applied by copying in place, not by uploading', async () => {
    const { files } = await listSiteFiles(out);
    const attachments = files.filter((f) => f.path.startsWith('attachments/')).map((f) => PREFIX + f.path);
    assert.ok(attachments.length > 0);
    const before = new Map(
      await Promise.all(attachments.map(async (key) => [key, await (await get(key)).bytes()] as const)),
    );
    const policy = {
      ...SITE_POLICY,
      cacheControlFor: (path: string) =>
        path.startsWith('attachments/') ? 'public, max-age=600' : SITE_POLICY.cacheControlFor(path),
    };
    const lines: string[] = [];
    const target = {
      kind: 's3' as const,
      name: '测试存储',
      endpoint,
      region: 'cn-hangzhou',
      bucket: BUCKET,
      prefix: PREFIX,
      pathStyle: true,
    };
    const options = {
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', idVariable: 'A', secretVariable: 'B' },
      dryRun: false,
      log: (line: string) => lines.push(line),
      configFile: 'deploy.yaml',
      unlockCommand: 'npm run deploy -- --unlock',
    };

    const from = events.length;
    const changed = await deployToS3(target, out, { ...options, policy });
    assert.deepEqual(
      { uploaded: changed.uploaded, restyled: changed.restyled, deleted: changed.deleted },
      { uploaded: 0, restyled: attachments.length, deleted: 0 },
      lines.join('\n'),
    );
    assert.deepEqual(puts(from), [], 'no bytes uploaded again');
    assert.deepEqual(siteEvents('copy', from).sort(), [...attachments].sort(), 'each attachment copied onto itself');
    assert.ok(events.slice(from).includes(`put ${PREFIX}${RECORD_OBJECT}`), 'the record notes the new headers');
    for (const key of attachments) {
      const response = await get(key);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=600', key);
      assert.equal(response.headers.get('content-type'), 'application/pdf', key);
      assert.ok(Buffer.from(await response.bytes()).equals(before.get(key)!), `${key}: same bytes`);
      assert.match(response.headers.get('x-amz-meta-gongkai-sha256') ?? '', /^[0-9a-f]{64}$/, key);
    }

    // The record, not a request per object, told which objects differ: back to the site's policy.
    const back = events.length;
    const restored = await deployToS3(target, out, options);
    assert.equal(restored.restyled, attachments.length);
    assert.deepEqual(puts(back), []);
    assert.equal((await get(attachments[0]!)).headers.get('cache-control'), DAY);
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
    assert.deepEqual(siteEvents('copy', from), [], 'no headers to re-apply');
    assert.deepEqual(puts(from).sort(), changed, 'exactly the new and changed files');
    assert.ok(changed.length > 0 && changed.length < after.length, `${changed.length} of ${after.length} changed`);
    assert.ok(deletes(from).includes(REMOVED_PAGE), 'the removed notice’s page is deleted');
    const gone = [...before.keys()].filter((path) => !after.some((f) => f.path === path)).map((p) => PREFIX + p);
    assert.deepEqual(deletes(from).sort(), gone.sort());
    const ofSite = events.slice(from).filter((e) => !e.includes('/.gongkai-'));
    const lastPut = ofSite.findLastIndex((e) => e.startsWith('put '));
    const firstDelete = ofSite.findIndex((e) => e.startsWith('delete '));
    assert.ok(lastPut < firstDelete, 'deletes come after every upload');
    assert.equal((await get(REMOVED_PAGE)).status, 404);
    assert.match(run.stdout, new RegExp(`上传 ${changed.length} 个文件.*删除 ${gone.length} 个`));
  });

  test('a large attachment is uploaded as a stream, byte for byte', async () => {
    const big = join(dir, 'dist-big');
    cpSync(out, big, { recursive: true });
    const file = join(big, 'attachments/2022/big-scan.pdf');
    const size = 30 * 1024 * 1024 + 123;
    assert.ok(size >= STREAM_FROM, 'large enough to be streamed');
    const md5 = createHash('md5');
    await new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(file);
      stream.on('error', reject);
      for (let written = 0; written < size;) {
        const chunk = randomBytes(Math.min(1024 * 1024, size - written));
        md5.update(chunk);
        stream.write(chunk);
        written += chunk.length;
      }
      stream.end(resolve);
    });
    const run = await deploy(dir, ['--out', big, '--config', configFor('big.yaml', endpoint, 'big/')]);
    assert.equal(run.status, 0, run.stderr);
    const response = await get('big/attachments/2022/big-scan.pdf');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-length'), String(size));
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('etag'), `"${md5.digest('hex')}"`);
    const body = Buffer.from(await response.arrayBuffer());
    assert.ok(body.equals(readFileSync(file)), 'same bytes');
  });

  describe('one deploy at a time', () => {
    const control: ProxyControl = {};
    let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
    let direct: S3Client | undefined;
    const otherOut = join(dir, 'dist-other');
    const started: ReturnType<typeof startDeploy>[] = [];
    const start = (site: string, config: string) => {
      const run = startDeploy(dir, ['--out', site, '--config', config]);
      started.push(run);
      return run;
    };
    /** Until the held upload arrives; fails (rather than hangs) if the deploy ends first. */
    const heldAt = (gate: { reached: Promise<void> }, run: ReturnType<typeof startDeploy>) =>
      Promise.race([
        gate.reached,
        run.done.then((ended) =>
          assert.fail(`the deploy ended before its upload was held:\n${ended.stdout}${ended.stderr}`),
        ),
      ]);
    /** Holds uploads of `key` until the returned release is called; `arrived` settles on the first. */
    let releaseHeld = () => {};
    const holdUploads = (key: string) => {
      let release = () => {};
      let arrived = () => {};
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      control.hold = {
        matches: (k) => k === key,
        arrived: () => arrived(),
        released: new Promise<void>((resolve) => (release = resolve)),
      };
      releaseHeld = () => {
        control.hold = undefined;
        release();
      };
      return { reached, release: releaseHeld };
    };

    before(async () => {
      direct = new S3Client({
        endpoint,
        region: 'cn-hangzhou',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      proxy = await startProxy(port, direct, control);
      cpSync(out, otherOut, { recursive: true });
    });
    after(async () => {
      releaseHeld();
      for (const { child, done } of started) {
        if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
        await done;
      }
      await proxy?.close();
      direct?.destroy();
    });

    test('a second deploy meanwhile is refused, naming who holds the lock and since when', async () => {
      const config = configFor('held.yaml', proxy!.endpoint, 'held/');
      const gate = holdUploads('held/index.html');
      const first = start(out, config);
      try {
        await heldAt(gate, first);
        assert.ok(await exists(`held/${LOCK_OBJECT}`), 'the first deploy holds the lock');

        const second = await deploy(dir, ['--out', otherOut, '--config', config]);
        assert.equal(second.status, 1, second.stdout);
        const who = `持续集成 ${userInfo().username}@${hostname()} 的部署（进程 ${first.child.pid}）`;
        assert.ok(second.stderr.includes(`另一个部署正在进行：${who}，开始于 `), second.stderr);
        assert.match(second.stderr, /开始于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）/);
        assert.match(second.stderr, /--config held\.yaml --unlock/);
        assert.doesNotMatch(second.stderr, /\n\s+at /, 'no stack trace');
      } finally {
        // Let the first deploy finish even when an assertion failed, so later tests find no lock.
        gate.release();
      }
      const done = await first.done;
      assert.equal(done.status, 0, done.stderr);
      assert.doesNotMatch(done.stdout, /条件写入/, 'a store that honours If-None-Match needs no wait');
      assert.ok(!(await exists(`held/${LOCK_OBJECT}`)), 'released after success');
    });

    test('a failed upload releases the lock', async () => {
      control.refuse = (key) => key === 'failed/index.html';
      try {
        const run = await deploy(dir, ['--out', out, '--config', configFor('failed.yaml', proxy!.endpoint, 'failed/')]);
        assert.equal(run.status, 1);
        assert.match(run.stderr, /上传 index\.html 失败：没有权限/);
        assert.ok(!(await exists(`failed/${LOCK_OBJECT}`)), 'released after a failure');
      } finally {
        control.refuse = undefined;
      }
    });

    test('a stop signal ends the uploads and releases the lock', async () => {
      const config = configFor('stopped.yaml', proxy!.endpoint, 'stopped/');
      const gate = holdUploads('stopped/index.html');
      const run = start(out, config);
      await heldAt(gate, run);
      run.child.kill('SIGTERM');
      const done = await run.done;
      gate.release();
      assert.equal(done.status, 143, done.stderr);
      assert.match(done.stderr, /部署已中断（SIGTERM）/);
      assert.ok(!(await exists(`stopped/${LOCK_OBJECT}`)), 'released after an interruption');
    });

    test('a lock left by a killed deploy stays until --unlock, which says whose it was', async () => {
      const config = configFor('killed.yaml', proxy!.endpoint, 'killed/');
      const gate = holdUploads('killed/index.html');
      const run = start(otherOut, config);
      await heldAt(gate, run);
      process.kill(-run.child.pid!, 'SIGKILL');
      await run.done;
      gate.release();
      assert.ok(await exists(`killed/${LOCK_OBJECT}`), 'a killed deploy cannot release it');

      const refused = await deploy(dir, ['--out', out, '--config', config]);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, new RegExp(`进程 ${run.child.pid}`));

      const unlock = await deploy(dir, ['--config', config, '--unlock']);
      assert.equal(unlock.status, 0, unlock.stderr);
      assert.match(unlock.stdout, new RegExp(`已解除.*部署锁。它属于：.*进程 ${run.child.pid}`));
      assert.ok(!(await exists(`killed/${LOCK_OBJECT}`)));

      const deployed = await deploy(dir, ['--out', out, '--config', config]);
      assert.equal(deployed.status, 0, deployed.stderr);
      assert.ok(await exists('killed/index.html'));
    });
  });
});

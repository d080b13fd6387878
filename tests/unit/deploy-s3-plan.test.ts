/**
 * What a deploy to object storage would upload, re-head and delete, against a small S3 stand-in
 * on 127.0.0.1 that has only the first version of the object listing (as some older
 * S3-compatible servers do), no deploy record and no lock, and a bucket holding more than this
 * site: hidden objects and another site under a sub-prefix, which are never deleted.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { S3Target } from '../../src/deploy/deploy-config.ts';
import { deployToS3 } from '../../src/deploy/s3-target.ts';
import { tempDir } from '../build/helpers.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('planning an object storage deploy', () => {
  const dir = tempDir('deploy-plan');
  const out = join(dir, 'dist');
  let server: Server;
  let endpoint = '';
  const requests: string[] = [];

  before(async () => {
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'home');
    writeFileSync(join(out, '404.html'), 'not found');
    writeFileSync(join(out, 'offline-manifest.json'), '{"version":"2"}');
    const objects: [string, string][] = [
      ['gk/index.html', md5('home')], // unchanged
      ['gk/offline-manifest.json', md5('{"version":"1"}')], // changed
      ['gk/xxgk/old/index.html', md5('old')], // stale
      ['gk/.well-known/security.txt', md5('x')], // hidden: someone else's
      ['gk/sub/offline-manifest.json', md5('y')], // another site under gk/sub/
      ['gk/sub/index.html', md5('z')],
    ];
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.searchParams.get('list-type') === '2') {
        response.writeHead(501, { 'content-type': 'application/xml' });
        response.end('<Error><Code>NotImplemented</Code><Message>not here</Message></Error>');
        return;
      }
      if (request.method === 'HEAD' && url.pathname === '/site/gk/index.html') {
        // Same bytes, but uploaded with another Cache-Control than the site's policy gives.
        response.writeHead(200, {
          etag: `"${md5('home')}"`,
          'content-length': '4',
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'max-age=600',
        });
        response.end();
        return;
      }
      if (request.method === 'GET' && url.pathname.replace(/\/$/, '') === '/site') {
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.end(
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>site</Name><Prefix>gk/</Prefix><IsTruncated>false</IsTruncated>${objects
            .map(([key, etag]) => `<Contents><Key>${key}</Key><ETag>"${etag}"</ETag><Size>4</Size></Contents>`)
            .join('')}</ListBucketResult>`,
        );
        return;
      }
      response.writeHead(404, { 'content-type': 'application/xml' });
      response.end(
        request.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code><Message>none</Message></Error>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  test('lists with the first version when the second is not there; deletes only this site’s stale files; re-applies headers', async () => {
    const target: S3Target = {
      kind: 's3',
      name: '测试',
      endpoint,
      region: 'cn-hangzhou',
      bucket: 'site',
      prefix: 'gk/',
      pathStyle: true,
    };
    const lines: string[] = [];
    const summary = await deployToS3(target, out, {
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret', idVariable: 'A', secretVariable: 'B' },
      dryRun: true,
      log: (line) => lines.push(line),
      configFile: 'deploy.yaml',
      unlockCommand: 'npm run deploy -- --unlock',
    });
    assert.deepEqual(
      lines.filter((line) => line.startsWith('  ')),
      ['  上传 404.html', '  上传 offline-manifest.json', '  更新响应头 index.html', '  删除 gk/xxgk/old/index.html'],
    );
    assert.deepEqual(
      {
        uploaded: summary.uploaded,
        restyled: summary.restyled,
        deleted: summary.deleted,
        unchanged: summary.unchanged,
      },
      { uploaded: 2, restyled: 1, deleted: 1, unchanged: 0 },
    );
    assert.ok(requests.some((r) => r.includes('list-type=2')));
    assert.ok(requests.includes('HEAD /site/gk/index.html'), 'no record: the headers are asked for');
    assert.ok(
      requests.every((r) => r.startsWith('GET ') || r.startsWith('HEAD ')),
      'a dry run only reads',
    );
  });
});

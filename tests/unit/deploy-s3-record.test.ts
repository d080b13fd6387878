/**
 * The deploy record kept beside a site in object storage, and how a lock's holder is described
 * to the office.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeOwner, describeHolder, encodeOwner } from '../../src/deploy/deploy-lock.ts';
import {
  decodeRecord,
  encodeRecord,
  normaliseEtag,
  sameRecord,
  type DeployRecord,
} from '../../src/deploy/s3-record.ts';

const record: DeployRecord = new Map([
  ['index.html', { etag: 'a'.repeat(32), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }],
  ['xxgk/a/index.html', { etag: 'b'.repeat(32), contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }],
  [
    'attachments/说明.pdf',
    { etag: 'c'.repeat(32) + '-3', contentType: 'application/pdf', cacheControl: 'x', sha256: 'd'.repeat(64) },
  ],
]);

describe('the deploy record', () => {
  test('round-trips, each header pair stored once', () => {
    const bytes = encodeRecord(record);
    assert.deepEqual(decodeRecord(bytes), record);
    assert.ok(sameRecord(decodeRecord(bytes), record));
    const stored = JSON.parse(gunzipSync(bytes).toString('utf8')) as { headers: unknown[] };
    assert.equal(stored.headers.length, 2);
  });

  test('anything else reads as no record', () => {
    assert.equal(decodeRecord(Buffer.from('not gzip')), undefined);
    assert.equal(decodeRecord(gzipSync('{"generator":"gongkai","format":2}')), undefined);
    assert.equal(
      decodeRecord(gzipSync('{"generator":"gongkai","format":1,"headers":[],"objects":[["a","b",0]]}')),
      undefined,
    );
  });

  test('differs when an entry’s ETag or headers differ, or one is missing', () => {
    const changed = new Map(record);
    changed.set('index.html', { ...record.get('index.html')!, cacheControl: 'max-age=600' });
    assert.ok(!sameRecord(record, changed));
    assert.ok(!sameRecord(undefined, record));
    const fewer = new Map(record);
    fewer.delete('index.html');
    assert.ok(!sameRecord(record, fewer));
    assert.equal(normaliseEtag('"ABC"'), 'abc');
  });
});

describe('a lock’s holder', () => {
  test('is named with user, computer, process and China time', () => {
    const owner = decodeOwner(encodeOwner({ user: '张三', host: 'pc-01', pid: 42, ci: false }));
    assert.deepEqual(owner, { user: '张三', host: 'pc-01', pid: 42, ci: false });
    assert.equal(
      describeHolder(owner, new Date('2026-12-03T02:15:00Z')),
      '张三@pc-01 的部署（进程 42），开始于 2026-12-03 10:15:00（北京时间）',
    );
    assert.match(describeHolder({ user: 'ci', host: 'runner', ci: true }, undefined), /^持续集成 ci@runner 的部署$/);
    assert.match(describeHolder(decodeOwner('%%%'), undefined), /没有写明是谁/);
  });
});

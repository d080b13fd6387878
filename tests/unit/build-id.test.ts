import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_ID, buildIdOf } from '../../src/build/build-id.ts';
import { loadContentInParallel } from '../../src/content/parallel-check.ts';
import type { Content } from '../../src/content/content-check.ts';
import { fixture, tempDir } from '../build/helpers.ts';

describe('buildIdOf', () => {
  const work = tempDir('build-id');
  const dir = join(work, 'office');
  let content: Content;
  let id = '';
  before(async () => {
    cpSync(fixture('office'), dir, { recursive: true });
    const report = await loadContentInParallel(dir, { cache: false });
    assert.ok(report.content, JSON.stringify(report.problems));
    content = report.content;
    id = await buildIdOf(content, dir, '/', {});
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('is 12 hex digits, the same for the same content whatever order it was read in', async () => {
    assert.match(id, BUILD_ID);
    assert.ok(content.notices.length > 1 && content.attachments.size > 0);
    const reordered = { ...content, notices: [...content.notices].reverse() };
    assert.equal(await buildIdOf(reordered, dir, '/', {}), id);
    assert.equal(await buildIdOf(content, dir, '/', {}), id);
  });

  test('changes with a notice, the guide, site.yaml, the base path and the search shard size', async () => {
    const [notice, ...others] = content.notices;
    const ids = [
      await buildIdOf(
        { ...content, notices: [{ ...notice!, title: `${notice!.title}（修订）` }, ...others] },
        dir,
        '/',
        {},
      ),
      await buildIdOf({ ...content, guide: `${content.guide}\n补充。` }, dir, '/', {}),
      await buildIdOf({ ...content, site: { ...content.site, phone: '0758-0000009' } }, dir, '/', {}),
      await buildIdOf(content, dir, '/gk/', {}),
      await buildIdOf(content, dir, '/', { GONGKAI_SEARCH_SHARD_SIZE: '2' }),
    ];
    for (const other of ids) assert.match(other, BUILD_ID);
    assert.equal(new Set([id, ...ids]).size, ids.length + 1, ids.join());
  });

  test('changes when zhidu.md or jigou.yaml is added or edited', async () => {
    const organ = {
      functions: '负责全镇工作。',
      departments: [{ name: '党政综合办公室', duties: '综合协调。', phone: undefined }],
      leaders: [{ name: '林振华', title: '镇长', duties: '主持全面工作。' }],
      address: undefined,
      officeHours: undefined,
      phone: undefined,
    };
    const ids = [
      await buildIdOf({ ...content, rules: '第一条 本制度适用于本镇。' }, dir, '/', {}),
      await buildIdOf({ ...content, rules: '第一条 本制度适用于本镇各单位。' }, dir, '/', {}),
      await buildIdOf({ ...content, organ }, dir, '/', {}),
      await buildIdOf(
        { ...content, organ: { ...organ, leaders: [{ ...organ.leaders[0]!, title: '副镇长' }] } },
        dir,
        '/',
        {},
      ),
    ];
    assert.equal(new Set([id, ...ids]).size, ids.length + 1, ids.join());
  });

  test('changes with a published attachment’s bytes, even at the same size', async () => {
    const [path] = [...content.attachments.keys()];
    const file = join(dir, 'attachments', path!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(file, bytes);
    assert.notEqual(await buildIdOf(content, dir, '/', {}), id);
  });
});

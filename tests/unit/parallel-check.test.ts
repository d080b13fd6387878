import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/content/content-folder.ts';
import { loadContentInParallel, splitByBytes } from '../../src/content/parallel-check.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;
const CONTENT = new URL('../../content', import.meta.url).pathname;

describe('check on several threads', () => {
  for (const [name, dir] of [
    ['the broken fixture', fixture('broken')],
    ['the example office', CONTENT],
  ] as const) {
    test(`gives the very report of a check on one thread, for ${name}`, async () => {
      const parallel = await loadContentInParallel(dir, { threads: 3, minFilesPerThread: 1 });
      assert.deepEqual(parallel, await loadContent(dir));
    });
  }

  test('shares files out in order, in runs of about equal size', () => {
    const files = [5, 5, 5, 5, 10, 10].map((n, i) => ({ name: i, bytes: new Uint8Array(n) }));
    const shares = splitByBytes(files, 2);
    assert.deepEqual(
      shares.map((s) => s.map((f) => f.name)),
      [
        [0, 1, 2, 3],
        [4, 5],
      ],
    );
    assert.deepEqual(splitByBytes(files, 1).flat(), files);
    assert.equal(splitByBytes(files.slice(0, 1), 4).length, 1, 'never an empty share');
  });
});

/** A copy of the example office in a temporary folder, with a cache of its own (removed after `t`). */
async function exampleWithOwnCache(t: TestContext): Promise<{ work: string; dir: string }> {
  const work = await mkdtemp(join(tmpdir(), 'gongkai-check-cache-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  process.env.GONGKAI_CACHE = join(work, 'cache');
  const dir = join(work, 'content');
  await cp(CONTENT, dir, { recursive: true });
  return { work, dir };
}

describe('check with the cache of earlier checks', () => {
  test('gives the report of a fresh check after files are edited, and after site.yaml is', async (t) => {
    const { dir } = await exampleWithOwnCache(t);
    const cached = () => loadContentInParallel(dir, { cache: true });

    assert.deepEqual(await cached(), await loadContent(dir), 'cold');
    assert.deepEqual(await cached(), await loadContent(dir), 'warm');

    const notice = join(dir, 'notices/2024/chungeng-shengchan-tongzhi.md');
    await writeFile(notice, (await readFile(notice, 'utf8')).replace(/^分类: .*$/m, '分类: 不存在的分类'));
    const edited = await cached();
    assert.ok(
      edited.problems.some((p) => p.file === 'notices/2024/chungeng-shengchan-tongzhi.md' && p.field === '分类'),
      'the edit is seen',
    );
    assert.deepEqual(edited, await loadContent(dir));

    await writeFile(
      join(dir, 'site.yaml'),
      (await readFile(join(dir, 'site.yaml'), 'utf8')).replace(/^网址: .*$/m, '网址: https://gk.other.example.gov.cn/'),
    );
    const moved = await cached();
    assert.deepEqual(moved, await loadContent(dir));
    assert.equal(moved.content, undefined, 'still failing on the edited notice');
  });

  test('a check that finds nothing changed keeps the cache file; an edit or a removed notice rewrites it', async (t) => {
    const { work, dir } = await exampleWithOwnCache(t);
    const check = () => loadContentInParallel(dir, { cache: true });
    // One cache file per content folder: the file's identity (inode) shows whether it was written anew.
    const cacheFile = async () => {
      const [name] = await readdir(join(work, 'cache/check'));
      return stat(join(work, 'cache/check', name!));
    };

    await check();
    const first = await cacheFile();
    await check();
    assert.equal((await cacheFile()).ino, first.ino, 'unchanged: kept');

    const notice = join(dir, 'notices/2024/chungeng-shengchan-tongzhi.md');
    await writeFile(notice, `${await readFile(notice, 'utf8')}\n补充说明。\n`);
    await check();
    const edited = await cacheFile();
    assert.notEqual(edited.ino, first.ino, 'an edit: written anew');

    await rm(notice);
    await check();
    assert.notEqual((await cacheFile()).ino, edited.ino, 'a notice fewer: written anew');
  });
});

/**
 * A rebuild re-indexes only the search shards whose notices changed; the others come from the
 * shard cache and are exactly what indexing them again would write.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, runScript, tempDir } from './helpers.ts';

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [
      relative(dir, join(e.parentPath, e.name)),
      readFileSync(join(e.parentPath, e.name)).toString('base64'),
    ]),
  );
}

describe('search shards reused by a rebuild', () => {
  const work = tempDir('search-cache');
  const content = join(work, 'content');
  // The example office's 2024–2026 notices fill one shard exactly, 2021–2023 the other.
  const recent = ['2024', '2025', '2026'].flatMap((year) =>
    readdirSync(join(ROOT, 'content/notices', year)).filter((f) => /\.mdx?$/.test(f)),
  );
  const env = (cache: string) => ({
    GONGKAI_SEARCH_SHARD_SIZE: String(recent.length),
    GONGKAI_SEARCH_CACHE: join(work, cache),
  });
  const build = (out: string, cache: string) => {
    const result = runScript('build', ['--content', content, '--out', join(work, out)], env(cache));
    assert.equal(result.status, 0, result.stderr + result.stdout);
    return result.stdout;
  };
  let first = '';
  let second = '';
  before(() => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    first = build('first', 'cache');
    // Shards: 2026–2024 and 2023–2021. Edit a notice of 2021, in the second.
    const folder = join(content, 'notices/2021');
    appendFileSync(
      join(
        folder,
        readdirSync(folder).find((f) => f.endsWith('.md'))!,
      ),
      '\n本通知已于近日补充说明。\n',
    );
    second = build('second', 'cache');
    build('fresh', 'empty-cache');
  });

  test('the first build indexes every shard; the rebuild reuses the unchanged one and says so', () => {
    assert.doesNotMatch(first, /沿用/);
    assert.match(second, /搜索索引共 2 片，其中 1 片的公文没有变化，沿用上次的结果/);
  });

  test('the unchanged shard is the same, the edited one is new', () => {
    const [before, after] = [tree(join(work, 'first/pagefind')), tree(join(work, 'second/pagefind'))];
    const shard0 = (files: Map<string, string>) => [...files].filter(([path]) => !path.startsWith('1/'));
    const shard1 = (files: Map<string, string>) => [...files].filter(([path]) => path.startsWith('1/'));
    assert.deepEqual(shard0(after), shard0(before));
    assert.notDeepEqual(shard1(after), shard1(before));
  });

  test('a reused shard is exactly what indexing it again writes', () => {
    assert.deepEqual(tree(join(work, 'second/pagefind')), tree(join(work, 'fresh/pagefind')));
  });
});

describe('build caches that cannot be written', () => {
  test('slow the next build down but never fail this one', () => {
    const work = tempDir('unwritable-cache');
    const notAFolder = join(work, 'cache-is-a-file');
    writeFileSync(notAFolder, '');
    const out = join(work, 'dist');
    const result = runScript('build', ['--content', join(ROOT, 'content'), '--out', out], {
      GONGKAI_CACHE: notAFolder,
      GONGKAI_SEARCH_CACHE: join(notAFolder, 'search'),
      GONGKAI_SEARCH_SHARD_SIZE: '24',
    });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.ok(
      existsSync(join(out, 'pagefind/pagefind-entry.json')) && existsSync(join(out, 'pagefind/1/pagefind-entry.json')),
    );
  });
});

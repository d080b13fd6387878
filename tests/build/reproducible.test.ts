/**
 * Two builds of the same content and code publish the same bytes, file for file: the build id
 * is a digest of what the site is made of (src/build/build-id.ts), not of the clock, so a deploy
 * of an unchanged site uploads nothing and readers keep their caches. A change of content gives
 * a new id.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILD_ID } from '../../src/build/build-id.ts';
import { fixture, page, runScript, tempDir } from './helpers.ts';

/** Every file under `dir`, dotfiles included: relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
  );
}

/** The files that are not byte for byte the same in both trees (present in only one included). */
function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !b.has(path)).sort();
}

const buildIdIn = (out: string): string =>
  (JSON.parse(readFileSync(join(out, 'offline-manifest.json'), 'utf8')) as { version: string }).version;

describe('reproducible builds', () => {
  const work = tempDir('reproducible');
  /** The 春耕 notice: its title is changed for the last build. */
  const NOTICE = 'notices/2024/chungeng.md';
  const NOTICE_PAGE = 'xxgk/114400001234567890-2024-00001/index.html';
  /** Builds `content` into `out` with the cache folder `cache` (fresh unless used before). */
  const build = (content: string, out: string, cache: string) => {
    const result = runScript('build', ['--content', join(work, content), '--out', join(work, out)], {
      GONGKAI_CACHE: join(work, cache),
    });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    return { files: tree(join(work, out)), id: buildIdIn(join(work, out)), guide: page(join(work, out), 'zhinan') };
  };
  let first: ReturnType<typeof build>;
  let second: ReturnType<typeof build>;
  let rebuilt: ReturnType<typeof build>;
  let changed: ReturnType<typeof build>;
  before(() => {
    // Two copies at different paths (and with other file times), as two clones would be.
    cpSync(fixture('office'), join(work, 'content'), { recursive: true });
    cpSync(fixture('office'), join(work, 'other-content'), { recursive: true });
    first = build('content', 'one/out', 'cache-one');
    second = build('other-content', 'two-longer/out', 'cache-two');
    // An unchanged rebuild into the same OUT, with the cache the first build left.
    rebuilt = build('content', 'one/out', 'cache-one');
    const notice = join(work, 'content', NOTICE);
    writeFileSync(notice, readFileSync(notice, 'utf8').replace(/^标题: (.*)$/m, '标题: $1（修订）'));
    changed = build('content', 'one/out', 'cache-one');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('two clean builds of the same content are identical, file for file', () => {
    assert.ok(first.files.size > 20, `${first.files.size} files built`);
    for (const file of ['.gongkai-site.json', 'sw.js', 'offline-manifest.json', 'rss.xml', 'sitemap.xml'])
      assert.ok(first.files.has(file), file);
    assert.ok([...first.files.keys()].some((path) => path.startsWith('pagefind/')));
    assert.deepEqual(differing(first.files, second.files), []);
  });

  test('an unchanged rebuild into the same OUT, with its cache, changes no file', () => {
    assert.deepEqual(differing(first.files, rebuilt.files), []);
  });

  test('the build id has the shape caches and the search tag rely on, and the pages carry it', () => {
    assert.match(first.id, BUILD_ID);
    assert.equal(first.guide.querySelector('html')?.getAttribute('data-build'), first.id);
    assert.ok(first.files.get('sw.js')!.toString('utf8').includes(`"shell":"gongkai-${first.id}-shell"`));
  });

  test('a changed title gives a new build id, a new service worker and manifest', () => {
    assert.match(changed.id, BUILD_ID);
    assert.notEqual(changed.id, first.id);
    assert.equal(changed.guide.querySelector('html')?.getAttribute('data-build'), changed.id);
    const changedFiles = differing(first.files, changed.files);
    for (const file of ['sw.js', 'offline-manifest.json', 'zhinan/index.html', NOTICE_PAGE])
      assert.ok(changedFiles.includes(file), `${file} changed: ${changedFiles.join(', ')}`);
  });
});

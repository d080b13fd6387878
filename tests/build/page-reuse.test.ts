/**
 * A rebuild renders only the pages whose inputs changed and copies the others from the
 * previous build: what it publishes must be exactly what a fresh build publishes.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, runScript, tempDir } from './helpers.ts';

/** Every HTML page under `dir`, without the build's name (which only some pages carry). */
function pages(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name.endsWith('.html'),
  );
  return new Map(
    files.map((e) => [
      relative(dir, join(e.parentPath, e.name)),
      readFileSync(join(e.parentPath, e.name), 'utf8').replace(/ data-build="[^"]*"/, ''),
    ]),
  );
}

const ORIGINAL = 'notices/2024/zhaijidi-shenpi-guanli-banfa.md';
/** The 解读 of ORIGINAL, whose page links to it by title. */
const INTERPRETATION = '11441299MB2E00012L-2024-00005';

describe('pages reused by a rebuild', () => {
  const work = tempDir('page-reuse');
  const content = join(work, 'content');
  const out = join(work, 'out');
  const build = (target: string, cache: string) => {
    const result = runScript('build', ['--content', content, '--out', target, '--base', '/gk/'], {
      GONGKAI_CACHE: join(work, cache),
    });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    return result.stdout;
  };
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
  let first = '';
  let unchanged = '';
  let edited = '';
  let assetsChanged: ReturnType<typeof runScript>;
  let untouched: Map<string, string>;
  let afterStop: Map<string, string>;
  let retried = '';
  let afterEdit: Map<string, string>;
  before(() => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    first = build(out, 'cache');
    unchanged = build(out, 'cache');
    // A new title shows on its own page, on the 目录 pages that list it, and on its 解读's page.
    edit(ORIGINAL, (t) => t.replace(/^标题: (.*)$/m, '标题: $1（修订）'));
    edited = build(out, 'cache');
    afterEdit = pages(out);
    build(join(work, 'fresh'), 'fresh-cache');
    // As if the styles had been rebuilt under new names: the old pages must not be kept.
    const records = join(work, 'cache/pages');
    for (const name of readdirSync(records)) {
      const record = JSON.parse(readFileSync(join(records, name), 'utf8'));
      writeFileSync(join(records, name), JSON.stringify({ ...record, assets: [...record.assets, 'site.0ld.css'] }));
    }
    edit(ORIGINAL, (t) => t.replace('（修订）', '（二次修订）'));
    untouched = pages(out);
    assetsChanged = runScript('build', ['--content', content, '--out', out, '--base', '/gk/'], {
      GONGKAI_CACHE: join(work, 'cache'),
    });
    afterStop = pages(out);
    // A previous site whose deletion was cut short (say, the computer was switched off).
    mkdirSync(join(work, '.out.old-1/xxgk'), { recursive: true });
    retried = build(out, 'cache');
    build(join(work, 'fresh2'), 'fresh2-cache');
  });

  test('the first build renders every page; a rebuild without changes reuses them all but the pages that name the build', () => {
    assert.doesNotMatch(first, /沿用上次生成/);
    const reused = Number(/(\d+) 个页面的内容没有变化/.exec(unchanged)?.[1]);
    const notices = readdirSync(join(out, 'xxgk')).length;
    assert.ok(reused > notices, `${reused} pages reused, ${notices} notices`);
  });

  test('after an edit, the rebuild publishes exactly what a fresh build publishes', () => {
    assert.match(edited, /个页面的内容没有变化，沿用上次生成的结果/);
    assert.deepEqual(afterEdit, pages(join(work, 'fresh')));
  });

  test('the edit reached the pages that show it: its own, its 解读, the 目录 and the lists', () => {
    const edited = afterEdit;
    assert.match(
      edited.get('xxgk/11441299MB2E00012L-2024-00004/index.html')!,
      /<h1[^>]*>示例镇农村宅基地审批管理办法（修订）</,
    );
    assert.match(edited.get(`xxgk/${INTERPRETATION}/index.html`)!, /宅基地审批管理办法（修订）<\/a>/);
    assert.match(edited.get('mulu/index.html')!, /宅基地审批管理办法（修订）/);
    // Its own row and, as the 替代文件 of the repealed 暂行办法, that row's link too.
    assert.equal(edited.get('guifan/index.html')!.match(/宅基地审批管理办法（修订）/g)?.length, 2);
    assert.equal(edited.get('guifan/youxiaoxing/feizhi/index.html')!.match(/宅基地审批管理办法（修订）/g)?.length, 1);
    assert.match(edited.get('fading/zhaijidi/index.html')!, /宅基地审批管理办法（修订）/);
    assert.match(edited.get('jiedu/index.html')!, /宅基地审批管理办法（修订）<\/a>/);
  });

  test('if the bundled styles or scripts changed names, the build stops with OUT untouched, and the next one renders every page', () => {
    assert.equal(assetsChanged.status, 1);
    assert.match(
      assetsChanged.stderr + assetsChanged.stdout,
      /不能沿用。已清除页面缓存，输出文件夹没有改动，请再运行一次/,
    );
    assert.deepEqual(afterStop, untouched);
    assert.doesNotMatch(retried, /沿用上次生成/);
    assert.deepEqual(pages(out), pages(join(work, 'fresh2')));
  });

  test('each build deletes the site it replaced (in the background) and any left over from earlier builds', async () => {
    const oldSites = () => readdirSync(work).filter((name) => name.startsWith('.out.old-'));
    for (let waited = 0; oldSites().length > 0 && waited < 20_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(oldSites(), []);
    assert.deepEqual(
      readdirSync(work).filter((name) => name.startsWith('.')),
      [],
      'nothing but the sites and caches is left',
    );
  });
});

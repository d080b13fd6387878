import { after, describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixture, page, ROOT, runScript, tempDir, text } from './helpers.ts';
import { parseCsv } from '../../src/domain/text/csv.ts';
import { writeFixtureMirror, writeGeneratedMirror } from '../fixtures/import/mirror.ts';

/** `npm run import -- …` as a clerk runs it. */
function runImport(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its bytes. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [
        relative(dir, join(e.parentPath, e.name)),
        readFileSync(join(e.parentPath, e.name)).toString('base64'),
      ]),
  );
}

const metaTable = (out: string, path: string) =>
  Object.fromEntries(
    page(out, path)
      .querySelectorAll('table.notice-meta th')
      .map((th) => [text(th), text(th.nextElementSibling)]),
  );

describe('importing a saved site, then checking and building it', () => {
  const root = tempDir('import');
  const mirror = join(root, 'mirror');
  const content = join(root, 'content');
  const out = join(root, 'dist');
  let imported: ReturnType<typeof runImport>;

  after(() => rmSync(root, { recursive: true, force: true }));
  before(() => {
    writeFixtureMirror(mirror);
    cpSync(fixture('office'), content, { recursive: true });
    imported = runImport([mirror, '--content', content, '--report', join(root, 'report.csv')]);
  });

  test('imports four notices, skips the list page, writes the report as CSV', () => {
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /导入完成：共 5 个页面，导入 4 篇公文，跳过 1 个，出错 0 个。/);
    const rows = parseCsv(readFileSync(join(root, 'report.csv'), 'utf8'));
    assert.deepEqual(rows[0], [
      '页面',
      '结果',
      '原因',
      '公文文件',
      '索引号',
      '标题',
      '发布日期',
      '未找到的字段',
      '需要核对',
    ]);
    assert.deepEqual(
      rows.slice(1).map((r) => r[1]),
      ['已导入', '已导入', '已导入', '已导入', '跳过'],
    );
  });

  test('the imported content passes check and builds; pages show the old pages’ values', () => {
    const checked = runScript('check', ['--content', content]);
    assert.equal(checked.status, 0, checked.stderr + checked.stdout);
    const built = runScript('build', ['--content', content, '--out', out]);
    assert.equal(built.status, 0, built.stderr + built.stdout);

    assert.deepEqual(metaTable(out, '/xxgk/007141332-2010-02262/'), {
      索引号: '007141332/2010-02262',
      分类: '综合政务',
      发布机构: '肇庆市人民政府办公室',
      成文日期: '2010-04-19',
      文号: '肇府办〔2010〕31号',
      发布日期: '2010-04-24',
      主题词: '行政事务 政务公开 通知',
      // The page had no 有效性: the row is left out, as for any notice without one.
    });
    const traditional = metaTable(out, '/xxgk/007141332-2010-02263/');
    assert.equal(traditional['文号'], '肇府辦〔2010〕32號');
    assert.equal(traditional['发布机构'], '肇慶市人民政府辦公室');
    assert.match(text(page(out, '/xxgk/007141332-2010-02263/').querySelector('h1')), /肇慶市人民政府辦公室關於/);
  });

  test('attachments are published and linked from the notice page', () => {
    const html = page(out, '/xxgk/007141332-2010-02262/');
    const links = html.querySelectorAll('a').map((a) => decodeURIComponent(a.getAttribute('href') ?? ''));
    for (const file of ['/attachments/2010/P020100424385521.pdf', '/attachments/2010/政务公开登记表.doc']) {
      assert.ok(links.includes(file), `${file} in ${links.join(' ')}`);
      assert.ok(existsSync(join(out, file)), file);
    }
  });

  test('the merged-cell table is a table on the page, each row complete', () => {
    const rows = page(out, '/xxgk/11441200MB2C00001A-2021-00015/')
      .querySelectorAll('table tr')
      .map((tr) => tr.querySelectorAll('th, td').map(text));
    assert.deepEqual(rows.slice(-2), [
      ['西镇', '800', '500', '李某'],
      ['西镇', '200', '100', '赵某'],
    ]);
  });

  test('a second import writes nothing new', () => {
    const before = snapshot(content);
    const again = runImport([mirror, '--content', content, '--report', join(root, 'again.csv')]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /导入 0 篇公文，跳过 5 个/);
    assert.deepEqual(snapshot(content), before);
  });
});

describe('importing a generated mirror of 1,000 pages', () => {
  test('imports every disclosure page and the result passes check (time in the log)', (t) => {
    const root = tempDir('import-1000');
    const mirror = join(root, 'mirror');
    const content = join(root, 'content');
    const disclosure = writeGeneratedMirror(mirror, 1000);
    cpSync(fixture('office'), content, { recursive: true });

    const start = performance.now();
    const result = runImport([
      mirror,
      '--content',
      content,
      '--分类',
      '综合政务',
      '--report',
      join(root, 'report.csv'),
    ]);
    const seconds = (performance.now() - start) / 1000;
    t.diagnostic(`npm run import of 1,000 generated pages: ${seconds.toFixed(1)} s`);
    console.log(`npm run import of 1,000 generated pages: ${seconds.toFixed(1)} s`);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`共 1000 个页面，导入 ${disclosure} 篇公文，跳过 ${1000 - disclosure} 个`));
    assert.match(result.stderr, /已处理 1000\/1000 个页面/);
    const checked = runScript('check', ['--content', content]);
    assert.equal(checked.status, 0, checked.stderr.slice(0, 3000));
    rmSync(root, { recursive: true, force: true });
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runImport, WriteError, type ImportOptions } from '../../src/import/import-run.ts';
import { ContentError } from '../../src/import/content-state.ts';
import { loadContent } from '../../src/content/content-folder.ts';
import { splitNotice } from '../../src/content/notice-source.ts';
import { FIXTURE_PAGES, writeFixtureMirror } from '../fixtures/import/mirror.ts';
import { temporary } from '../build/helpers.ts';

const OFFICE = new URL('../fixtures/office/', import.meta.url).pathname;

function setUp(): { base: string; mirror: string; content: string } {
  const base = temporary('gongkai-import-run-');
  const mirror = join(base, 'mirror');
  const content = join(base, 'content');
  writeFixtureMirror(mirror);
  cpSync(OFFICE, content, { recursive: true });
  return { base, mirror, content };
}

/** Every file under `dir` with its bytes, for before/after comparisons. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [relative(dir, path), readFileSync(path).toString('base64')] as const;
      }),
  );
}

const run = (options: Partial<ImportOptions> & Pick<ImportOptions, 'source' | 'content'>) =>
  runImport({ dryRun: false, ...options });

function fieldsOf(content: string, file: string): Record<string, unknown> {
  const text = readFileSync(join(content, file), 'utf8');
  return splitNotice(file, text).source!.data;
}

describe('runImport on the fixture mirror', async () => {
  const { mirror, content } = setUp();
  const before = snapshot(content);
  const first = await run({ source: mirror, content });
  const byPage = (page: string) => first.rows.find((r) => r.page === page)!;

  test('writes one notice per disclosure page and skips the list page, saying why', () => {
    assert.deepEqual(
      first.rows.map((r) => [r.page, r.outcome]),
      [
        [FIXTURE_PAGES.meta, 'written'],
        [FIXTURE_PAGES.lines, 'written'],
        [FIXTURE_PAGES.table, 'written'],
        [FIXTURE_PAGES.big5, 'written'],
        [FIXTURE_PAGES.list, 'skipped'],
      ],
    );
    assert.match(byPage(FIXTURE_PAGES.list).reason!, /列表页/);
    assert.equal(first.readFailures, 0);
  });

  test('the field values are the page’s', () => {
    const table = fieldsOf(content, byPage(FIXTURE_PAGES.table).file!);
    assert.deepEqual(table, {
      标题: '肇庆市人民政府办公室关于做好2010年政务公开工作的通知',
      索引号: '007141332/2010-02262',
      文号: '肇府办〔2010〕31号',
      分类: '综合政务',
      发布日期: '2010-04-24',
      成文日期: '2010-04-19',
      摘要: '',
      发布机构: '肇庆市人民政府办公室',
      主题词: ['行政事务', '政务公开', '通知'],
      体裁: '',
      有效性: '',
      废止日期: '',
      解读: '',
      替代文件: '',
      规范性文件: '',
      栏目: '',
      附件: [
        { 名称: '2010年政务公开工作要点.pdf', 文件: '2010/P020100424385521.pdf' },
        { 名称: '政务公开工作登记表', 文件: '2010/政务公开登记表.doc' },
      ],
      允许公开: '',
    });
    const big5 = fieldsOf(content, byPage(FIXTURE_PAGES.big5).file!);
    assert.equal(big5['标题'], '肇慶市人民政府辦公室關於加強政府信息公開工作的通知');
    assert.equal(big5['文号'], '肇府辦〔2010〕32號');
    assert.equal(big5['发布日期'], '2010-04-26');
    const meta = fieldsOf(content, byPage(FIXTURE_PAGES.meta).file!);
    assert.equal(meta['索引号'], '114400001234567890/2019-00001', 'allocated like npm run new');
    assert.equal(meta['发布机构'], '示例市人民政府办公室');
  });

  test('attachments are copied byte for byte; the report names fields the pages lack', () => {
    assert.equal(readFileSync(join(content, 'attachments/2010/政务公开登记表.doc'), 'utf8'), 'DOC 政务公开工作登记表');
    assert.deepEqual(byPage(FIXTURE_PAGES.meta).missing, ['文号', '主题词', '有效性']);
    assert.ok(byPage(FIXTURE_PAGES.meta).notes.includes('页面没有索引号，已新分配'));
  });

  test('the content folder then passes check, with the office’s own notices untouched', async () => {
    const report = await loadContent(content);
    assert.deepEqual(
      report.problems.filter((p) => p.severity === 'error'),
      [],
    );
    for (const [path, bytes] of before) assert.equal(snapshot(content).get(path), bytes, path);
  });

  test('a second import writes nothing and says each page is already there', async () => {
    const after = snapshot(content);
    const second = await run({ source: mirror, content });
    assert.deepEqual(snapshot(content), after);
    assert.deepEqual(
      second.rows.map((r) => r.outcome),
      ['skipped', 'skipped', 'skipped', 'skipped', 'skipped'],
    );
    assert.match(second.rows[0]!.reason!, /已有标题和发布日期相同的公文/);
    assert.match(second.rows[2]!.reason!, /索引号 007141332\/2010-02262 已存在（notices\/2010\/20100424-tongzhi\.md）/);
  });
});

describe('runImport safety', () => {
  test('--dry-run writes nothing but reports what it would write', async () => {
    const { mirror, content } = setUp();
    const before = snapshot(content);
    const result = await run({ source: mirror, content, dryRun: true });
    assert.deepEqual(snapshot(content), before);
    assert.equal(result.rows.filter((r) => r.outcome === 'would-write').length, 4);
  });

  test('never overwrites a notice file: a taken name gets the next one', async () => {
    const { mirror, content } = setUp();
    mkdirSync(join(content, 'notices/2010'), { recursive: true });
    const mine =
      '---\n标题: 另一篇\n索引号: "114400001234567890/2010-00001"\n分类: 综合政务\n发布日期: "2010-04-24"\n---\n\n正文。\n';
    writeFileSync(join(content, 'notices/2010/20100424-tongzhi.md'), mine);
    const result = await run({ source: mirror, content });
    assert.equal(readFileSync(join(content, 'notices/2010/20100424-tongzhi.md'), 'utf8'), mine);
    assert.equal(result.rows.find((r) => r.page === FIXTURE_PAGES.table)!.file, 'notices/2010/20100424-tongzhi-2.md');
  });

  test('a personal number is reported, the file still written, and check then blocks it', async () => {
    const { base, content } = setUp();
    const page = join(base, 'gongshi.html');
    writeFileSync(
      page,
      '<html><head><meta charset="utf-8"></head><body><p>索引号：007141332/2012-00009</p><p>标题：2012年低保对象公示</p><p>发布日期：2012-03-01</p><p>分类：民政、扶贫、救灾</p>' +
        '<div id="zoom"><p>张三，联系电话13812345678，月补助300元。</p></div></body></html>',
    );
    const result = await run({ source: page, content });
    const row = result.rows[0]!;
    assert.equal(row.outcome, 'written');
    assert.ok(
      row.notes.some((n) => /check 错误.*正文中有手机号码 138\*\*\*\*5678/.test(n)),
      row.notes.join('\n'),
    );
    assert.match(readFileSync(join(content, row.file!), 'utf8'), /13812345678/);
    const report = await loadContent(content);
    assert.ok(report.problems.some((p) => p.kind === 'personal-info' && p.file === row.file));
  });

  test('a list file names the pages; entries outside its folder or missing are refused', async () => {
    const { base, mirror, content } = setUp();
    const list = join(mirror, 'pages.txt');
    writeFileSync(list, `# 要导入的页面\n${FIXTURE_PAGES.big5}\n\nmissing.html\n../outside.html\n`);
    writeFileSync(join(base, 'outside.html'), '<html></html>');
    const result = await run({ source: list, content });
    assert.deepEqual(
      result.rows.map((r) => [r.page, r.outcome, r.reason ?? '']),
      [
        ['missing.html', 'failed', '找不到这个文件'],
        ['../outside.html', 'failed', '不在列表文件所在的文件夹中，没有导入'],
        [FIXTURE_PAGES.big5, 'written', ''],
      ],
    );
    assert.equal(result.readFailures, 2);
  });

  test('pages without a 索引号 are numbered in date order after the numbers in use', async () => {
    const { base, content } = setUp();
    const pages = join(base, 'pages');
    mkdirSync(pages);
    for (const [name, date] of [
      ['a.html', '2024-05-01'],
      ['b.html', '2024-01-02'],
    ])
      writeFileSync(
        join(pages, name),
        `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于${date}的通知"><meta name="PubDate" content="${date}"></head><body><p>正文。</p></body></html>`,
      );
    const result = await run({ source: pages, content, defaultCategory: '综合政务' });
    assert.deepEqual(
      result.rows.map((r) => [r.page, r.indexNumber]),
      [
        ['a.html', '114400001234567890/2024-00005'],
        ['b.html', '114400001234567890/2024-00004'],
      ],
    );
  });

  test('a content folder linked elsewhere is not written through: the import stops', async () => {
    const { base, mirror, content } = setUp();
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync(join(base, 'elsewhere'), join(content, 'notices/2010'));
    await assert.rejects(run({ source: mirror, content }), WriteError);
    assert.deepEqual(readdirSync(join(base, 'elsewhere')), []);
  });

  test('a --分类 outside the taxonomy is a bad argument', async () => {
    const { mirror, content } = setUp();
    await assert.rejects(run({ source: mirror, content, defaultCategory: '综合' }), ContentError);
  });
});

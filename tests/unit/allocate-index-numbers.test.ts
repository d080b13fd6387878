import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allocateIndexNumbers } from '../../src/content/allocate-index-numbers.ts';
import { fixContentFolder } from '../../src/content/fix-content.ts';
import { loadContent } from '../../src/content/content-folder.ts';

const CODE = '114400001234567890';
const notice = (path: string, fields: string[], newline = '\n') => ({
  path,
  text: ['---', ...fields, '---', '', '正文。', ''].join(newline),
});

describe('allocateIndexNumbers', () => {
  test('gives a notice without 索引号 the next serial of its 发布日期’s year, after 标题', () => {
    const { allocations, skipped } = allocateIndexNumbers(
      [
        notice('notices/2026/a.md', ['标题: 甲', `索引号: "${CODE}/2026-00007"`, '发布日期: "2026-01-05"']),
        notice('notices/2026/b.md', ['标题: 乙', '分类: 综合政务', '发布日期: "2026-03-01"']),
      ],
      CODE,
    );
    assert.deepEqual(skipped, []);
    assert.deepEqual(allocations, [
      {
        path: 'notices/2026/b.md',
        indexNumber: `${CODE}/2026-00008`,
        line: 3,
        text: `---\n标题: 乙\n索引号: "${CODE}/2026-00008"\n分类: 综合政务\n发布日期: "2026-03-01"\n---\n\n正文。\n`,
      },
    ]);
  });

  test('numbers several in order of 发布日期, then path, whatever order they are read in', () => {
    const { allocations } = allocateIndexNumbers(
      [
        notice('notices/2026/z.md', ['标题: 丙', '发布日期: "2026-02-01"']),
        notice('notices/2026/y.md', ['标题: 乙', '发布日期: "2026-02-01"']),
        notice('notices/2026/x.md', ['标题: 甲', '发布日期: "2026-03-01"']),
        notice('notices/2025/w.md', ['标题: 丁', '发布日期: "2025-12-31"']),
      ],
      CODE,
    );
    assert.deepEqual(
      allocations.map((a) => [a.path, a.indexNumber]),
      [
        ['notices/2025/w.md', `${CODE}/2025-00001`],
        ['notices/2026/y.md', `${CODE}/2026-00001`],
        ['notices/2026/z.md', `${CODE}/2026-00002`],
        ['notices/2026/x.md', `${CODE}/2026-00003`],
      ],
    );
  });

  test('fills a blank 索引号 line in place, and keeps CRLF line ends', () => {
    const { allocations } = allocateIndexNumbers(
      [notice('notices/a.md', ['标题: 甲', '索引号: ""', '发布日期: 2026-03-01'], '\r\n')],
      CODE,
    );
    assert.equal(allocations[0]!.line, 3);
    assert.equal(
      allocations[0]!.text,
      `---\r\n标题: 甲\r\n索引号: "${CODE}/2026-00001"\r\n发布日期: 2026-03-01\r\n---\r\n\r\n正文。\r\n`,
    );
  });

  test('puts the line after a 标题 written over several lines', () => {
    const { allocations } = allocateIndexNumbers(
      [notice('notices/a.md', ['标题: >-', '  关于开展', '  植树活动的通知', '发布日期: "2026-03-01"'])],
      CODE,
    );
    assert.equal(allocations[0]!.line, 5);
    assert.match(allocations[0]!.text, /植树活动的通知\n索引号: "[^"]+"\n发布日期/);
  });

  test('never reuses a serial, even one written wrongly in another file or left as a gap', () => {
    const { allocations } = allocateIndexNumbers(
      [
        notice('notices/a.md', ['标题: 甲', `索引号: ${CODE}／2026-3`, '发布日期: "2026-01-01"']),
        notice('notices/b.md', ['标题: 乙', '发布日期: "2026-03-01"']),
      ],
      CODE,
    );
    assert.equal(allocations[0]!.indexNumber, `${CODE}/2026-00004`);
  });

  test('leaves a notice without a usable 发布日期, or without site.yaml’s 机构代码, and says why', () => {
    const noDate = allocateIndexNumbers([notice('notices/a.md', ['标题: 甲', '发布日期: 2026-02-30'])], CODE);
    assert.deepEqual(noDate.allocations, []);
    assert.match(noDate.skipped[0]!, /^未分配索引号 notices\/a\.md：发布日期缺少或有误/);
    const noSite = allocateIndexNumbers([notice('notices/a.md', ['标题: 甲', '发布日期: "2026-02-01"'])], undefined);
    assert.deepEqual(noSite.allocations, []);
    assert.match(noSite.skipped[0]!, /site\.yaml 有错误/);
  });
});

describe('check --fix allocates, and check asks for it', () => {
  const folder = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gongkai-allocate-')), 'content');
    mkdirSync(join(dir, 'notices/2026'), { recursive: true });
    writeFileSync(
      join(dir, 'site.yaml'),
      `机关名称: 测试镇人民政府\n机构代码: "${CODE}"\n网址: https://zhen.example.gov.cn/\n`,
    );
    writeFileSync(join(dir, 'guide.md'), '# 指南\n\n正文。\n');
    return dir;
  };

  test('a notice saved without 索引号 is an error naming the fix, and is not published', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'notices/2026/a.md'),
      notice('', ['标题: 甲', '分类: 综合政务', '发布日期: "2026-03-01"']).text,
    );
    const report = await loadContent(dir);
    assert.deepEqual(
      report.problems.map((p) => [p.file, p.field, p.kind, p.message]),
      [['notices/2026/a.md', '索引号', 'unallocated-index-number', '还没有索引号']],
    );
    assert.match(report.problems[0]!.fix!, /npm run check -- --fix/);
  });

  test('--fix writes the number, together with the other fixes of the same file, and check then passes', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'notices/2026/a.md'),
      notice('', ['标题: 甲', '分类：综合政务', '发布日期: "2026-03-01"']).text,
    );
    const lines = await fixContentFolder(dir);
    assert.deepEqual(lines.slice(0, 2), [
      '已修正 notices/2026/a.md:3 分类：“分类：综合政务” → “分类: 综合政务”',
      `已分配 notices/2026/a.md:3 索引号：${CODE}/2026-00001`,
    ]);
    assert.match(lines[2]!, /^ {2}已备份原文件到 /);
    assert.equal(
      readFileSync(join(dir, 'notices/2026/a.md'), 'utf8'),
      notice('', ['标题: 甲', `索引号: "${CODE}/2026-00001"`, '分类: 综合政务', '发布日期: "2026-03-01"']).text,
    );
    assert.deepEqual((await loadContent(dir)).problems, []);
    assert.deepEqual(await fixContentFolder(dir), [], 'a second run changes nothing');
  });
});

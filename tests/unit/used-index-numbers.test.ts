import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { usedIndexNumbers } from '../../src/domain/notice/used-index-numbers.ts';
import { loadContent, readContentFolder } from '../../src/content/content-folder.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const notices = (files: Record<string, string | Uint8Array>) => ({
  notices: Object.entries(files).map(([path, text]) => ({ path, bytes: typeof text === 'string' ? utf8(text) : text })),
});
const fixture = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url).pathname;

describe('usedIndexNumbers', () => {
  test('lists the 索引号 of every notice, as written', () => {
    const found = usedIndexNumbers(
      notices({
        'notices/a.md': '---\n标题: 甲\n索引号: "114400001234567890/2024-00001"\n---\n\n正文。\n',
        'notices/b.md': '---\n标题: 乙\n索引号: 114400001234567890/2024-00002\n---\n\n正文。\n',
      }),
    );
    assert.deepEqual(found, ['114400001234567890/2024-00001', '114400001234567890/2024-00002']);
  });

  test('counts a GBK-encoded file (check rejects it until it is converted)', () => {
    const bytes = readFileSync(`${fixture('broken')}notices/gbk.md`);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture really is not UTF-8');
    assert.deepEqual(usedIndexNumbers(notices({ 'notices/gbk.md': bytes })), ['114400001234567890/2024-00003']);
  });

  test('counts a file whose frontmatter YAML is broken, reading the 索引号 line itself', () => {
    const found = usedIndexNumbers(
      notices({
        'notices/quote.md':
          '---\n标题: "没有闭合的引号\n索引号: "114400001234567890/2024-00007"  # 备注\n---\n\n正文。\n',
        'notices/indent.md': '---\n标题: 缩进错误\n  索引号: 114400001234567890/2024-00008\n---\n\n正文。\n',
        'notices/colon.md': "---\n标题: 全角冒号\n索引号：'114400001234567890/2024-00009'\n---\n\n正文。\n",
      }),
    );
    assert.deepEqual(found.sort(), [
      '114400001234567890/2024-00007',
      '114400001234567890/2024-00008',
      '114400001234567890/2024-00009',
    ]);
  });

  test('does not read 索引号 quoted in the body of a broken file', () => {
    const found = usedIndexNumbers(
      notices({
        'notices/a.md':
          '---\n标题: "坏\n索引号: "114400001234567890/2024-00003"\n---\n\n索引号: 114400001234567890/2024-00099\n',
      }),
    );
    assert.deepEqual(found, ['114400001234567890/2024-00003']);
  });

  test('counts files with other problems: unknown 分类, empty body, a misspelt 索引号', () => {
    const found = usedIndexNumbers(
      notices({
        'notices/a.md': '---\n标题: 甲\n索引号: "114400001234567890/2024-00004"\n分类: 不存在的分类\n---\n',
        'notices/b.md': '---\n标题: 乙\n索引号: "114400001234567890/2024-5"\n---\n\n正文。\n',
      }),
    );
    assert.deepEqual(found, ['114400001234567890/2024-00004', '114400001234567890/2024-5']);
  });

  test('skips notices without a 索引号', () => {
    assert.deepEqual(
      usedIndexNumbers(
        notices({ 'notices/a.md': '---\n标题: 甲\n索引号: \n---\n\n正文。\n', 'notices/b.md': '没有字段区的文件\n' }),
      ),
      [],
    );
  });

  test('on the broken fixture, finds the 索引号 of files check rejects as well as of valid ones', async () => {
    const folder = await readContentFolder(fixture('broken'));
    const found = usedIndexNumbers(folder);
    assert.equal(found.length, folder.notices.length, 'every notice there has a 索引号 line');
    const report = await loadContent(fixture('broken'));
    const rejected = new Set(report.problems.filter((p) => p.severity === 'error').map((p) => p.file));
    assert.ok(rejected.has('notices/yaml-syntax.md') && rejected.has('notices/gbk.md'));
    assert.ok(found.includes('114400001234567890/2024-00002'), 'from yaml-syntax.md');
    assert.ok(found.includes('114400001234567890/2024-00003'), 'from gbk.md');
  });
});

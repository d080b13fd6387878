import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixture, runScript, tempDir } from './helpers.ts';
import { gbk, randomBytes, utf16, utf32, utf8 } from '../encode-text.ts';

const notice = (serial: number, title: string, newline: string) =>
  [
    '---',
    `标题: ${title}`,
    `索引号: "114400001234567890/2025-0000${serial}"`,
    '分类: 农业、林业、水利',
    '发布日期: "2025-03-05"',
    '---',
    '',
    `　　根据工作安排，现将${title}有关事项通知如下，请认真贯彻落实。`,
    '',
  ].join(newline);

/** Each file as the editor saved it, and the UTF-8 text `--fix` must turn it into. */
const FILES = {
  'notices/2025/utf16le.md': {
    text: notice(1, '关于开展春季植树活动的通知', '\r\n'),
    encode: (t: string) => utf16(t, true),
  },
  'notices/2025/utf32be.md': {
    text: notice(2, '关于做好森林防火工作的通知', '\n'),
    encode: (t: string) => utf32(t, false),
  },
  'notices/2025/gbk.md': { text: notice(3, '关于一季度安全生产检查的通知', '\r\n'), encode: gbk },
};
const UNDECODABLE = 'notices/2025/undecodable.md';

function officeWithMisencodedNotices(): { root: string; content: string; cache: string } {
  const root = tempDir('check-fix');
  const content = join(root, 'content');
  cpSync(fixture('office'), content, { recursive: true });
  mkdirSync(join(content, 'notices/2025'));
  for (const [file, { text, encode }] of Object.entries(FILES)) writeFileSync(join(content, file), encode(text));
  writeFileSync(join(content, UNDECODABLE), randomBytes(500, 11, { from: 0x80 }));
  return { root, content, cache: join(root, 'cache') };
}

describe('check --fix on files in other encodings', () => {
  const { root, content, cache } = officeWithMisencodedNotices();
  const originals = new Map(
    [...Object.keys(FILES), UNDECODABLE].map((file) => [file, readFileSync(join(content, file))]),
  );
  const fixed = runScript('check', ['--content', content, '--fix'], { GONGKAI_CACHE: cache });

  test('converts UTF-16LE and UTF-32BE without BOM, and GBK, to UTF-8 with their line ends', () => {
    assert.match(fixed.stdout, /已修正 notices\/2025\/utf16le\.md：由 UTF-16（小端） 编码转为 UTF-8/);
    assert.match(fixed.stdout, /已修正 notices\/2025\/utf32be\.md：由 UTF-32（大端） 编码转为 UTF-8/);
    assert.match(fixed.stdout, /已修正 notices\/2025\/gbk\.md：由 GBK 编码转为 UTF-8/);
    for (const [file, { text }] of Object.entries(FILES)) {
      assert.deepEqual(readFileSync(join(content, file)), Buffer.from(utf8(text)), file);
    }
    assert.doesNotMatch(
      fixed.stderr,
      /utf16le\.md|utf32be\.md|gbk\.md/,
      'check finds nothing wrong with the converted files',
    );
  });

  test('backs up each original byte for byte beside the content folder, and says where', () => {
    const runs = readdirSync(join(root, '.gongkai-fix-backup'));
    assert.equal(runs.length, 1);
    assert.match(runs[0]!, /^\d{8}-\d{6}$/);
    for (const file of Object.keys(FILES)) {
      const backup = join(root, '.gongkai-fix-backup', runs[0]!, file);
      assert.ok(relative(content, backup).startsWith('..'), 'the backup is outside the content folder');
      assert.deepEqual(readFileSync(backup), originals.get(file), file);
      assert.ok(fixed.stdout.includes(`已备份原文件到 ${backup}`), `the report names ${backup}`);
    }
  });

  test('leaves a file it cannot decode byte for byte unchanged, and says so', () => {
    assert.deepEqual(readFileSync(join(content, UNDECODABLE)), originals.get(UNDECODABLE));
    assert.match(fixed.stdout, /未自动修正 notices\/2025\/undecodable\.md：无法识别的编码.*文件没有改动/);
    assert.match(fixed.stderr, /错误 notices\/2025\/undecodable\.md:1 文件: 无法识别的编码/);
    assert.equal(fixed.status, 1);
    const backups = join(root, '.gongkai-fix-backup');
    assert.ok(
      !existsSync(join(backups, readdirSync(backups)[0]!, UNDECODABLE)),
      'nothing to back up for an untouched file',
    );
  });

  test('leaves no temporary file behind', () => {
    assert.deepEqual(readdirSync(join(content, 'notices/2025')).sort(), [
      'gbk.md',
      'undecodable.md',
      'utf16le.md',
      'utf32be.md',
    ]);
  });

  test('passes check once the undecodable file is gone, and a second --fix changes nothing', () => {
    rmSync(join(content, UNDECODABLE));
    const again = runScript('check', ['--content', content, '--fix'], { GONGKAI_CACHE: cache });
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(again.stdout, /已修正|已备份/);
    assert.equal(readdirSync(join(root, '.gongkai-fix-backup')).length, 1, 'no new backup run');
  });
});

describe('check --fix on full-width syntax and other names of keys', () => {
  const root = tempDir('check-fix-syntax');
  const content = join(root, 'content');
  cpSync(fixture('office'), content, { recursive: true });
  const file = 'notices/2025/quanjiao.md';
  const written = [
    '---',
    '标题: 关于春耕生产的通知：第二批',
    '索引号："114400001234567890/2025-00009"',
    '分类：农业',
    '发布日期: "2025-03-05"',
    '发文机关: 测试镇人民政府',
    '关键词:',
    '　　－ 春耕',
    '　　— 农业',
    '---',
    '',
    '根据工作安排：现将有关事项通知如下。',
    '',
  ].join('\r\n');
  mkdirSync(join(content, 'notices/2025'));
  writeFileSync(join(content, file), written);
  const checked = runScript('check', ['--content', content], { GONGKAI_CACHE: join(root, 'cache') });
  const fixed = runScript('check', ['--content', content, '--fix'], { GONGKAI_CACHE: join(root, 'cache') });

  test('check names each full-width mark and each other name, with its line', () => {
    assert.equal(checked.status, 1);
    for (const line of [
      `错误 ${file}:3 索引号: 第 3 行的冒号是全角“：”`,
      `错误 ${file}:4 分类: 第 4 行的冒号是全角“：”，应为半角“:”（后面加一个空格），可用 --fix 自动改正`,
      `错误 ${file}:6 发文机关: “发文机关”在本站叫“发布机构”，请改名（--fix 可自动改名）`,
      `错误 ${file}:7 关键词: “关键词”在本站叫“主题词”`,
      `错误 ${file}:8 文件: 第 8 行用全角空格缩进`,
      `错误 ${file}:9 文件: 第 9 行列表项前的短横是全角符号`,
    ])
      assert.ok(checked.stderr.includes(line), `${line}\n---\n${checked.stderr}`);
    assert.doesNotMatch(checked.stderr, /缺少冒号/);
  });

  test('--fix rewrites the syntax and the keys only, byte for byte, keeping CRLF', () => {
    assert.equal(
      readFileSync(join(content, file), 'utf8'),
      written
        .replace('索引号："', '索引号: "')
        .replace('分类：农业', '分类: 农业')
        .replace('发文机关:', '发布机构:')
        .replace('关键词:', '主题词:')
        .replace('　　－ 春耕', '    - 春耕')
        .replace('　　— 农业', '    - 农业'),
    );
    assert.match(fixed.stdout, /已修正 notices\/2025\/quanjiao\.md:4 分类：“分类：农业” → “分类: 农业”/);
    assert.match(fixed.stdout, /已修正 notices\/2025\/quanjiao\.md:6 字段名：发文机关 → 发布机构/);
  });

  test('backs up the original, and leaves the one problem it cannot decide', () => {
    const runs = readdirSync(join(root, '.gongkai-fix-backup'));
    assert.equal(runs.length, 1);
    assert.equal(readFileSync(join(root, '.gongkai-fix-backup', runs[0]!, file), 'utf8'), written);
    assert.equal(fixed.status, 1);
    assert.match(
      fixed.stderr,
      /错误 notices\/2025\/quanjiao\.md:4 分类: “农业”不在分类表中 — 是否应为“农业、林业、水利”？/,
    );
    assert.doesNotMatch(fixed.stderr, /quanjiao\.md:(?!4 )/, 'nothing else wrong with it');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planFix } from '../../src/content/fix-content.ts';
import { BOM, gbk, randomBytes, utf16, utf8, withBom } from '../encode-text.ts';

const notice = (docNumber: string, newline = '\n') =>
  ['---', '标题: 关于开展植树活动的通知', `文号: ${docNumber}`, '---', '', '正文。', ''].join(newline);

describe('planFix', () => {
  test('leaves a valid UTF-8 file alone', () => {
    assert.equal(planFix('notices/a.md', utf8(notice('坏镇府〔2024〕1号'))), undefined);
  });

  test('converts UTF-16 with a BOM to UTF-8 without one, keeping CRLF', () => {
    const text = notice('坏镇府〔2024〕1号', '\r\n');
    assert.deepEqual(planFix('notices/a.md', withBom(BOM.utf16le, utf16(text, true))), {
      output: text,
      changes: ['已修正 notices/a.md：由 UTF-16（小端） 编码转为 UTF-8'],
    });
  });

  test('asks the editor to look at one converted line when the encoding was inferred (no BOM)', () => {
    const plan = planFix('guide.md', gbk('# 政府信息公开指南\n\n正文。\n'));
    assert.deepEqual(plan, {
      output: '# 政府信息公开指南\n\n正文。\n',
      changes: [
        '已修正 guide.md：由 GBK 编码转为 UTF-8',
        '  请核对转换结果：第 1 行“# 政府信息公开指南”；如是乱码，请用备份恢复原文件',
      ],
    });
  });

  test('fixes 文号 brackets in the 文号 line only, keeping a UTF-8 BOM and mixed line ends', () => {
    const text = '---\r\n标题: 甲\n文号: 坏镇府[2024]3号\r\n---\r\r\n正文提到[2024]。\n';
    const plan = planFix('notices/a.md', withBom(BOM.utf8, utf8(text)));
    assert.deepEqual(plan, {
      output: '\uFEFF' + text.replace('坏镇府[2024]3号', '坏镇府〔2024〕3号'),
      changes: ['已修正 notices/a.md:3 文号：坏镇府[2024]3号 → 坏镇府〔2024〕3号'],
    });
  });

  test('keeps `$&` in a 文号 as text', () => {
    const plan = planFix('notices/a.md', utf8(notice('坏$&府[2024]3号')));
    assert.match(plan && 'output' in plan ? plan.output : '', /^文号: 坏\$&府〔2024〕3号$/m);
  });

  test('does both fixes to a GBK notice with a wrong 文号 in one plan', () => {
    const plan = planFix('notices/a.md', gbk(notice('坏镇府【2024】3号')));
    assert.ok(plan && 'output' in plan);
    assert.equal(plan.output, notice('坏镇府〔2024〕3号'));
    assert.equal(plan.changes.length, 3);
  });

  test('refuses bytes whose encoding cannot be told, saying the file is untouched', () => {
    const plan = planFix('notices/a.md', randomBytes(400, 3, { from: 0x80 }));
    assert.deepEqual(plan, {
      refused:
        '未自动修正 notices/a.md：无法识别的编码：文件不是 UTF-8，也不像 GBK 或 UTF-16 编码的中文文本，可能已损坏或不是文本文件。文件没有改动',
    });
  });
});

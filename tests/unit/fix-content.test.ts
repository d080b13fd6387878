import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planFix } from '../../src/content/fix-content.ts';
import { BOM, gbk, randomBytes, utf16, utf8, withBom } from '../encode-text.ts';

const notice = (docNumber: string, newline = '\n') =>
  ['---', '标题: 关于开展植树活动的通知', `文号: ${docNumber}`, '---', '', '正文。', ''].join(newline);

const outputOf = (plan: ReturnType<typeof planFix>) => (plan && 'output' in plan ? plan.output : undefined);

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

  test('makes full-width colons, dashes and indentation in the frontmatter ASCII, byte for byte', () => {
    const text = [
      '---',
      '标题: 关于……：通知',
      '分类：农业、林业、水利',
      '主题词:',
      '　　－ 春耕',
      '　　— 农业',
      '---',
      '',
      '正文：不改。',
      '分类：正文里的也不改',
      '',
    ].join('\r\n');
    const plan = planFix('notices/a.md', utf8(text));
    assert.deepEqual(plan, {
      output: [
        '---',
        '标题: 关于……：通知',
        '分类: 农业、林业、水利',
        '主题词:',
        '    - 春耕',
        '    - 农业',
        '---',
        '',
        '正文：不改。',
        '分类：正文里的也不改',
        '',
      ].join('\r\n'),
      changes: [
        '已修正 notices/a.md:3 分类：“分类：农业、林业、水利” → “分类: 农业、林业、水利”',
        '已修正 notices/a.md:5 全角符号：“－ 春耕” → “- 春耕”',
        '已修正 notices/a.md:6 全角符号：“— 农业” → “- 农业”',
      ],
    });
  });

  test('fixes site.yaml and jigou.yaml the same way, but not guide.md', () => {
    const site = '机关名称：测试镇人民政府\n机构代码: "114400001234567890"\n';
    assert.deepEqual(planFix('site.yaml', utf8(site)), {
      output: site.replace('机关名称：', '机关名称: '),
      changes: ['已修正 site.yaml:1 机关名称：“机关名称：测试镇人民政府” → “机关名称: 测试镇人民政府”'],
    });
    const organ = '机构职能: |\n  （一）负责：全镇工作。\n内设机构：\n  - 名称: 党政办\n';
    assert.equal(
      outputOf(planFix('jigou.yaml', utf8(organ))),
      organ.replace('内设机构：', '内设机构:'),
      'the block value keeps its colon',
    );
    assert.equal(planFix('guide.md', utf8('# 指南\n\n分类：说明\n')), undefined);
  });

  test('renames a key written under another name, on its line only', () => {
    const text = '---\n标题: 关于发文机关：某局的通知\n发文机关: 某局\n关键词: 春耕\n---\n\n发文机关: 正文\n';
    assert.deepEqual(planFix('notices/a.md', utf8(text)), {
      output: '---\n标题: 关于发文机关：某局的通知\n发布机构: 某局\n主题词: 春耕\n---\n\n发文机关: 正文\n',
      changes: ['已修正 notices/a.md:3 字段名：发文机关 → 发布机构', '已修正 notices/a.md:4 字段名：关键词 → 主题词'],
    });
  });

  test('does not rename when the site’s key is there too, nor two keys to one', () => {
    assert.equal(
      planFix('notices/a.md', utf8('---\n文号: 甲〔2024〕1号\n发文字号: 甲〔2024〕1号\n---\n\n正文。\n')),
      undefined,
    );
    const plan = planFix('notices/a.md', utf8('---\n发文机关: 甲\n发文单位: 乙\n---\n\n正文。\n'));
    assert.deepEqual(plan && 'changes' in plan ? plan.changes : [], [
      '已修正 notices/a.md:2 字段名：发文机关 → 发布机构',
    ]);
  });

  test('a full-width colon and a synonym on the same key are both fixed', () => {
    const plan = planFix('notices/a.md', utf8('---\n标题: 甲\n发文机关：某局\n---\n\n正文。\n'));
    assert.equal(outputOf(plan), '---\n标题: 甲\n发布机构: 某局\n---\n\n正文。\n');
  });
});

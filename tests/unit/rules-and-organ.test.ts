/**
 * zhidu.md (政府信息公开制度) and jigou.yaml (机构信息): the office's own optional files, held to
 * the rules of guide.md and site.yaml, with problems that name the file, line and field.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, emptyColumnProblems, type ContentFolder } from '../../src/content/content-check.ts';
import { fixContentFolder } from '../../src/content/fix-content.ts';
import { paragraphs } from '../../src/domain/site/organ-info.ts';
import type { Problem } from '../../src/domain/problems.ts';
import { gbk, utf8 } from '../encode-text.ts';
import { temporary } from '../build/helpers.ts';

const SITE =
  '机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n网址: https://gk.test.example.gov.cn/\n电话: "13800138000"\n机构类型: 乡镇\n';
const NOTICE =
  '---\n标题: 关于测试的通知\n索引号: "114400001234567890/2024-00001"\n分类: 综合政务\n发布日期: "2024-03-01"\n---\n\n正文第一句。\n';

function folder(extra: Partial<ContentFolder>): ContentFolder {
  return {
    siteYaml: utf8(SITE),
    guide: utf8('# 指南\n\n本指南每年更新一次。\n'),
    notices: [{ path: 'notices/a.md', bytes: utf8(NOTICE) }],
    strayFiles: [],
    attachments: new Map(),
    ...extra,
  };
}

/** A jigou.yaml as an office writes it; `lines` replace or add lines at the end. */
const ORGAN = [
  '机构职能: |', //                        1
  '  （一）贯彻执行党和国家的方针政策。', // 2
  '  （二）负责本镇经济社会发展。', //       3
  '内设机构:', //                           4
  '  - 名称: 党政综合办公室', //             5
  '    职责: 负责综合协调、政务公开。', //   6
  '    电话: 0758-1234570', //               7
  '  - 名称: 经济发展办公室', //             8
  '    职责: 负责经济发展和统计。', //       9
  '负责人:', //                             10
  '  - 姓名: 林振华', //                     11
  '    职务: 镇长', //                       12
  '    分工: 主持全面工作。', //             13
  '  - 姓名: 陈秀梅', //                     14
  '    职务: 副镇长', //                     15
  '    分工: 分管农业农村工作。', //         16
];
const organ = (edit: (lines: string[]) => string[] = (l) => l) => utf8(`${edit([...ORGAN]).join('\n')}\n`);

const only = (problems: Problem[], file: string) => problems.filter((p) => p.file === file);

describe('jigou.yaml (机构信息)', () => {
  test('a good file is read into 机构职能, 内设机构, 负责人 and fills the 机构职能 column', () => {
    const report = checkContent(folder({ organ: organ((l) => [...l, '联系电话: 0758-1234566']) }));
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.content?.organ, {
      functions: '（一）贯彻执行党和国家的方针政策。\n（二）负责本镇经济社会发展。',
      departments: [
        { name: '党政综合办公室', duties: '负责综合协调、政务公开。', phone: '0758-1234570' },
        { name: '经济发展办公室', duties: '负责经济发展和统计。', phone: undefined },
      ],
      leaders: [
        { name: '林振华', title: '镇长', duties: '主持全面工作。' },
        { name: '陈秀梅', title: '副镇长', duties: '分管农业农村工作。' },
      ],
      address: undefined,
      officeHours: undefined,
      phone: '0758-1234566',
    });
    const empty = emptyColumnProblems(report.content!)[0]!;
    assert.doesNotMatch(empty.message, /机构职能/, 'jigou.yaml is the column’s content');
    assert.match(empty.message, /政府信息公开制度/, 'no zhidu.md and no notice in it');
  });

  test('每一行 of 机构职能 is a paragraph of its own, as the clerk typed it', () => {
    assert.deepEqual(paragraphs('（一）甲。\n\n（二）乙。\r\n  （三）丙。\n'), [
      '（一）甲。',
      '（二）乙。',
      '（三）丙。',
    ]);
  });

  test('an unknown key is refused with its line and the keys that may be written', () => {
    const report = checkContent(folder({ organ: organ((l) => [...l, '网站: https://example.gov.cn/']) }));
    assert.deepEqual(only(report.problems, 'jigou.yaml'), [
      {
        file: 'jigou.yaml',
        line: 17,
        field: '网站',
        severity: 'error',
        kind: 'unknown-field',
        message: '不认识的字段“网站”',
        fix: '检查拼写；可用的字段：机构职能、内设机构、负责人、办公地址、办公时间、联系电话',
      },
    ]);
    assert.equal(report.content, undefined, 'nothing is built');
  });

  test('an unknown key in one 负责人 points at that key, naming the keys of a 负责人', () => {
    const report = checkContent(folder({ organ: organ((l) => [...l, '    手机: 见办公室']) }));
    assert.deepEqual(only(report.problems, 'jigou.yaml'), [
      {
        file: 'jigou.yaml',
        line: 17,
        field: '负责人.1.手机',
        severity: 'error',
        kind: 'unknown-field',
        message: '不认识的字段“手机”',
        fix: '检查拼写；“负责人”的每一项可写：姓名、职务、分工',
      },
    ]);
  });

  test('a 负责人 without 姓名 points at that person', () => {
    const report = checkContent(
      folder({
        organ: organ((l) =>
          l
            .filter((line) => line !== '  - 姓名: 陈秀梅')
            .map((line) => (line === '    职务: 副镇长' ? '  - 职务: 副镇长' : line)),
        ),
      }),
    );
    assert.deepEqual(only(report.problems, 'jigou.yaml'), [
      {
        file: 'jigou.yaml',
        line: 14,
        field: '负责人.1.姓名',
        severity: 'error',
        kind: 'missing-field',
        message: '缺少必填字段',
        fix: '请添加“姓名: …”',
      },
    ]);
  });

  test('a list written as text, and a missing 负责人, are named in Chinese', () => {
    const report = checkContent(folder({ organ: utf8('机构职能: 负责全镇工作。\n内设机构: 党政综合办公室\n') }));
    assert.deepEqual(
      only(report.problems, 'jigou.yaml').map((p) => [p.line, p.field, p.kind, p.message]),
      [
        [1, '负责人', 'missing-field', '缺少必填字段'],
        [2, '内设机构', 'invalid-value', '内设机构应为列表（每一项以“- ”开头，每项写 名称 和 职责）'],
      ],
    );
    assert.match(
      report.problems.find((p) => p.field === '内设机构')!.fix!,
      /docs\/publishing\.md“jigou\.yaml：机构信息”一节/,
    );
  });

  test('a private mobile number in a 负责人’s 分工 is refused as in a notice, with its line', () => {
    const report = checkContent(
      folder({
        organ: organ((l) =>
          l.map((line) => (line === '    分工: 主持全面工作。' ? '    分工: 主持全面工作，手机13912345678。' : line)),
        ),
      }),
    );
    assert.deepEqual(only(report.problems, 'jigou.yaml'), [
      {
        file: 'jigou.yaml',
        line: 13,
        field: '负责人分工',
        severity: 'error',
        kind: 'personal-info',
        message: '负责人分工中有手机号码 139****5678：公开的信息不得含有完整的身份证号码、手机号码、银行卡号等个人信息',
        fix: '删除这个号码，或只保留前后几位（如 138****1234）；本机关对外公开的办公电话写在“联系电话”或内设机构的“电话”中',
      },
    ]);
  });

  test('the office’s own numbers are not leaks: site.yaml’s 电话, jigou.yaml’s 联系电话 and 内设机构 电话', () => {
    const report = checkContent(
      folder({
        organ: organ((l) => [
          ...l.map((line) => (line === '    电话: 0758-1234570' ? '    电话: "13700137000"' : line)),
          '联系电话: "13600136000"',
          '办公时间: 值班电话 13800138000、13700137000、13600136000',
        ]),
      }),
    );
    assert.deepEqual(report.problems, []);
  });

  test('YAML that cannot be read is reported like site.yaml’s, with its line', () => {
    const report = checkContent(
      folder({
        organ: utf8('机构职能: 负责全镇工作。\n负责人:\n  - 姓名: "林振华\n    职务: 镇长\n    分工: 主持全面工作。\n'),
      }),
    );
    assert.deepEqual(
      only(report.problems, 'jigou.yaml').map((p) => [p.line, p.field, p.kind, p.message]),
      [[3, '文件', 'yaml-syntax', '格式有误：引号或括号没有成对闭合']],
    );
  });
});

describe('docs/publishing.md', () => {
  test('its jigou.yaml example passes check as it stands', () => {
    const docs = readFileSync(new URL('../../docs/publishing.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('\n### jigou.yaml：机构信息\n'));
    const example = /^```yaml\n([\s\S]*?)^```$/m.exec(section)?.[1];
    assert.ok(example, 'the section has a YAML example');
    const report = checkContent(folder({ organ: utf8(example) }));
    assert.deepEqual(report.problems, []);
    assert.equal(report.content?.organ?.leaders.length, 2);
  });
});

describe('zhidu.md (政府信息公开制度)', () => {
  const rules = (text: string) => checkContent(folder({ rules: utf8(text) }));

  test('is published as written and fills the 制度 column', () => {
    const report = rules('## 一、主动公开\n\n见[指南](/zhinan/)。\n');
    assert.deepEqual(report.problems, []);
    assert.equal(report.content?.rules, '## 一、主动公开\n\n见[指南](/zhinan/)。\n');
    assert.doesNotMatch(emptyColumnProblems(report.content!)[0]!.message, /政府信息公开制度/);
  });

  test('is optional: without it there is no 制度 text and no error', () => {
    const report = checkContent(folder({}));
    assert.deepEqual(report.problems, []);
    assert.equal(report.content?.rules, undefined);
  });

  test('a <script> in it is refused, as in guide.md', () => {
    const report = rules('# 制度\n\n<script>alert(1)</script>\n');
    assert.deepEqual(
      report.problems.map((p) => [p.file, p.line, p.field, p.severity, p.kind]),
      [['zhidu.md', 3, '正文', 'error', 'unsafe-html']],
    );
    assert.match(report.problems[0]!.message, /<script> 不能发布/);
    const guide = checkContent(folder({ guide: utf8('# 指南\n\n<script>alert(1)</script>\n') }));
    assert.deepEqual(
      guide.problems.map((p) => [p.line, p.field, p.kind, p.message]),
      report.problems.map((p) => [p.line, p.field, p.kind, p.message]),
      'the same problem guide.md gets',
    );
  });

  test('a mobile number, a dead link and an empty file are refused; site.yaml’s 电话 is not a leak', () => {
    assert.deepEqual(
      rules(
        '# 制度\n\n咨询电话 13800138000，或 13712345678。\n\n[申请表](/attachments/shenqingbiao.docx)\n',
      ).problems.map((p) => [p.file, p.line, p.kind]),
      [
        ['zhidu.md', 3, 'personal-info'],
        ['zhidu.md', 5, 'dead-link'],
      ],
    );
    assert.deepEqual(
      rules('\n\n').problems.map((p) => [p.file, p.line, p.kind, p.message]),
      [['zhidu.md', 1, 'empty-rules', '政府信息公开制度是空的（空白栏目是网站检查的扣分项）']],
    );
  });

  test('an attachment it links to is published with the site', () => {
    const report = checkContent(
      folder({
        rules: utf8('见[审批表](/attachments/shenpibiao.docx)。\n'),
        attachments: new Map([['shenpibiao.docx', 10]]),
      }),
    );
    assert.deepEqual(report.problems, []);
    assert.deepEqual([...report.content!.attachments.keys()], ['shenpibiao.docx']);
  });
});

describe('check --fix', () => {
  test('converts zhidu.md and jigou.yaml saved as GBK to UTF-8, as it does guide.md', async () => {
    const dir = temporary('gongkai-fix-office-');
    mkdirSync(join(dir, 'notices'));
    writeFileSync(join(dir, 'site.yaml'), SITE);
    writeFileSync(join(dir, 'zhidu.md'), gbk('# 政府信息公开制度\n\n第一条 本制度适用于本镇。\n'));
    writeFileSync(join(dir, 'jigou.yaml'), gbk(`${ORGAN.join('\n')}\n`));
    const lines = await fixContentFolder(dir);
    assert.ok(lines.includes('已修正 zhidu.md：由 GBK 编码转为 UTF-8'), lines.join('\n'));
    assert.ok(lines.includes('已修正 jigou.yaml：由 GBK 编码转为 UTF-8'), lines.join('\n'));
    assert.match(readFileSync(join(dir, 'zhidu.md'), 'utf8'), /第一条 本制度适用于本镇。/);
    assert.match(readFileSync(join(dir, 'jigou.yaml'), 'utf8'), /姓名: 林振华/);
  });
});

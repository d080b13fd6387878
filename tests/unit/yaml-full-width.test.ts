import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fullWidthRepairs } from '../../src/domain/notice/yaml-full-width.ts';
import { parseYamlFields } from '../../src/domain/notice/yaml-fields.ts';
import { checkContent, parseOrganYaml, parseSiteYaml, type ContentFolder } from '../../src/content/content-check.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Each repaired line as `line: text [kinds]`. */
const repairs = (yaml: string) =>
  fullWidthRepairs(yaml).map((r) => `${r.line}: ${r.to} [${r.issues.map((i) => i.kind).join(' ')}]`);

describe('full-width punctuation in the YAML syntax', () => {
  test('a full-width colon after a key becomes ": "', () => {
    assert.deepEqual(repairs('标题: 甲\n分类：农业、林业、水利\n发布日期: "2024-03-01"'), [
      '2: 分类: 农业、林业、水利 [full-width-colon]',
    ]);
    assert.deepEqual(repairs('分类：　农业'), ['1: 分类: 农业 [full-width-colon]'], 'a full-width space after it too');
    assert.deepEqual(repairs('附件：\n  - 名称: 表\n    文件: a.pdf'), ['1: 附件: [full-width-colon]']);
  });

  test('a full-width colon inside a value stays', () => {
    assert.deepEqual(repairs('标题: 关于……：通知\n摘要: 注意：事项'), []);
    assert.deepEqual(repairs('标题: 关于……：通知\n分类：综合政务'), ['2: 分类: 综合政务 [full-width-colon]']);
  });

  test('a full-width colon in a block value or a continued value stays', () => {
    const organ = '机构职能: |\n  （一）负责：全镇工作。\n  备注：无\n负责人：\n  - 姓名: 张三';
    assert.deepEqual(repairs(organ), ['4: 负责人: [full-width-colon]']);
    assert.deepEqual(repairs('摘要: 部署全镇工作，\n  注意：事项\n标题: 甲'), []);
    assert.deepEqual(repairs('主题词:\n  - 注意：事项'), [], 'a list of words, not of entries');
  });

  test('list dashes typed － or — become "-", full-width indentation two spaces per character', () => {
    assert.deepEqual(repairs('主题词:\n  － 春耕\n  — 农业\n  —— 水利\n  -　林业'), [
      '2:   - 春耕 [full-width-dash]',
      '3:   - 农业 [full-width-dash]',
      '4:   - 水利 [full-width-dash]',
      '5:   - 林业 [full-width-dash]',
    ]);
    assert.deepEqual(repairs('摘要: 部署工作\n  ——摘自通知\n'), [], 'a dash that begins text, not a list');
    assert.deepEqual(repairs('附件:\n　- 名称: 表\n　  文件: a.pdf'), [
      '2:   - 名称: 表 [full-width-indent]',
      '3:     文件: a.pdf [full-width-indent]',
    ]);
    assert.deepEqual(repairs('附件:\n　－ 名称：表\n　  文件：a.pdf'), [
      '2:   - 名称: 表 [full-width-indent full-width-dash full-width-colon]',
      '3:     文件: a.pdf [full-width-indent full-width-colon]',
    ]);
  });

  test('text without them, and comments, are left alone', () => {
    assert.deepEqual(repairs('标题: 甲\n# 说明：可留空\n主题词: [春耕, 农业]\n'), []);
  });
});

describe('parseYamlFields reports each full-width mark and reads the text as meant', () => {
  test('names the line (of the file), the key and the fix', () => {
    const { fields, problems } = parseYamlFields('notices/a.md', '标题: 关于……：通知\n分类：农业、林业、水利\n', 2);
    assert.deepEqual(problems, [
      {
        file: 'notices/a.md',
        line: 3,
        field: '分类',
        severity: 'error',
        kind: 'full-width-colon',
        message: '第 3 行的冒号是全角“：”，应为半角“:”（后面加一个空格），可用 --fix 自动改正',
        fix: '把“分类：”改为“分类: ”（切换到英文输入法输入冒号），或运行 npm run check -- --fix',
      },
    ]);
    assert.deepEqual(fields?.data, { 标题: '关于……：通知', 分类: '农业、林业、水利' });
    assert.equal(fields?.lineOf('分类'), 3);
  });

  test('dashes and indentation are named too', () => {
    const { problems } = parseYamlFields('notices/a.md', '主题词:\n　　－ 春耕\n', 2);
    assert.deepEqual(
      problems.map((p) => [p.line, p.field, p.kind, p.message]),
      [
        [
          3,
          '文件',
          'full-width-indent',
          '第 3 行用全角空格缩进，应为半角空格（一个全角空格算两个半角空格），可用 --fix 自动改正',
        ],
        [
          3,
          '文件',
          'full-width-dash',
          '第 3 行列表项前的短横是全角符号（“－”“—”“——”或后面跟全角空格），应为半角“-”加一个空格，可用 --fix 自动改正',
        ],
      ],
    );
  });

  test('in a notice: the colon is the one problem, not “缺少冒号”, and the notice is not published', () => {
    const notice =
      '---\n标题: 关于测试的通知\n索引号: "114400001234567890/2024-00001"\n分类：综合政务\n发布日期: "2024-03-01"\n---\n\n正文。\n';
    const report = checkContent({
      siteYaml: utf8(
        '机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n网址: https://gk.test.example.gov.cn/\n',
      ),
      guide: utf8('# 指南\n\n正文。\n'),
      notices: [{ path: 'notices/a.md', bytes: utf8(notice) }],
      strayFiles: [],
      attachments: new Map(),
    } satisfies ContentFolder);
    assert.deepEqual(
      report.problems.map((p) => `${p.line} ${p.field} ${p.kind}`),
      ['4 分类 full-width-colon'],
    );
    assert.equal(report.content, undefined);
  });

  test('site.yaml and jigou.yaml share the rule', () => {
    const site = parseSiteYaml(
      utf8('机关名称：测试镇人民政府\n机构代码: "114400001234567890"\n网址: https://a.example/\n'),
    );
    assert.deepEqual(
      site.problems.map((p) => `site.yaml:${p.line} ${p.field} ${p.kind}`),
      ['site.yaml:1 机关名称 full-width-colon'],
    );
    const organ = parseOrganYaml(
      utf8(
        '机构职能: 负责全镇工作。\n内设机构：\n  - 名称: 党政办\n    职责: 文电\n负责人:\n  - 姓名: 张三\n    职务: 镇长\n    分工: 全面工作\n',
      ),
    );
    assert.deepEqual(
      organ.problems.map((p) => `jigou.yaml:${p.line} ${p.field} ${p.kind}`),
      ['jigou.yaml:2 内设机构 full-width-colon'],
    );
  });
});

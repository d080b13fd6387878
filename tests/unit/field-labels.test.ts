import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_SYNONYMS } from '../../src/domain/notice/field-labels.ts';
import { checkContent } from '../../src/content/content-check.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const FIELDS =
  '标题: 关于测试的通知\n索引号: "114400001234567890/2024-00001"\n分类: 综合政务\n发布日期: "2024-03-01"\n';

/** The problems of one notice whose frontmatter ends with `extra`. */
function check(extra: string, fields = FIELDS) {
  return checkContent({
    siteYaml: utf8('机关名称: 测试镇人民政府\n机构代码: "114400001234567890"\n网址: https://gk.test.example.gov.cn/\n'),
    guide: utf8('# 指南\n\n正文。\n'),
    notices: [{ path: 'notices/a.md', bytes: utf8(`---\n${fields}${extra}---\n\n正文。\n`) }],
    strayFiles: [],
    attachments: new Map(),
  });
}

describe('keys written under another name', () => {
  const named = {
    发文机关: '发布机构',
    发文单位: '发布机构',
    发文字号: '文号',
    主题分类: '分类',
    成文时间: '成文日期',
    发布时间: '发布日期',
    关键词: '主题词',
    文种: '体裁',
    内容概述: '摘要',
  } as const;

  for (const [key, target] of Object.entries(named)) {
    test(`${key} is an unknown key that the message calls ${target}`, () => {
      assert.equal(KEY_SYNONYMS.get(key), target);
      // A required key (分类, 发布日期) is written under the other name in its own place.
      const base = FIELDS.split('\n');
      const at = base.findIndex((line) => line.startsWith(`${target}:`));
      const report = at < 0 ? check(`${key}: 甲\n`) : check('', FIELDS.replace(`${target}:`, `${key}:`));
      const problem = report.problems.find((p) => p.field === key);
      assert.deepEqual(problem, {
        file: 'notices/a.md',
        line: at < 0 ? 6 : at + 2,
        field: key,
        severity: 'error',
        kind: 'unknown-field',
        message: `“${key}”在本站叫“${target}”，请改名（--fix 可自动改名）`,
        fix: `把“${key}:”改为“${target}:”`,
      });
      assert.equal(report.content, undefined);
    });
  }

  test('with the site’s key written as well, the message says both are there', () => {
    const problem = check('文号: 示镇府〔2024〕1号\n发文字号: 示镇府〔2024〕1号\n').problems.find(
      (p) => p.field === '发文字号',
    );
    assert.equal(problem?.message, '“发文字号”在本站叫“文号”，而文件中已经有“文号”');
    assert.equal(problem?.line, 7);
  });

  test('weak labels, and the keys themselves, are not synonyms', () => {
    for (const label of ['日期', '时间', '名称', '来源', '标题', '分类'])
      assert.equal(KEY_SYNONYMS.has(label), false, label);
    const problem = check('日期: "2024-03-01"\n').problems.find((p) => p.field === '日期');
    assert.equal(problem?.message, '不认识的字段“日期”');
  });
});

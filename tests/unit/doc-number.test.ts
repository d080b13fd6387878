import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocNumber, fixDocNumberBrackets } from '../../src/domain/notice/doc-number.ts';
import { checkContent } from '../../src/content/content-check.ts';

describe('checkDocNumber', () => {
  test('accepts GB/T 9704 numbers with hexagonal brackets', () => {
    for (const n of ['肇府办〔2010〕31号', '汕府办函〔2021〕201号', '示镇府〔2024〕1号'])
      assert.ok(checkDocNumber(n).ok, n);
  });
  test('accepts order numbers, which keep 第', () => {
    for (const n of ['国务院令第492号', '国令第845号']) assert.ok(checkDocNumber(n).ok, n);
  });
  for (const [typed, label] of [
    ['汕府办函[2021]201号', 'square brackets'],
    ['汕府办函(2021)201号', 'ASCII parentheses'],
    ['汕府办函（2021）201号', 'full-width parentheses'],
    ['汕府办函【2021】201号', 'lenticular brackets'],
    ['汕府办函［2021］201号', 'full-width square brackets'],
    ['汕府办函﹝2021﹞201号', 'small tortoise-shell brackets'],
  ] as const) {
    test(`rejects ${label} and offers the automatic fix`, () => {
      const checked = checkDocNumber(typed);
      assert.equal(checked.ok, false);
      assert.equal(!checked.ok && checked.kind, 'bad-doc-number-brackets');
      assert.equal(!checked.ok && checked.fixed, '汕府办函〔2021〕201号');
    });
  }
  test('rejects a serial with leading zeros and shows the right form', () => {
    const checked = checkDocNumber('肇府办〔2010〕031号');
    assert.equal(checked.ok, false);
    assert.equal(!checked.ok && checked.kind, 'bad-doc-number-zeros');
    assert.match(!checked.ok ? checked.fix : '', /肇府办〔2010〕31号/);
    assert.equal(!checked.ok && checked.fixed, undefined, 'zeros are not rewritten automatically');
  });
  test('rejects 第 before the serial of an ordinary document', () => {
    const checked = checkDocNumber('肇府办〔2010〕第31号');
    assert.match(!checked.ok ? checked.reason : '', /不加“第”/);
  });
  test('rejects a two-digit year', () => {
    const checked = checkDocNumber('肇府办〔10〕31号');
    assert.match(!checked.ok ? checked.reason : '', /写全4位/);
  });
  test('accepts 繁體 numbers as written: 號 and a 繁體 机关代字', () => {
    for (const n of ['肇府辦〔2010〕31號', '粵府辦函〔2021〕201號', '國務院令第711號', '肇府辦〔2010〕31号'])
      assert.ok(checkDocNumber(n).ok, n);
  });
  test('corrects a 繁體 number in its own script', () => {
    const brackets = checkDocNumber('肇府辦[2010]31號');
    assert.equal(!brackets.ok && brackets.fixed, '肇府辦〔2010〕31號');
    const zeros = checkDocNumber('肇府辦〔2010〕031號');
    assert.equal(!zeros.ok && zeros.kind, 'bad-doc-number-zeros');
    assert.match(!zeros.ok ? zeros.fix : '', /改为 肇府辦〔2010〕31號/);
    const di = checkDocNumber('肇府辦〔2010〕第31號');
    assert.match(!di.ok ? di.fix : '', /改为 肇府辦〔2010〕31號/);
  });
  test('rejects text that is not a document number at all', () => {
    assert.equal(checkDocNumber('无').ok, false);
  });
});

describe('fixDocNumberBrackets', () => {
  test('only touches the brackets around the year', () => {
    assert.equal(fixDocNumberBrackets('示镇府办[2024]5号'), '示镇府办〔2024〕5号');
    assert.equal(fixDocNumberBrackets('示镇府办〔2024〕5号'), '示镇府办〔2024〕5号');
  });
});

describe('a 繁體 notice written by hand', () => {
  test('passes check with its 文号 as written', () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const text = [
      '---',
      '标题: 肇慶市人民政府辦公室關於做好政務公開工作的通知',
      '索引号: "007141332/2010-02262"',
      '文号: 肇府辦〔2010〕31號',
      '分类: 综合政务',
      '发布日期: "2010-04-24"',
      '---',
      '',
      '各縣（市、區）人民政府，市政府各部門：',
      '',
    ].join('\n');
    const report = checkContent({
      siteYaml: utf8('机关名称: 肇庆市人民政府\n机构代码: "007141332"\n网址: https://gk.example.gov.cn/\n'),
      guide: utf8('# 指南\n\n本指南每年更新一次。\n'),
      notices: [{ path: 'notices/2010/a.md', bytes: utf8(text) }],
      strayFiles: [],
      attachments: new Map(),
    });
    assert.deepEqual(
      report.problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.equal(report.content?.notices[0]?.docNumber, '肇府辦〔2010〕31號');
  });
});

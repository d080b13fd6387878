import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocNumber, fixDocNumberBrackets } from '../../src/domain/notice/doc-number.ts';

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

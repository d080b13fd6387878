import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIndexNumber, indexNumberSlug, formatIndexNumber } from '../../src/domain/notice/index-number.ts';

describe('parseIndexNumber', () => {
  test('accepts a 9-character 组织机构代码 prefix', () => {
    const parsed = parseIndexNumber('007141332/2010-02262');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.parts, { code: '007141332', year: 2010, serial: 2262 });
  });
  test('accepts an 18-character 统一社会信用代码 prefix with letters', () => {
    assert.ok(parseIndexNumber('11441700007280420Y/2021-00050').ok);
  });
  test('rejects a serial without zero padding and says how to pad it', () => {
    const parsed = parseIndexNumber('007141332/2010-72');
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.fix : '', /007141332\/2010-00072/);
  });
  test('rejects a full-width slash and gives the corrected value', () => {
    const parsed = parseIndexNumber('007141332／2010-02262');
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.fix : '', /007141332\/2010-02262/);
  });
  test('rejects lowercase letters in the code and suggests uppercase', () => {
    const parsed = parseIndexNumber('11441700007280420y/2021-00050');
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.fix : '', /11441700007280420Y/);
  });
  test('rejects a code with the dash of the printed 组织机构代码', () => {
    const parsed = parseIndexNumber('00714133-2/2010-02262');
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.reason : '', /“-”应去掉/);
  });
  test('rejects codes of other lengths, naming the length', () => {
    const parsed = parseIndexNumber('1144/2024-00001');
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.reason : '', /现为4位/);
  });
  test('rejects a value without the slash', () => {
    assert.equal(parseIndexNumber('007141332-2010-02262').ok, false);
  });
});

describe('indexNumberSlug', () => {
  test('replaces "/" with "-" for the notice URL', () => {
    assert.equal(indexNumberSlug('007141332/2010-02262'), '007141332-2010-02262');
  });
});

describe('formatIndexNumber', () => {
  test('pads the serial to five digits', () => {
    assert.equal(formatIndexNumber({ code: '007141332', year: 2024, serial: 7 }), '007141332/2024-00007');
  });
});

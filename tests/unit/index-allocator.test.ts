import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextIndexNumber, MAX_SERIAL } from '../../src/domain/notice/index-allocator.ts';

const CODE = '11441299MB2E00012L';

describe('nextIndexNumber', () => {
  test('the first 索引号 of a year is serial 00001', () => {
    assert.equal(nextIndexNumber([], CODE, 2026), `${CODE}/2026-00001`);
  });
  test('is the highest serial used for the code and year, plus one', () => {
    const existing = [`${CODE}/2026-00002`, `${CODE}/2026-00007`, `${CODE}/2026-00003`];
    assert.equal(nextIndexNumber(existing, CODE, 2026), `${CODE}/2026-00008`);
  });
  test('never refills a gap: a withdrawn notice keeps its number', () => {
    const existing = [`${CODE}/2026-00001`, `${CODE}/2026-00005`];
    assert.equal(nextIndexNumber(existing, CODE, 2026), `${CODE}/2026-00006`);
  });
  test('ignores the serials of other organ codes', () => {
    const existing = [`${CODE}/2026-00004`, '11441299MB2E00056Q/2026-00090', '007141332/2026-00500'];
    assert.equal(nextIndexNumber(existing, CODE, 2026), `${CODE}/2026-00005`);
    assert.equal(nextIndexNumber(existing, '11441299MB2E00056Q', 2026), '11441299MB2E00056Q/2026-00091');
  });
  test('starts again at 00001 in a new year, whatever last year reached', () => {
    const existing = [`${CODE}/2025-00412`, `${CODE}/2026-00003`];
    assert.equal(nextIndexNumber(existing, CODE, 2027), `${CODE}/2027-00001`);
    assert.equal(nextIndexNumber(existing, CODE, 2025), `${CODE}/2025-00413`);
  });
  test('counts misspelt forms check would ask to correct, so a corrected file cannot collide', () => {
    const misspelt = [
      `${CODE}／2026-00011`, // full-width slash
      `${CODE.toLowerCase()}/2026-00012`, // lowercase code
      '114412-99MB2E00012L/2026-00013', // a dash in the code
      `${CODE}/2026-14`, // serial not padded
      `${CODE}/２０２６－０００１５`, // full-width digits and hyphen
      ` ${CODE} / 2026 — 00016 `, // spaces and a dash from a Chinese keyboard
    ];
    for (const [i, value] of misspelt.entries()) {
      assert.equal(
        nextIndexNumber(misspelt.slice(0, i + 1), CODE, 2026),
        `${CODE}/2026-${String(12 + i).padStart(5, '0')}`,
        value,
      );
    }
  });
  test('ignores values that are not 索引号 at all', () => {
    assert.equal(nextIndexNumber(['', '待定', 'TODO', `${CODE}/2026`], CODE, 2026), `${CODE}/2026-00001`);
  });
  test('refuses when serial 99999 has been used, and says what to do instead', () => {
    assert.throws(
      () => nextIndexNumber([`${CODE}/2026-${MAX_SERIAL}`], CODE, 2026),
      (error: Error) => {
        assert.match(error.message, /99999/);
        assert.match(error.message, /--code|机构代码/);
        return true;
      },
    );
    assert.equal(nextIndexNumber([`${CODE}/2026-99998`], CODE, 2026), `${CODE}/2026-99999`);
  });
  test('refuses an organ code that is not 9 or 18 digits and capital letters', () => {
    for (const code of ['1144', '11441299mb2e00012l', '114412-99MB2E00012L', '']) {
      assert.throws(() => nextIndexNumber([], code, 2026), /机构代码/, code);
    }
  });
  test('accepts a 9-character 组织机构代码', () => {
    assert.equal(nextIndexNumber(['007141332/2010-02262'], '007141332', 2010), '007141332/2010-02263');
  });
});

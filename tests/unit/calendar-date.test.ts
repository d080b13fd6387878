import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isCalendarDate,
  toDateText,
  formatChineseDate,
  type CalendarDate,
} from '../../src/domain/notice/calendar-date.ts';

describe('isCalendarDate', () => {
  test('accepts real dates in YYYY-MM-DD form', () => {
    for (const d of ['2024-03-01', '2024-02-29', '2000-02-29', '2023-12-31']) assert.equal(isCalendarDate(d), true, d);
  });
  test('rejects dates that do not exist', () => {
    for (const d of [
      '2022-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
    ]) {
      assert.equal(isCalendarDate(d), false, d);
    }
  });
  test('rejects other shapes: slashes, missing zero padding, Chinese dates', () => {
    for (const d of ['2024/03/01', '2024-3-1', '2024年3月1日', '20240301', ''])
      assert.equal(isCalendarDate(d), false, d);
  });
});

describe('toDateText', () => {
  test('turns a YAML Date back into YYYY-MM-DD and leaves text alone', () => {
    assert.equal(toDateText(new Date(Date.UTC(2024, 2, 1))), '2024-03-01');
    assert.equal(toDateText('2024-03-01'), '2024-03-01');
  });
});

describe('formatChineseDate', () => {
  test('writes dates the way Chinese documents do, without padding', () => {
    assert.equal(formatChineseDate('2024-03-01' as CalendarDate), '2024年3月1日');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normativeFacets,
  normativeSlicePath,
  normativeSlices,
  normativeYear,
  type NormativeItem,
} from '../../src/domain/catalogue/normative-list.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';
import type { Validity } from '../../src/domain/notice/notice-schema.ts';

const doc = (publishedOn: string, writtenOn?: string, validity?: Validity): NormativeItem & { id: string } => ({
  id: `${writtenOn ?? ''}→${publishedOn}`,
  publishedOn: publishedOn as CalendarDate,
  ...(writtenOn && { writtenOn: writtenOn as CalendarDate }),
  ...(validity && { validity }),
});

describe('the year a 规范性文件 is listed under', () => {
  test('is the year it was made (成文日期), which its 文号 carries, even when published the next year', () => {
    assert.equal(normativeYear(doc('2025-01-06', '2024-12-28')), 2024);
  });
  test('is the year it was published when it gives no 成文日期', () => {
    assert.equal(normativeYear(doc('2025-01-06')), 2025);
  });
});

describe('the narrowings of the 规范性文件 list', () => {
  const docs = [
    doc('2025-09-15', '2025-09-10', '有效'),
    doc('2025-01-06', '2024-12-28', '有效'),
    doc('2024-06-28', '2024-06-21', '有效'),
    doc('2021-04-23', '2021-04-19', '废止'),
    doc('2020-03-01'),
  ];

  test('count by 有效性 in the order 有效, 失效, 废止, leaving out a value no document has', () => {
    assert.deepEqual(normativeFacets(docs).validities, [
      { label: '有效', code: 'youxiao', count: 3 },
      { label: '废止', code: 'feizhi', count: 1 },
    ]);
  });
  test('count by year, newest first, every document in exactly one year', () => {
    const years = normativeFacets(docs).years;
    assert.deepEqual(
      years.map((y) => `${y.code}:${y.count}`),
      ['2025:1', '2024:2', '2021:1', '2020:1'],
    );
    assert.equal(
      years.reduce((sum, y) => sum + y.count, 0),
      docs.length,
    );
  });
  test('each has its documents in the order given and its own page', () => {
    const slices = normativeSlices(docs);
    const year2024 = slices.find((s) => s.kind === 'year' && s.facet.code === '2024')!;
    assert.deepEqual(
      year2024.items.map((d) => d.id),
      ['2024-12-28→2025-01-06', '2024-06-21→2024-06-28'],
    );
    const repealed = slices.find((s) => s.kind === 'validity' && s.facet.code === 'feizhi')!;
    assert.equal(repealed.items.length, 1);
    assert.equal(normativeSlicePath(repealed.kind, repealed.facet.code), '/guifan/youxiaoxing/feizhi/');
    assert.equal(normativeSlicePath(year2024.kind, year2024.facet.code), '/guifan/nianfen/2024/');
  });
  test('a document without 有效性 is in no 有效性 page but still in its year', () => {
    const slices = normativeSlices([doc('2020-03-01')]);
    assert.deepEqual(
      slices.map((s) => `${s.kind}:${s.facet.code}`),
      ['year:2020'],
    );
  });
});

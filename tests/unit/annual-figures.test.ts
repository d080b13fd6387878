import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { annualFigures, type AnnualInput } from '../../src/domain/catalogue/annual-figures.ts';
import { annualFiguresCsv } from '../../src/domain/catalogue/annual-figures-csv.ts';
import { parseCsv } from '../../src/domain/text/csv.ts';
import type { CalendarDate } from '../../src/domain/notice/calendar-date.ts';

const d = (s: string) => s as CalendarDate;
const notice = (fields: Omit<Partial<AnnualInput>, 'publishedOn'> & { publishedOn: string }): AnnualInput => ({
  category: '综合政务',
  normative: false,
  ...fields,
  publishedOn: d(fields.publishedOn),
});

describe('annualFigures', () => {
  const notices: AnnualInput[] = [
    notice({
      publishedOn: '2021-04-01',
      genre: '办法',
      normative: true,
      validity: '废止',
      repealedOn: d('2023-06-01'),
    }),
    notice({ publishedOn: '2023-06-01', genre: '办法', normative: true, validity: '有效' }),
    notice({ publishedOn: '2023-06-02', genre: '解读' }),
    notice({ publishedOn: '2023-02-01', writtenOn: d('2022-12-28'), genre: '规定', normative: true, validity: '失效' }),
    notice({ publishedOn: '2024-03-01', category: '农业、林业、水利', genre: '通知' }),
    notice({ publishedOn: '2024-05-10', category: '农业、林业、水利' }),
  ];
  const byYear = new Map(annualFigures(notices).map((y) => [y.year, y]));

  test('lists every year with notices, newest first', () => {
    assert.deepEqual([...byYear.keys()], [2024, 2023, 2021]);
  });
  test('counts notices published per 分类 and 体裁', () => {
    assert.equal(byYear.get(2024)!.published, 2);
    assert.deepEqual(byYear.get(2024)!.byCategory, [['农业、林业、水利', 2]]);
    assert.deepEqual(byYear.get(2024)!.byGenre, [
      ['通知', 1],
      ['未标注体裁', 1],
    ]);
  });
  test('本年制发件数 uses the 成文日期 when there is one', () => {
    assert.equal(byYear.get(2023)!.normative.issued, 1, 'the 规定 written in 2022 counts for 2022, not 2023');
    assert.equal(byYear.get(2021)!.normative.issued, 1);
  });
  test('本年废止件数 counts by 废止日期', () => {
    assert.equal(byYear.get(2023)!.normative.repealed, 1);
    assert.equal(byYear.get(2021)!.normative.repealed, 0);
  });
  test('现行有效件数 at the end of each year leaves out repealed and 失效 documents', () => {
    assert.equal(byYear.get(2021)!.normative.inForce, 1);
    assert.equal(byYear.get(2023)!.normative.inForce, 1, 'old 办法 repealed, new one in force, 失效 规定 not counted');
    assert.equal(byYear.get(2024)!.normative.inForce, 1);
  });
  test('the CSV has one row per figure and round-trips', () => {
    const rows = parseCsv(annualFiguresCsv(annualFigures(notices)));
    assert.deepEqual(rows[0], ['年份', '项目', '名称', '件数']);
    assert.ok(rows.some((r) => r.join() === '2023,行政规范性文件,本年废止件数,1'));
  });
});

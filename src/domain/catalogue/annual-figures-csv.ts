/** The 年度报告 figures as CSV rows: 年份, 项目, 名称, 件数 — one figure per row, easy to pivot in Excel. */
import type { AnnualFigures } from './annual-figures.ts';
import { toCsv } from '../text/csv.ts';

export function annualFiguresCsv(years: readonly AnnualFigures[]): string {
  const rows: (string | number)[][] = [['年份', '项目', '名称', '件数']];
  for (const y of years) {
    rows.push([y.year, '主动公开信息', '合计', y.published]);
    for (const [name, n] of y.byCategory) rows.push([y.year, '按分类', name, n]);
    for (const [name, n] of y.byGenre) rows.push([y.year, '按体裁', name, n]);
    rows.push([y.year, '行政规范性文件', '本年制发件数', y.normative.issued]);
    rows.push([y.year, '行政规范性文件', '本年废止件数', y.normative.repealed]);
    rows.push([y.year, '行政规范性文件', '现行有效件数', y.normative.inForce]);
    if (y.normative.repealedUndated)
      rows.push([y.year, '行政规范性文件', '已废止但未填废止日期', y.normative.repealedUndated]);
  }
  return toCsv(rows);
}

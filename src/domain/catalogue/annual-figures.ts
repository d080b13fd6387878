/**
 * Figures for the 政府信息公开工作年度报告 that a catalogue can give (template of
 * 国办公开办函〔2021〕30号, table 二 主动公开政府信息情况, row 行政规范性文件), plus
 * notices published per 分类 and 体裁.
 *
 * Counting rules (documented in docs/urls-and-data.md):
 * - 本年制发件数: 规范性文件 whose 成文日期 (or, when absent, 发布日期) falls in the year.
 * - 本年废止件数: 规范性文件 marked 废止 whose 废止日期 falls in the year; 废止 without a 废止日期
 *   cannot be placed in a year and is counted under `repealedUndated` instead.
 * - 现行有效件数 (at 31 December): 规范性文件 made by then, not 失效, and not repealed by then.
 *   A 失效 document has no date of expiry in the catalogue, so it never counts as in force.
 */
import type { CalendarDate } from '../notice/calendar-date.ts';
import type { Validity } from '../notice/notice-schema.ts';

export interface AnnualInput {
  category: string;
  genre?: string;
  publishedOn: CalendarDate;
  writtenOn?: CalendarDate;
  validity?: Validity;
  repealedOn?: CalendarDate;
  normative: boolean;
}

export interface AnnualFigures {
  year: number;
  published: number;
  byCategory: [string, number][];
  byGenre: [string, number][];
  normative: { issued: number; repealed: number; inForce: number; repealedUndated: number };
}

export const GENRE_UNSTATED = '未标注体裁';

export function annualFigures(notices: readonly AnnualInput[]): AnnualFigures[] {
  const years = [...new Set(notices.map((n) => Number(n.publishedOn.slice(0, 4))))].sort((a, b) => b - a);
  return years.map((year) => figuresFor(year, notices));
}

function figuresFor(year: number, notices: readonly AnnualInput[]): AnnualFigures {
  const inYear = (date: string | undefined) => date !== undefined && Number(date.slice(0, 4)) === year;
  const published = notices.filter((n) => inYear(n.publishedOn));
  const endOfYear = `${year}-12-31`;
  const normative = notices.filter((n) => n.normative);
  const made = (n: AnnualInput) => n.writtenOn ?? n.publishedOn;
  return {
    year,
    published: published.length,
    byCategory: tally(published.map((n) => n.category)),
    byGenre: tally(published.map((n) => n.genre ?? GENRE_UNSTATED)),
    normative: {
      issued: normative.filter((n) => inYear(made(n))).length,
      repealed: normative.filter((n) => n.validity === '废止' && inYear(n.repealedOn)).length,
      repealedUndated: normative.filter((n) => n.validity === '废止' && !n.repealedOn && inYear(made(n))).length,
      inForce: normative.filter(
        (n) =>
          made(n) <= endOfYear &&
          n.validity !== '失效' &&
          !(n.validity === '废止' && (!n.repealedOn || n.repealedOn <= endOfYear)),
      ).length,
    },
  };
}

/** Counts per value, most first, then by name. */
function tally(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'));
}

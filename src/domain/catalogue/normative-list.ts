/**
 * The 规范性文件 list (/guifan/): its narrowings by 有效性 and by year, with counts. Pure
 * functions shared by the pages and the dead-link check, so both know the same pages.
 *
 * The year is the year of the 成文日期 (the 发布日期 when a notice gives none), not of the
 * 发布日期 the 目录 goes by: a 规范性文件 is known by the year it was made, which its 文号
 * carries (示镇府〔2024〕18号), and the 年度报告's 本年制发件数 counts by the same date
 * (annual-figures.ts), so a year's count here is that year's figure on /nianbao/.
 */
import { yearOf, type CalendarDate } from '../notice/calendar-date.ts';
import type { Validity } from '../notice/notice-schema.ts';
import { paths } from '../site/site-paths.ts';
import { VALIDITY_CODES, type Facet } from './catalogue.ts';

/** What the narrowings need of a 规范性文件. */
export interface NormativeItem {
  publishedOn: CalendarDate;
  writtenOn?: CalendarDate;
  validity?: Validity;
}

/** The year a 规范性文件 is listed under: that of its 成文日期, else of its 发布日期. */
export function normativeYear(item: NormativeItem): number {
  return yearOf(item.writtenOn ?? item.publishedOn);
}

export type NormativeSliceKind = 'validity' | 'year';

/** What each narrowing is called on its page: `有效性：废止`, `成文年份：2024`. */
export const NORMATIVE_SLICE_LABEL: Record<NormativeSliceKind, string> = {
  validity: '有效性',
  year: '成文年份',
};

export interface NormativeFacets {
  /** 有效, 失效, 废止 in that order; a value no document has is left out. */
  validities: Facet[];
  /** Newest year first. */
  years: Facet[];
}

export function normativeFacets(items: readonly NormativeItem[]): NormativeFacets {
  const validities = new Map<Validity, number>();
  const years = new Map<number, number>();
  for (const item of items) {
    if (item.validity) validities.set(item.validity, (validities.get(item.validity) ?? 0) + 1);
    const year = normativeYear(item);
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return {
    validities: (Object.keys(VALIDITY_CODES) as Validity[])
      .filter((v) => validities.has(v))
      .map((v) => ({ label: v, code: VALIDITY_CODES[v], count: validities.get(v)! })),
    years: [...years]
      .sort(([a], [b]) => b - a)
      .map(([year, count]) => ({ label: String(year), code: String(year), count })),
  };
}

export interface NormativeSlice<T> {
  kind: NormativeSliceKind;
  facet: Facet;
  items: T[];
}

/** Every narrowing page of the list, each with its documents in the order given (newest first). */
export function normativeSlices<T extends NormativeItem>(items: readonly T[]): NormativeSlice<T>[] {
  const facets = normativeFacets(items);
  return [
    ...facets.validities.map((facet) => ({
      kind: 'validity' as const,
      facet,
      items: items.filter((item) => item.validity === facet.label),
    })),
    ...facets.years.map((facet) => ({
      kind: 'year' as const,
      facet,
      items: items.filter((item) => String(normativeYear(item)) === facet.code),
    })),
  ];
}

/** The first page of a narrowing: /guifan/youxiaoxing/feizhi/, /guifan/nianfen/2024/. */
export function normativeSlicePath(kind: NormativeSliceKind, code: string): string {
  return kind === 'validity' ? paths.normativeByValidity(code) : paths.normativeByYear(code);
}

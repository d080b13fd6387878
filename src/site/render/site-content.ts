/**
 * What the pages need of the checked content, worked out once per build: orderings, look-ups
 * and counts that many pages share. Plain TypeScript (no Astro), so the build script can make it
 * before Astro starts and hand it over (checked-content.ts).
 */
import type { Content, Notice } from '../../content/content-check.ts';
import { catalogueFacets, newestFirst, type CatalogueFacets } from '../../domain/catalogue/catalogue.ts';
import { annualReportYear, isAnnualReport, placeNotices } from '../../domain/catalogue/columns.ts';

export interface SiteContent extends Content {
  /** All notices, newest first. */
  newest: Notice[];
  byIndexNumber: Map<string, Notice>;
  /** 原文 索引号 → its 解读 notices. */
  interpretationsOf: Map<string, Notice[]>;
  /** The 目录's narrowing links with counts, shown on every 目录 page: computed once. */
  facets: CatalogueFacets;
  /** 栏目 code → its notices, newest first (site.columns gives the order of columns). */
  columnNotices: Map<string, Notice[]>;
  /** The 规范性文件 (by 体裁 or the 规范性文件 field), newest first. */
  normative: Notice[];
  /** The 政府信息公开工作年度报告, the latest reporting year first. */
  annualReports: { year: number; notice: Notice }[];
}

export function prepareSiteContent(content: Content): SiteContent {
  const { notices } = content;
  const interpretationsOf = new Map<string, Notice[]>();
  for (const notice of notices) {
    if (!notice.interprets) continue;
    const list = interpretationsOf.get(notice.interprets);
    if (list) list.push(notice);
    else interpretationsOf.set(notice.interprets, [notice]);
  }
  const newest = newestFirst(notices);
  return {
    ...content,
    newest,
    columnNotices: placeNotices(newest, content.site.columns),
    normative: newest.filter((n) => n.normative),
    annualReports: newest
      .filter(isAnnualReport)
      .map((notice) => ({ year: annualReportYear(notice), notice }))
      .sort((a, b) => b.year - a.year),
    facets: catalogueFacets(notices, content.site.taxonomy),
    byIndexNumber: new Map(notices.map((n) => [n.indexNumber, n])),
    interpretationsOf,
  };
}

/**
 * The facets of the search index: their names and how a notice's values are read. Kept apart
 * from search-record.ts so the search page gets them without the index builder's text tools.
 */
import type { Notice } from '../../content/content-check.ts';

/** Facet names, as shown on the search page and stored in the index. */
/** 体裁 beside 分类: the two classifications (组配分类) a disclosure catalogue offers. */
export const SEARCH_FILTERS = ['分类', '体裁', '年份', '发布机构', '有效性'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The 有效性 facet value of notices that state none. */
export const VALIDITY_UNSTATED = '未标注';

/** The 年份 facet value of a notice: the year it was published. */
export function searchYear(notice: Pick<Notice, 'publishedOn'>): string {
  return notice.publishedOn.slice(0, 4);
}

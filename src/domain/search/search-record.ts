/**
 * What Pagefind indexes for one notice: exactly the text a reader can search for, normalised
 * to simplified characters, with the facets and sort key of the search page. Pagefind shows
 * `meta` as given, so titles stay as written; for a notice whose text changes under
 * normalisation, `meta.original` keeps the text as written for the excerpt (see search-excerpt.ts).
 */
import type { Notice } from '../../content/content-check.ts';
import { toSimplified } from './chinese-variants.ts';
import { docNumberKey, indexNumberKey, EVERY_NOTICE_KEY } from './search-keys.ts';
import { paths, withBase } from '../site/site-paths.ts';
import { searchYear, VALIDITY_UNSTATED, type SearchFilter } from './search-facets.ts';
import { TITLE_WORDS, titleWords } from './search-ranking.ts';
import type { SearchPage } from './search-pages.ts';

/** One language code everywhere: a record in another code would be invisible to zh-CN pages. */
export const SEARCH_LANGUAGE = 'zh-cn';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Partial<Record<SearchFilter, string[]>>;
  sort: Record<string, string>;
}

export function searchRecord(notice: Notice, base: string): SearchRecord {
  // The 摘要 is not part of the body, so it is indexed too; a lead taken from the body already is.
  const written = [notice.title, notice.summary ?? '', notice.text].filter(Boolean).join('\n');
  const simplified = toSimplified(written);
  const keys = [
    indexNumberKey(notice.indexNumber),
    notice.docNumber && docNumberKey(toSimplified(notice.docNumber)),
  ].filter(Boolean);
  const meta: Record<string, string> = {
    title: notice.title,
    [TITLE_WORDS]: titleWords(toSimplified(notice.title)),
    indexNumber: notice.indexNumber,
    date: notice.publishedOn,
    ...(notice.docNumber ? { docNumber: notice.docNumber } : {}),
    // The excerpt maps positions from the indexed text back to this one: only when lengths match.
    ...(simplified !== written && simplified.length === written.length ? { original: written } : {}),
  };
  return {
    url: withBase(base, paths.notice(notice.indexNumber)),
    // Look-up keys go last, after the text, so they never appear inside an excerpt of the text.
    content: [simplified, notice.indexNumber, notice.docNumber ?? '', ...keys, EVERY_NOTICE_KEY].join('\n'),
    language: SEARCH_LANGUAGE,
    meta,
    filters: {
      分类: [toSimplified(notice.category)],
      // No value for a notice without one: narrowing to 通知 must not bring in notices of no 体裁.
      ...(notice.genre ? { 体裁: [toSimplified(notice.genre)] } : {}),
      年份: [searchYear(notice)],
      发布机构: [toSimplified(notice.publisher)],
      有效性: [notice.validity ?? VALIDITY_UNSTATED],
    },
    sort: { date: notice.publishedOn },
  };
}

/**
 * What Pagefind indexes for a page that is not a notice.
 *
 * - Its headings join the title in TITLE_WORDS: the 指南 is one long page of sections, and a
 *   heading such as “二、依申请公开” names a topic the page covers as a notice's title does, so a
 *   query for 依申请 ranks the 指南 as it would a notice titled so (search-ranking.ts).
 * - No facet values: 分类, 体裁, 年份, 发布机构 and 有效性 describe catalogue entries, and the page is
 *   none. Any value would be wrong (a 主题分类 it does not have, a year it was not published in,
 *   "未标注" as if it were a document whose validity is unknown) and would be counted among
 *   notices; without values, a search narrowed to some facet leaves the page out, as a reader
 *   asking for notices of one kind expects.
 * - No date sort key and no EVERY_NOTICE_KEY: it has no 发布日期, so a search sorted by date
 *   (documents newest first) and browsing by facets, which lists every notice, leave it out.
 * - The exact 索引号/文号 look-ups do not apply.
 */
export function pageSearchRecord(page: SearchPage, base: string): SearchRecord {
  const written = [page.title, page.text].join('\n');
  const simplified = toSimplified(written);
  return {
    url: withBase(base, page.path),
    content: simplified,
    language: SEARCH_LANGUAGE,
    meta: {
      title: page.title,
      [TITLE_WORDS]: titleWords(toSimplified([page.title, ...page.headings].join(' '))),
      ...(simplified !== written && simplified.length === written.length ? { original: written } : {}),
    },
    filters: {},
    sort: {},
  };
}

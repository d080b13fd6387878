/**
 * How search results are ordered: Pagefind's relevance, then two rules a reader expects of a
 * government site, applied to the first results (those a first page shows, whose data the page
 * loads anyway).
 *
 * - A notice whose title holds the whole query comes first. Pagefind (since 1.5) matches query
 *   words in meta fields too and adds a boost after BM25 (`ranking.metaWeights`), but it splits a
 *   meta field at spaces only: an unspaced Chinese title is one long "word" that a query finds
 *   only when it is the title's beginning, so the title weighed no more than the body. Each
 *   record therefore carries the title's words in TITLE_WORDS, in 简体 like the index and split
 *   by the segmenter that splits queries in the browser (Intl.Segmenter, ICU), and that field is
 *   weighted (SEARCH_RANKING): a title with every word of the query rises to the first results.
 *   Words are not a phrase — 人居 is split 人|居 and 居 matches 居民 — so the first results are
 *   then ordered by whether the title holds the query itself (titleHolds).
 * - 有效 before 失效/废止 at comparable relevance. Titles holding the query are taken as equally
 *   relevant, so among them every notice in force comes first: their scores are not comparable
 *   anyway when they come from different search shards, each weighing words by its own notices.
 *   Among the other results, a notice no longer in force ranks as if it scored
 *   NOT_IN_FORCE_FACTOR of its score, so it falls below notices in force that score nearly as
 *   well, and stays above those that score far less.
 *
 * Kept apart from search-record.ts so the search page gets these without the index builder's
 * text tools.
 */
import type { SearchFilter } from './search-facets.ts';

/** The meta field of the title's words (see the module comment). */
export const TITLE_WORDS = 'titleWords';

/** The facet holding 有效性, and its values for a notice no longer in force. */
export const VALIDITY_FILTER: SearchFilter = '有效性';
const NOT_IN_FORCE: readonly string[] = ['失效', '废止'];

/** The score factor of a notice no longer in force: "comparable" is within a fifth. */
export const NOT_IN_FORCE_FACTOR = 0.8;

/** How many of the best results are ordered by the rules: one page of results. */
export const RANKED_RESULTS = 10;

/**
 * Pagefind's ranking options for every shard. A match in TITLE_WORDS adds 10 × the IDF of the
 * query words the title holds × their share of the query's IDF, squared: a title with every word
 * of the query gains 10 × the query's IDF, more than the text alone gave any notice on the
 * example office (at most about 7 ×). The other meta fields count for nothing: the title and
 * the text as written are single unspaced "words" (and 繁體 in some notices, which 简体 queries
 * would match differently), the numbers have their exact look-ups (search-keys.ts).
 */
export const SEARCH_RANKING = {
  metaWeights: { [TITLE_WORDS]: 10, title: 0, original: 0, indexNumber: 0, docNumber: 0, date: 0 },
};

/** The words of `text` (in 简体), split as the browser splits a query, spaced; for TITLE_WORDS. */
export function titleWords(text: string): string {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return Array.from(segmenter.segment(text))
    .filter((part) => part.isWordLike)
    .map((part) => part.segment)
    .join(' ');
}
let segmenter: Intl.Segmenter | undefined;

/**
 * Whether a title holds the whole query: the title's words (TITLE_WORDS) run together hold
 * every space-separated part of the query (in 简体), punctuation and case aside. Letters and
 * digits are compared, not words, so browsers without Intl.Segmenter rank the same.
 */
export function titleHolds(titleWordsField: string | undefined, query: string): boolean {
  if (!titleWordsField) return false;
  const title = lettersAndDigits(titleWordsField);
  const parts = query.split(/\s+/).map(lettersAndDigits).filter(Boolean);
  return parts.length > 0 && parts.every((part) => title.includes(part));
}

const lettersAndDigits = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** What the rules need of one result. */
export interface RankedResult {
  score: number;
  /** The TITLE_WORDS meta field. */
  titleWords: string | undefined;
  /** The 有效性 facet value. */
  validity: string | undefined;
}

/**
 * `results` (Pagefind's order, best first) ordered by the rules of the module comment for
 * `query` (in 简体): titles holding the query first, those in force ahead; then the rest by
 * score, notices no longer in force at NOT_IN_FORCE_FACTOR of theirs; ties keep Pagefind's order.
 */
export function rankResults<T extends RankedResult>(query: string, results: readonly T[]): T[] {
  return results
    .map((result, k) => {
      const inForce = !NOT_IN_FORCE.includes(result.validity ?? '');
      const holds = titleHolds(result.titleWords, query);
      return {
        result,
        k,
        tier: holds ? (inForce ? 3 : 2) : 1,
        score: inForce ? result.score : result.score * NOT_IN_FORCE_FACTOR,
      };
    })
    .sort((a, b) => b.tier - a.tier || b.score - a.score || a.k - b.k)
    .map(({ result }) => result);
}

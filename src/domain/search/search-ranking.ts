/**
 * How search results are ordered: Pagefind's relevance, with the title weighed above the text.
 *
 * Pagefind (since 1.5) matches query words in meta fields too and adds a boost after BM25
 * (`ranking.metaWeights`), but it splits a meta field at spaces only: an unspaced Chinese title
 * is one long "word" that a query finds only when it is the title's beginning, so the title
 * weighed no more than the body. Each record therefore carries the title's words in TITLE_WORDS,
 * in 简体 like the index and split by the segmenter that splits queries in the browser
 * (Intl.Segmenter, ICU), and that field is weighted (SEARCH_RANKING): a title with every word of
 * the query rises to the first results.
 *
 * Kept apart from search-record.ts so the search page gets these without the index builder's
 * text tools.
 */

/** The meta field of the title's words (see the module comment). */
export const TITLE_WORDS = 'titleWords';

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

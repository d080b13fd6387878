/**
 * Loading Pagefind's browser module from this site (base-aware) and the few calls we use.
 * Types describe only what the search page relies on, under Pagefind's own names where it has one.
 */
import { SHARD_FILTER, shardDir } from '../../../domain/search/search-shards.ts';
import {
  rankResults,
  RANKED_RESULTS,
  SEARCH_RANKING,
  TITLE_WORDS,
  VALIDITY_FILTER,
} from '../../../domain/search/search-ranking.ts';

// Hand-written: the pagefind package types only its Node indexing API (pagefind/types), not pagefind.js.

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
/** The options we set, for pagefind.options() and mergeIndex(). */
export interface PagefindIndexOptions {
  baseUrl?: string;
  /** Sent as `?ts=` on pagefind-entry.json instead of the time, so the file can be cached. */
  metaCacheTag?: string;
  mergeFilter?: Record<string, string>;
  ranking?: typeof SEARCH_RANKING;
}
export interface Pagefind {
  options: (options: PagefindIndexOptions) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (path: string, options?: PagefindIndexOptions) => Promise<void>;
}

let newest: Promise<Pagefind> | undefined;
let merged: Promise<Pagefind> | undefined;

/**
 * Pagefind with only shard 0, the newest years (src/domain/search/search-shards.ts): on a county site a
 * first look at the results costs one shard's files instead of every shard's.
 */
export function loadNewestShard(base: string, buildId: string): Promise<Pagefind> {
  newest ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${siteRoot(base)}${shardDir(0)}pagefind.js`)) as Pagefind;
    await pagefind.options(shardOptions(buildId));
    await pagefind.init();
    // Set once the index is loaded: Pagefind applies it to the loaded index.
    await pagefind.options({ mergeFilter: shardFilter(0) });
    return pagefind;
  })();
  return newest;
}

/**
 * The same Pagefind with every search shard merged in (shard k is `pagefind/k/`, its results
 * tagged with the filter SHARD_FILTER = k). Once this has been asked for, a search looks through
 * every shard.
 */
export function loadPagefind(base: string, buildId: string, shards: number): Promise<Pagefind> {
  merged ??= (async () => {
    const pagefind = await loadNewestShard(base, buildId);
    for (let k = 1; k < shards; k++) {
      await pagefind.mergeIndex(`${siteRoot(base)}${shardDir(k)}`, {
        ...shardOptions(buildId),
        mergeFilter: shardFilter(k),
      });
    }
    // Pagefind loads filter files lazily and counts only the facets it has loaded:
    // load them all once, so every facet shows counts from the first search on.
    await pagefind.filters();
    return pagefind;
  })();
  return merged;
}

/**
 * The search for the list of results, ordered by the rules of search-ranking.ts: Pagefind
 * weighs the title's words (SEARCH_RANKING, set on every shard); the first RANKED_RESULTS are
 * then ordered by whether the title holds the query and by 有效性, from their data, which the
 * first page of results loads anyway (Pagefind keeps each result's data once loaded). A search
 * sorted by date is left as it is.
 */
export async function rankedSearch(
  pagefind: Pagefind,
  term: string,
  options: PagefindSearchOptions = {},
): Promise<PagefindSearch> {
  const search = await pagefind.search(term, options);
  if (options.sort || search.results.length < 2) return search;
  const first = await Promise.all(
    search.results.slice(0, RANKED_RESULTS).map(async (result) => {
      const data = await result.data();
      return {
        result,
        score: result.score,
        titleWords: data.meta[TITLE_WORDS],
        validity: data.filters[VALIDITY_FILTER]?.[0],
      };
    }),
  );
  const ranked = rankResults(term, first).map(({ result }) => result);
  return { ...search, results: [...ranked, ...search.results.slice(RANKED_RESULTS)] };
}

/** Every result of shard k carries the filter SHARD_FILTER = k (see search-shards.ts). */
const shardFilter = (k: number): Record<string, string> => ({ [SHARD_FILTER]: String(k) });

const siteRoot = (base: string) => `${base.replace(/\/$/, '')}/`;

/**
 * Record URLs already carry the base path. The build id replaces Pagefind's cache-busting
 * `?ts=` so the offline cache can keep the entry file. The ranking applies to each shard's own
 * scores, so every shard is given it.
 */
const shardOptions = (buildId: string): PagefindIndexOptions => ({
  baseUrl: '/',
  metaCacheTag: buildId,
  ranking: SEARCH_RANKING,
});

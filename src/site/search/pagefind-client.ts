/**
 * Loading Pagefind's browser module from this site (base-aware) and the few calls we use.
 * Types describe only what the search page relies on.
 */
import { shardDir } from '../../lib/search-shards.ts';

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
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind with every search shard merged in (src/lib/search-shards.ts: shard 0 is
 * `pagefind/`, shard k is `pagefind/k/`).
 */
export function loadPagefind(base: string, buildId: string, shards: number): Promise<Pagefind> {
  loading ??= (async () => {
    const root = `${base.replace(/\/$/, '')}/`;
    const pagefind = (await import(/* @vite-ignore */ `${root}${shardDir(0)}pagefind.js`)) as Pagefind;
    // Record URLs already carry the base path. The build id replaces Pagefind's
    // cache-busting `?ts=` so the offline cache can keep the entry file.
    const options = { baseUrl: '/', metaCacheTag: buildId };
    await pagefind.options(options);
    await pagefind.init();
    for (let k = 1; k < shards; k++) await pagefind.mergeIndex(`${root}${shardDir(k)}`, options);
    // Pagefind loads filter files lazily and counts only the facets it has loaded:
    // load them all once, so every facet shows counts from the first search on.
    await pagefind.filters();
    return pagefind;
  })();
  return loading;
}

/**
 * Splitting the search index into shards of consecutive dates, so a county site with tens of
 * thousands of notices builds in bounded memory: Pagefind holds a whole index in memory while
 * it writes it (about 0.3 GB per 1,000 notices), so the build writes one shard at a time, and
 * no shard holds more than `size` notices — a district publishing 60,000 items in one year
 * gets that year in several shards.
 *
 * Shards are packed from the oldest notice forward, by whole years where a year fits: a new
 * notice (the usual change) then only ever changes the newest shard, the older shards keep
 * their notices and their cached index (search-shard-cache.ts), and the newest shard — the one
 * the search page reads first — is the remainder, usually the smallest.
 *
 * The browser merges the shards (Pagefind's `mergeIndex`), tagging each with the filter
 * SHARD_FILTER = its number. Pagefind's own merge orders results by a score that, for a search
 * sorted by date, is a rank inside one shard; since shards hold consecutive dates, asking shard
 * by shard, newest first, gives every result in date order.
 *
 * Shard 0 (the newest notices) is `pagefind/`, shard k is `pagefind/k/`: a site small enough for
 * one shard has exactly Pagefind's usual layout.
 */
import type { Notice } from '../../content/content-check.ts';

/**
 * Notices per shard, at most. Smaller shards need less memory to build (about 0.3 GB per
 * shard of 1,000) and less to re-index when one notice changes; each shard costs a reader who
 * waits for complete results about 100 KB more. At 10,000 notices, 1,000 kept the build within
 * 1.5 GB (2,000: 1.65 GB) for 1.2 MB of search files instead of 0.8 MB (docs/performance.md).
 */
export const DEFAULT_SHARD_SIZE = 1000;

/** The filter the search page gives each merged shard: its number, "0" for the newest. */
export const SHARD_FILTER = 'shard';

export interface SearchShard<T> {
  /** Folder below the site root, with a trailing slash: `pagefind/`, `pagefind/1/` … */
  dir: string;
  /** Years with notices in this shard, newest first (`2024`); a split year is in several shards. */
  years: string[];
  /** Oldest first. */
  items: T[];
}

/** The shard folder of shard `k`. */
export function shardDir(k: number): string {
  return k === 0 ? 'pagefind/' : `pagefind/${k}/`;
}

/**
 * Sorts items by date (`dateOf`: YYYY-MM-DD) and packs them, oldest first, into shards of at
 * most `size`: whole years while they fit; a year bigger than a shard is cut, in date order,
 * into full shards and a remainder that later years may join. Returns the shards newest first.
 */
export function searchShards<T>(
  items: readonly T[],
  dateOf: (item: T) => string,
  size = DEFAULT_SHARD_SIZE,
): SearchShard<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`search shard size must be a positive integer, not ${size}`);
  const byYear = new Map<string, T[]>();
  const sorted = items
    .map((item, i) => ({ item, i, date: dateOf(item) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  for (const { item, date } of sorted) {
    const year = date.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(item);
    else byYear.set(year, [item]);
  }
  const packed: { years: string[]; items: T[] }[] = [];
  let current: (typeof packed)[number] | undefined;
  const add = (year: string, yearItems: T[]) => {
    if (!current || current.items.length + yearItems.length > size) {
      current = { years: [], items: [] };
      packed.push(current);
    }
    current.years.unshift(year);
    current.items.push(...yearItems);
  };
  for (const [year, yearItems] of byYear) {
    for (let start = 0; start < yearItems.length; start += size) add(year, yearItems.slice(start, start + size));
  }
  const newestFirst = packed.reverse().map((shard, k) => ({ dir: shardDir(k), ...shard }));
  return newestFirst.length ? newestFirst : [{ dir: shardDir(0), years: [], items: [] }];
}

/**
 * The search shards of a site's notices, cut by 发布日期 (the search's date sort key), of the
 * size this build uses: the build's search step and the search page (which merges them) both
 * take the plan from here.
 */
export function noticeSearchShards<T extends Pick<Notice, 'publishedOn'>>(
  notices: readonly T[],
  env: Record<string, string | undefined>,
): SearchShard<T>[] {
  return searchShards(notices, (notice) => notice.publishedOn, configuredShardSize(env));
}

/** The shard size for this build: GONGKAI_SEARCH_SHARD_SIZE (tests use a small one), else the default. */
export function configuredShardSize(env: Record<string, string | undefined>): number {
  const value = env.GONGKAI_SEARCH_SHARD_SIZE;
  return value ? Number(value) : DEFAULT_SHARD_SIZE;
}

/**
 * Splitting the search index into shards of whole years, so a county site with tens of
 * thousands of notices builds in bounded memory: Pagefind holds a whole index in memory while
 * it writes it (about 0.3 GB per 1,000 notices), so the build writes one shard at a time.
 *
 * The browser merges the shards (Pagefind's `mergeIndex`). Each year lives in exactly one shard
 * and shards hold consecutive years, newest first: a search sorted by date can then ask year by
 * year and get every year's results in the right order from the one shard that has them
 * (Pagefind's own merge orders results by a score that, for a sort, is a rank inside one shard).
 *
 * Shard 0 (the newest years) is `pagefind/`, shard k is `pagefind/k/`: a site small enough for
 * one shard has exactly Pagefind's usual layout.
 */

/** Notices per shard. One year is never split, so a shard can hold more if one year does. */
export const DEFAULT_SHARD_SIZE = 2000;

export interface SearchShard<T> {
  /** Folder below the site root, with a trailing slash: `pagefind/`, `pagefind/1/` … */
  dir: string;
  /** Years in this shard, newest first (`2024`). */
  years: string[];
  items: T[];
}

/** The shard folder of shard `k`. */
export function shardDir(k: number): string {
  return k === 0 ? 'pagefind/' : `pagefind/${k}/`;
}

/**
 * Groups items by year, newest year first, and packs consecutive years into shards of at most
 * `size` items (a year with more than `size` items is a shard of its own).
 */
export function searchShards<T>(items: readonly T[], yearOf: (item: T) => string, size = DEFAULT_SHARD_SIZE): SearchShard<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`search shard size must be a positive integer, not ${size}`);
  const byYear = new Map<string, T[]>();
  for (const item of items) {
    const year = yearOf(item);
    const list = byYear.get(year);
    if (list) list.push(item);
    else byYear.set(year, [item]);
  }
  const shards: SearchShard<T>[] = [];
  let current: SearchShard<T> | undefined;
  for (const year of [...byYear.keys()].sort().reverse()) {
    const yearItems = byYear.get(year)!;
    if (!current || current.items.length + yearItems.length > size) {
      current = { dir: shardDir(shards.length), years: [], items: [] };
      shards.push(current);
    }
    current.years.push(year);
    current.items.push(...yearItems);
  }
  return shards.length ? shards : [{ dir: shardDir(0), years: [], items: [] }];
}

/** The shard size for this build: GONGKAI_SEARCH_SHARD_SIZE (tests use a small one), else the default. */
export function configuredShardSize(env: Record<string, string | undefined>): number {
  const value = env.GONGKAI_SEARCH_SHARD_SIZE;
  return value ? Number(value) : DEFAULT_SHARD_SIZE;
}

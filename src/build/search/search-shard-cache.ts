/**
 * Search shards from earlier builds, kept so a rebuild re-indexes only the shards whose notices
 * changed. A shard's index depends only on its notices, the base path and the code that turns
 * them into the index (src/, where search-record.ts makes Pagefind's records; the installed
 * dependencies, Pagefind among them; the search step's own modules), so those name its cache
 * entry: an entry with that name is, byte for byte, what the build would write again. Editing
 * one notice re-indexes one shard instead of the whole site, and the key is found without
 * making any shard's records (their 简体 conversion alone took about a second at 10,000 notices).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, utimes } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Notice } from '../../content/content-check.ts';
import type { SearchPage } from '../../domain/search/search-pages.ts';
import { cacheDir as buildCacheDir, partialPath, pruneLeastRecentlyUsed } from '../cache-dir.ts';
import { linkOrCopySync } from '../hard-links.ts';

/** In the build's cache folder (cache-dir.ts), or the folder GONGKAI_SEARCH_CACHE names. */
function cacheDir(): string {
  return process.env.GONGKAI_SEARCH_CACHE || buildCacheDir('search-shards');
}
/**
 * Entries kept at least (oldest used first out): a 10,000-notice site has about 10 shards of
 * about 3 MB. A site with more shards keeps two builds' worth, or its own shards would push
 * each other out and a rebuild would index them all again.
 */
const MIN_ENTRIES = 48;
/** Written last into an entry: an entry without it was interrupted and is not used. */
const COMPLETE = 'pagefind-entry.json';

/**
 * The cache name of a shard of `notices` and `pages` (指南 and the other site pages, in shard 0). `codeVersion` is
 * code-version.ts's digest, passed in by the main thread, which has it already.
 */
// The code version covers all of src/, the indexing steps included.
export async function shardCacheKey(
  notices: readonly Notice[],
  pages: readonly SearchPage[],
  base: string,
  codeVersion: string,
): Promise<string> {
  const hash = createHash('sha256').update(codeVersion).update('\0').update(base).update('\0');
  for (const notice of notices) hash.update(JSON.stringify(notice)).update('\n');
  // Apart from the notices, so that no notice could ever hash as a page: an edited 指南 is a new entry.
  hash.update('\0pages\0');
  for (const page of pages) hash.update(JSON.stringify(page)).update('\n');
  return hash.digest('hex');
}

/** Whether the cache has a complete entry `key`. */
export function isCached(key: string): boolean {
  return existsSync(join(cacheDir(), key, COMPLETE));
}

/** Copies the cached shard `key` to `out`; false when there is none. */
export async function restoreShard(key: string, out: string): Promise<boolean> {
  const entry = join(cacheDir(), key);
  if (!isCached(key)) return false;
  await linkTree(entry, out);
  const now = new Date();
  await utimes(entry, now, now); // recently used: pruned last
  return true;
}

/** Keeps a copy of the freshly written shard in `dir` as `key`. */
export async function storeShard(key: string, dir: string): Promise<void> {
  const entry = join(cacheDir(), key);
  const partial = partialPath(entry);
  await mkdir(cacheDir(), { recursive: true });
  await rm(partial, { recursive: true, force: true });
  await linkTree(dir, partial);
  await rm(entry, { recursive: true, force: true });
  await rename(partial, entry);
}

/**
 * Drops the least recently used entries beyond what a build of `shards` shards needs (see
 * MIN_ENTRIES), and leftovers of interrupted copies. This build's shards were used last.
 */
export async function pruneShardCache(shards: number): Promise<void> {
  await pruneLeastRecentlyUsed(cacheDir(), Math.max(MIN_ENTRIES, 2 * shards));
}

/** `from` copied to `to` as hard links (hard-links.ts): a shard is thousands of small files. */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    if (entry.isDirectory()) mkdirSync(target, { recursive: true });
    else linkOrCopySync(source, target);
  }
}

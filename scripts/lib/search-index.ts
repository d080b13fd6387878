/**
 * The Pagefind step of the build: one custom record per notice (search-record.ts). Custom
 * records index exactly the text readers search, normalised to 简体, without re-reading and
 * re-parsing the built HTML — so the index can be written while Astro is still making pages.
 *
 * The index is written in shards of whole years (src/lib/search-shards.ts), one Pagefind
 * process at a time, so memory stays bounded however many notices a site has; a shard whose
 * notices did not change since an earlier build is reused (search-shard-cache.ts).
 */
import * as pagefind from 'pagefind';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../src/lib/content-check.ts';
import { searchRecord, SEARCH_LANGUAGE, type SearchRecord } from '../../src/lib/search-record.ts';
import { pruneShardCache, restoreShard, shardCacheKey, storeShard } from './search-shard-cache.ts';
import { searchYear } from '../../src/lib/search-facets.ts';
import { configuredShardSize, searchShards } from '../../src/lib/search-shards.ts';

/** Pagefind writes its own UI bundles too; the search page is ours, so they would be dead weight. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];
/** A merged shard is read by the first shard's script and WebAssembly; its own copies are never fetched. */
const SHARED = /^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;

/** How the index was made: shards indexed now, and shards reused unchanged from an earlier build. */
export interface SearchIndexReport {
  shards: number;
  reused: number;
}

/**
 * Writes the search index of `notices` into `dir` (which becomes OUT/pagefind/): shard 0 at
 * the top, shard k in `k/`. Shards whose records are unchanged since an earlier build are
 * copied from the shard cache instead of indexed again.
 */
export async function writeSearchIndex(notices: readonly Notice[], dir: string, base: string): Promise<SearchIndexReport> {
  const shards = searchShards(notices, searchYear, configuredShardSize(process.env));
  await rm(dir, { recursive: true, force: true });
  const written: string[] = [];
  let reused = 0;
  try {
    for (const [k, shard] of shards.entries()) {
      const shardOut = `${dir}.shard${k}`;
      written.push(shardOut);
      const records = shard.items.map((notice) => searchRecord(notice, base));
      const key = await shardCacheKey(records);
      if (await restoreShard(key, shardOut)) reused++;
      else {
        await writeShard(shard.items, records, shardOut);
        await storeShard(key, shardOut);
      }
      if (k > 0) for (const file of await readdir(shardOut)) if (SHARED.test(file)) await rm(join(shardOut, file));
    }
    await rename(written[0]!, dir);
    for (const [k, shardOut] of written.entries()) if (k > 0) await rename(shardOut, join(dir, String(k)));
  } finally {
    for (const shardOut of written) await rm(shardOut, { recursive: true, force: true });
  }
  await pruneShardCache();
  return { shards: shards.length, reused };
}

/** One Pagefind process per shard: closing it returns the shard's memory before the next starts. */
async function writeShard(notices: readonly Notice[], records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!index) throw new Error(`无法启动搜索索引程序 Pagefind：${errors.join('；')}`);
  try {
    // Sent all at once: Pagefind reads them in order, without a round trip per notice.
    await Promise.all(
      records.map(async (record, i) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length) throw new Error(`搜索索引出错（${notices[i]!.file}）：${added.errors.join('；')}`);
      }),
    );
    await mkdir(outputPath, { recursive: true });
    const result = await index.writeFiles({ outputPath });
    if (result.errors.length) throw new Error(`写入搜索索引出错：${result.errors.join('；')}`);
    for (const unused of UNUSED) await rm(join(outputPath, unused), { force: true });
  } finally {
    await pagefind.close();
  }
}

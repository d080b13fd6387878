/**
 * The worker thread of search-index.ts, where all of the search shards' work happens: turning
 * notices into search records, the shard cache (search-shard-cache.ts) and Pagefind (its
 * `pagefind` module runs one Pagefind process per thread). The main thread is left to Astro.
 *
 * A shard takes two requests. `prepare` makes its records and either restores the shard from
 * the cache or sends the records to Pagefind, which segments the text. `write` makes and
 * writes the index and keeps a copy in the cache. Pagefind is closed after each shard, which
 * returns its memory (about 0.3 GB for 1,000 notices) before the next shard starts.
 */
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { parentPort } from 'node:worker_threads';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../src/lib/content-check.ts';
import { searchRecord, SEARCH_LANGUAGE } from '../../src/lib/search-record.ts';
import { restoreShard, shardCacheKey, storeShard } from './search-shard-cache.ts';

export type ShardRequest =
  | { type: 'prepare'; notices: Notice[]; base: string; outputPath: string }
  | { type: 'write' };
export type ShardReply = { type: 'reused' } | { type: 'added' } | { type: 'written' } | { type: 'failed'; message: string };

/** Pagefind writes its own UI bundles too; the search page is ours, so they would be dead weight. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

const RECORDS_PER_BATCH = 100;

/** The shard whose records are in Pagefind, waiting for `write`. */
let pending: { index: PagefindIndex; key: string; outputPath: string } | undefined;

async function prepare(notices: readonly Notice[], base: string, outputPath: string): Promise<ShardReply> {
  const records = notices.map((notice) => searchRecord(notice, base));
  const key = await shardCacheKey(records);
  if (await restoreShard(key, outputPath)) return { type: 'reused' };
  const created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!created.index) throw new Error(`无法启动搜索索引程序 Pagefind：${created.errors.join('；')}`);
  const { index } = created;
  pending = { index, key, outputPath };
  // In batches: Pagefind reads a batch without a round trip per notice, and only one batch of
  // encoded messages is in memory at a time (all of a shard's at once held ~100 MB more).
  for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
    await Promise.all(
      records.slice(start, start + RECORDS_PER_BATCH).map(async (record, i) => {
        const added = await index.addCustomRecord(record);
        if (added.errors.length) throw new Error(`搜索索引出错（${notices[start + i]!.file}）：${added.errors.join('；')}`);
      }),
    );
  }
  return { type: 'added' };
}

async function write(): Promise<ShardReply> {
  if (!pending) throw new Error('search shard written before it was prepared');
  const { index, key, outputPath } = pending;
  await mkdir(outputPath, { recursive: true });
  const result = await index.writeFiles({ outputPath });
  if (result.errors.length) throw new Error(`写入搜索索引出错：${result.errors.join('；')}`);
  await closePagefind();
  for (const unused of UNUSED) await rm(join(outputPath, unused), { force: true });
  // A cache that cannot be written only makes the next build slower.
  await storeShard(key, outputPath).catch(() => {});
  return { type: 'written' };
}

async function closePagefind(): Promise<void> {
  pending = undefined;
  await pagefind.close();
}

parentPort?.on('message', async (request: ShardRequest) => {
  try {
    parentPort!.postMessage(request.type === 'prepare' ? await prepare(request.notices, request.base, request.outputPath) : await write());
  } catch (error) {
    await closePagefind();
    parentPort!.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ShardReply);
  }
});

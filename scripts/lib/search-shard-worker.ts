/**
 * The worker thread of search-index.ts, where all of the search shards' work happens: turning
 * notices into search records, the shard cache (search-shard-cache.ts) and Pagefind (its
 * `pagefind` module runs one Pagefind process per thread). The main thread is left to Astro.
 *
 * A shard takes two requests. `prepare` makes its records and either restores the shard from
 * the cache or sends the records to Pagefind, which segments the text. `write` makes and
 * writes the index; then, while the next shard is prepared, its word index is cut into smaller
 * chunks (search-index-chunks.ts) and a copy kept in the cache. `finish`, after the last shard,
 * waits for that. Pagefind is closed after each shard, which returns its memory (about 0.3 GB
 * for 1,000 notices) before the next shard starts.
 */
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { parentPort } from 'node:worker_threads';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../src/lib/content-check.ts';
import { searchRecord, SEARCH_LANGUAGE } from '../../src/lib/search-record.ts';
import { restoreShard, shardCacheKey, storeShard } from './search-shard-cache.ts';
import { rechunkWordIndex } from './search-index-chunks.ts';

export type ShardRequest =
  | { type: 'prepare'; notices: Notice[]; base: string; outputPath: string }
  | { type: 'write' }
  | { type: 'finish' };
export type ShardReply = { type: 'reused' } | { type: 'added' } | { type: 'written' } | { type: 'finished' } | { type: 'failed'; message: string };

/** Pagefind writes its own UI bundles too; the search page is ours, so they would be dead weight. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

const RECORDS_PER_BATCH = 100;

/** The shard whose records are in Pagefind, waiting for `write`. */
let pending: { index: PagefindIndex; key: string; outputPath: string } | undefined;
/** Written shards still being re-cut and cached (`finishShard`), each settling to its failure if any. */
const finishing: Promise<{ failure: unknown } | undefined>[] = [];

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
  // Not awaited: this thread is mostly waiting while Pagefind indexes the next shard, so the
  // shard is finished meanwhile. The error is kept (not thrown) until `finish` reports it.
  finishing.push(finishShard(key, outputPath).then(() => undefined, (failure: unknown) => ({ failure })));
  return { type: 'written' };
}

/** Cuts the shard's word index into smaller chunks, then keeps a copy in the cache. */
async function finishShard(key: string, outputPath: string): Promise<void> {
  const rechunked = await rechunkWordIndex(outputPath);
  // Pagefind's own chunks still search correctly, only with more to download.
  if (!rechunked.rechunked) console.warn(`搜索索引：未能把词索引切成小块（${rechunked.reason}），保留 Pagefind 的原样。`);
  // A cache that cannot be written only makes the next build slower.
  await storeShard(key, outputPath).catch(() => {});
}

/** Waits for every written shard to be finished; the first error, if any, fails the index. */
async function finish(): Promise<ShardReply> {
  const failed = (await Promise.all(finishing.splice(0))).find((outcome) => outcome !== undefined);
  if (failed) throw failed.failure;
  return { type: 'finished' };
}

async function closePagefind(): Promise<void> {
  pending = undefined;
  await pagefind.close();
}

parentPort?.on('message', async (request: ShardRequest) => {
  try {
    const reply =
      request.type === 'prepare' ? await prepare(request.notices, request.base, request.outputPath) : request.type === 'write' ? await write() : await finish();
    parentPort!.postMessage(reply);
  } catch (error) {
    await closePagefind();
    parentPort!.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ShardReply);
  }
});

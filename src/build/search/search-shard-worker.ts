/**
 * The worker thread of search-index.ts, where all of the search shards' work happens: the shard
 * cache (search-shard-cache.ts), turning notices into search records and Pagefind (its
 * `pagefind` module runs one Pagefind process per thread). The main thread is left to Astro.
 *
 * search-index.ts asks for every shard's cache key first (cheap: no records are made), then has
 * the shards the cache lacks indexed, as Pagefind's indexing is the long part, then the others
 * copied from the cache. A shard Pagefind has written is finished while the next request runs:
 * its word index is cut into smaller chunks (search-index-chunks.ts) and a copy kept in the
 * cache. Pagefind is closed after each shard, which returns its memory (about 0.3 GB for 1,000
 * notices) before the next starts.
 */
import * as pagefind from 'pagefind';
import { parentPort } from 'node:worker_threads';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../content/content-check.ts';
import { pageSearchRecord, searchRecord, SEARCH_LANGUAGE } from '../../domain/search/search-record.ts';
import type { SearchPage } from '../../domain/search/search-pages.ts';
import { isCached, restoreShard, shardCacheKey, storeShard } from './search-shard-cache.ts';
import { rechunkWordIndex } from './search-index-chunks.ts';

/**
 * Requests, one at a time (so one shard's notices at most are in this thread): `key` for every
 * shard first, then `index` or `restore` for each, then `finish`.
 */
export type ShardRequest =
  | { type: 'key'; notices: Notice[]; pages: SearchPage[]; base: string; codeVersion: string }
  | { type: 'index'; notices: Notice[]; pages: SearchPage[]; base: string; key: string; outputPath: string }
  | { type: 'restore'; key: string; outputPath: string }
  | { type: 'finish' };
export type ShardReply =
  | { type: 'key'; key: string; cached: boolean }
  | { type: 'indexed' }
  | { type: 'restore'; restored: boolean }
  | { type: 'finished' }
  | { type: 'failed'; message: string };

/** Pagefind writes its own UI bundles too; the search page is ours, so they would be dead weight. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

const RECORDS_PER_BATCH = 100;

/** Written shards being finished (`finishShard`) while the next is indexed; failures wait for `finish`. */
const finishing: Promise<{ failure: unknown } | undefined>[] = [];

async function answer(request: ShardRequest): Promise<ShardReply> {
  switch (request.type) {
    case 'key': {
      const key = await shardCacheKey(request.notices, request.pages, request.base, request.codeVersion);
      return { type: 'key', key, cached: isCached(key) };
    }
    case 'index':
      await indexShard(request.notices, request.pages, request.base, request.outputPath);
      finishing.push(settled(finishShard(request.key, request.outputPath)));
      return { type: 'indexed' };
    case 'restore':
      return { type: 'restore', restored: await restoreShard(request.key, request.outputPath) };
    case 'finish': {
      const failed = (await Promise.all(finishing.splice(0))).find((outcome) => outcome !== undefined);
      if (failed) throw failed.failure;
      return { type: 'finished' };
    }
  }
}

/** Sends the shard's records to Pagefind, which segments the text, then writes its index. */
async function indexShard(
  notices: readonly Notice[],
  pages: readonly SearchPage[],
  base: string,
  outputPath: string,
): Promise<void> {
  const records = [
    ...notices.map((notice) => searchRecord(notice, base)),
    ...pages.map((page) => pageSearchRecord(page, base)),
  ];
  const sources = [...notices.map((n) => n.file), ...pages.map((p) => p.path)];
  const created = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!created.index) throw new Error(`无法启动搜索索引程序 Pagefind：${created.errors.join('；')}`);
  const { index } = created;
  try {
    // In batches: Pagefind reads a batch without a round trip per notice, and only one batch of
    // encoded messages is in memory at a time (all of a shard's at once held ~100 MB more).
    for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
      await Promise.all(
        records.slice(start, start + RECORDS_PER_BATCH).map(async (record, i) => {
          const added = await index.addCustomRecord(record);
          if (added.errors.length)
            throw new Error(`搜索索引出错（${sources[start + i]!}）：${added.errors.join('；')}`);
        }),
      );
    }
    await mkdir(outputPath, { recursive: true });
    const result = await index.writeFiles({ outputPath });
    if (result.errors.length) throw new Error(`写入搜索索引出错：${result.errors.join('；')}`);
  } finally {
    await pagefind.close();
  }
  for (const unused of UNUSED) await rm(join(outputPath, unused), { force: true });
}

/** Cuts the shard's word index into smaller chunks, then keeps a copy in the cache. */
async function finishShard(key: string, outputPath: string): Promise<void> {
  const rechunked = await rechunkWordIndex(outputPath);
  // Pagefind's own chunks still search correctly, only with more to download.
  if (!rechunked.rechunked)
    console.warn(`搜索索引：未能把词索引切成小块（${rechunked.reason}），保留 Pagefind 的原样。`);
  // A cache that cannot be written only makes the next build slower.
  await storeShard(key, outputPath).catch(() => {});
}

/** The promise's failure as a value, so that one not awaited yet is never an unhandled rejection. */
function settled(promise: Promise<void>): Promise<{ failure: unknown } | undefined> {
  return promise.then(
    () => undefined,
    (failure: unknown) => ({ failure }),
  );
}

parentPort?.on('message', async (request: ShardRequest) => {
  let reply: ShardReply;
  try {
    reply = await answer(request);
  } catch (error) {
    reply = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

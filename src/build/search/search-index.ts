/**
 * The Pagefind step of the build: one custom record per notice (search-record.ts). Custom
 * records index exactly the text readers search, normalised to 简体, without re-reading and
 * re-parsing the built HTML — so the index can be written while Astro is still making pages.
 *
 * The index is written in shards of consecutive dates (src/domain/search/search-shards.ts), so memory
 * stays bounded however many notices a site has; a shard whose notices did not change since an
 * earlier build is reused (search-shard-cache.ts).
 *
 * Shards are made one at a time, on a worker thread (search-shard-worker.ts): the main thread
 * is Astro's, and turning ten thousand notices into search records there slowed the pages by
 * about ten seconds. Two shards at once would finish the index sooner once Astro is done, but
 * with 2,000-notice shards that measured 0.3 GB more at the peak, so one Pagefind process it is.
 */
import { Worker } from 'node:worker_threads';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../content/content-check.ts';
import type { SearchPage } from '../../domain/search/search-pages.ts';
import { pruneShardCache } from './search-shard-cache.ts';
import { noticeSearchShards } from '../../domain/search/search-shards.ts';
import type { ShardReply, ShardRequest } from './search-shard-worker.ts';
import { codeVersion } from '../code-version.ts';

/** A merged shard is read by the first shard's script and WebAssembly; its own copies are never fetched. */
const SHARED = /^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;

/** How the index was made: shards indexed now, and shards reused unchanged from an earlier build. */
export interface SearchIndexReport {
  shards: number;
  reused: number;
}

/**
 * Writes the search index of `notices` and `pages` (指南, 依申请公开, 制度, 机构信息) into `dir` (which becomes
 * OUT/pagefind/): shard 0 at the top, shard k in `k/`. Shards whose notices are unchanged since
 * an earlier build are copied from the shard cache instead of indexed again.
 *
 * The pages go into shard 0: the search page reads it first, so they are in a search's first
 * results, and an edited 指南 re-indexes only the shard that changes most often anyway.
 */
export async function writeSearchIndex(
  notices: readonly Notice[],
  pages: readonly SearchPage[],
  dir: string,
  base: string,
): Promise<SearchIndexReport> {
  const shards = noticeSearchShards(notices, process.env);
  const outs = shards.map((_, k) => `${dir}.shard${k}`);
  await rm(dir, { recursive: true, force: true });
  const indexer = new ShardIndexer();
  let reused = 0;
  try {
    const version = await codeVersion();
    const keys: { key: string; cached: boolean }[] = [];
    const pagesOf = (k: number) => (k === 0 ? [...pages] : []);
    for (const [k, shard] of shards.entries())
      keys.push(
        await indexer.ask({ type: 'key', notices: shard.items, pages: pagesOf(k), base, codeVersion: version }, 'key'),
      );
    // Shards the cache lacks first: Pagefind's indexing is the long part, copying the others is not.
    const order = [...shards.keys()].sort((a, b) => Number(keys[a]!.cached) - Number(keys[b]!.cached));
    for (const k of order) {
      const { key, cached } = keys[k]!;
      const outputPath = outs[k]!;
      if (cached && (await indexer.ask({ type: 'restore', key, outputPath }, 'restore')).restored) reused++;
      else
        await indexer.ask(
          { type: 'index', notices: shards[k]!.items, pages: pagesOf(k), base, key, outputPath },
          'indexed',
        );
    }
    await indexer.ask({ type: 'finish' }, 'finished');
    for (const out of outs.slice(1))
      for (const file of await readdir(out)) if (SHARED.test(file)) await rm(join(out, file));
    await rename(outs[0]!, dir);
    for (const [k, out] of outs.entries()) if (k > 0) await rename(out, join(dir, String(k)));
  } finally {
    await indexer.terminate();
    for (const out of outs) await rm(out, { recursive: true, force: true });
  }
  await pruneShardCache(shards.length).catch(() => {});
  return { shards: shards.length, reused };
}

/** A search-shard-worker.ts thread, one request at a time. */
class ShardIndexer {
  #worker = new Worker(new URL('./search-shard-worker.ts', import.meta.url));

  /** Sends `request`; resolves with the reply of type `expected`, or rejects with the failure. */
  ask<T extends ShardReply['type']>(request: ShardRequest, expected: T): Promise<Extract<ShardReply, { type: T }>> {
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const settle = (outcome: ShardReply | Error) => {
        worker.off('message', settle).off('error', settle).off('exit', onExit);
        if (outcome instanceof Error) reject(outcome);
        else if (outcome.type === 'failed') reject(new Error(outcome.message));
        else if (outcome.type !== expected)
          reject(new Error(`search shard worker: ${outcome.type} instead of ${expected}`));
        else resolve(outcome as Extract<ShardReply, { type: T }>);
      };
      const onExit = (code: number) => settle(new Error(`建立搜索索引的线程意外退出（代码 ${code}）`));
      worker.on('message', settle).on('error', settle).on('exit', onExit);
      worker.postMessage(request);
    });
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}

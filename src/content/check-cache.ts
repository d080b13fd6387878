/**
 * What checking each notice file found in the last check, so that the next check (or build)
 * only re-checks files that changed: at county scale, reading and parsing 10,000 notices is
 * the longest part of a rebuild after a one-line edit. A file's result depends only on its
 * path and bytes, site.yaml and the code (code-version.ts): the cache file is named by the
 * last two and its entries by the first two, so a stale result is never found.
 */
import { createHash } from 'node:crypto';
import { readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NoticeFileResult } from './content-check.ts';
import { cacheDir, pruneLeastRecentlyUsed, writeFileWhole } from '../build/cache-dir.ts';
import { codeVersion } from '../build/code-version.ts';

/** Cache files kept, most recently used first: one per content folder (or site.yaml) in use. */
const MAX_FILES = 8;

export interface CheckCache {
  /** The result checked earlier for this file, if its path and bytes are unchanged. */
  get(path: string, bytes: Uint8Array): NoticeFileResult | undefined;
  /** Replaces the cache by exactly these files' results. */
  save(results: readonly { path: string; bytes: Uint8Array; result: NoticeFileResult }[]): Promise<void>;
}

export async function openCheckCache(siteYaml: Uint8Array | undefined): Promise<CheckCache> {
  const dir = cacheDir('check');
  const scope = createHash('sha256').update(await codeVersion()).update('\0').update(siteYaml ?? '').digest('hex');
  const file = join(dir, `${scope}.v8`);
  const entries = await readFile(file).then((bytes) => deserialize(bytes) as Map<string, NoticeFileResult>, () => new Map<string, NoticeFileResult>());
  // `get` and `save` see the same files' bytes: each file's key is hashed once (10,000 notices
  // are ~40 MB to hash).
  const keys = new WeakMap<Uint8Array, string>();
  const fileKey = (path: string, bytes: Uint8Array) => {
    let key = keys.get(bytes);
    if (key === undefined) keys.set(bytes, (key = keyOf(path, bytes)));
    return key;
  };
  return {
    get: (path, bytes) => entries.get(fileKey(path, bytes)),
    async save(results) {
      const fresh = new Map(results.map(({ path, bytes, result }) => [fileKey(path, bytes), result]));
      if (fresh.size === entries.size && [...fresh.keys()].every((key) => entries.has(key))) {
        // Nothing changed since the last check (the usual rebuild): mark the file used, keep it
        // (writing 10,000 results again took ~0.3 s).
        const now = new Date();
        await utimes(file, now, now);
      } else {
        await writeFileWhole(file, serialize(fresh));
      }
      await pruneLeastRecentlyUsed(dir, MAX_FILES);
    },
  };
}

function keyOf(path: string, bytes: Uint8Array): string {
  return createHash('sha256').update(path).update('\0').update(bytes).digest('hex');
}

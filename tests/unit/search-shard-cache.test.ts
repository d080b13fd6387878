import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../build/helpers.ts';
import { pruneShardCache } from '../../src/build/search/search-shard-cache.ts';

/** A cache folder with `count` entries, entry-0 used longest ago. */
function cacheWith(count: number): string {
  const dir = tempDir('shard-cache');
  for (let i = 0; i < count; i++) {
    mkdirSync(join(dir, `entry-${i}`));
    const used = new Date(Date.UTC(2026, 0, 1, 0, i));
    utimesSync(join(dir, `entry-${i}`), used, used);
  }
  return dir;
}

/** The entries left after pruning a cache of `count` for a build of `shards` shards. */
async function keptAfterPruning(count: number, shards: number): Promise<string[]> {
  const dir = cacheWith(count);
  process.env.GONGKAI_SEARCH_CACHE = dir;
  try {
    await pruneShardCache(shards);
  } finally {
    delete process.env.GONGKAI_SEARCH_CACHE;
  }
  return readdirSync(dir);
}

describe('pruning the search shard cache', () => {
  test('keeps the 48 most recently used entries for a site with few shards', async () => {
    const kept = await keptAfterPruning(60, 6);
    assert.equal(kept.length, 48);
    assert.ok(!kept.includes('entry-11') && kept.includes('entry-12') && kept.includes('entry-59'));
  });

  test('keeps two builds’ worth for a site with many shards, so none pushes out its own', async () => {
    assert.equal((await keptAfterPruning(60, 55)).length, 60);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { searchShards, shardDir, configuredShardSize, DEFAULT_SHARD_SIZE } from '../../src/lib/search-shards.ts';

/** `n` notices of `year`, named year:i. */
const year = (y: number, n: number) => Array.from({ length: n }, (_, i) => `${y}:${i}`);
const yearOf = (item: string) => item.slice(0, 4);

describe('search shards', () => {
  test('a site that fits in one shard has Pagefind’s usual single index', () => {
    const shards = searchShards([...year(2024, 3), ...year(2025, 2)], yearOf, 10);
    assert.equal(shards.length, 1);
    assert.equal(shards[0]!.dir, 'pagefind/');
    assert.deepEqual(shards[0]!.years, ['2025', '2024']);
  });

  test('shards hold whole, consecutive years, newest first', () => {
    const items = [...year(2021, 4), ...year(2022, 4), ...year(2023, 4), ...year(2024, 4)];
    const shards = searchShards(items, yearOf, 8);
    assert.deepEqual(shards.map((s) => s.years), [['2024', '2023'], ['2022', '2021']]);
    assert.deepEqual(shards.map((s) => s.dir), ['pagefind/', 'pagefind/1/']);
    assert.equal(shards.flatMap((s) => s.items).length, items.length, 'every notice is in a shard');
  });

  test('a year is never split, even when it is bigger than a shard', () => {
    const shards = searchShards([...year(2023, 2), ...year(2024, 12), ...year(2025, 3)], yearOf, 5);
    assert.deepEqual(shards.map((s) => [s.years, s.items.length]), [[['2025'], 3], [['2024'], 12], [['2023'], 2]]);
  });

  test('a year does not join a shard it would overfill', () => {
    const shards = searchShards([...year(2025, 3), ...year(2024, 3)], yearOf, 5);
    assert.deepEqual(shards.map((s) => s.years), [['2025'], ['2024']]);
  });

  test('an empty site still has one (empty) index', () => {
    assert.deepEqual(searchShards([], yearOf, 5), [{ dir: 'pagefind/', years: [], items: [] }]);
  });

  test('shard folders', () => {
    assert.equal(shardDir(0), 'pagefind/');
    assert.equal(shardDir(3), 'pagefind/3/');
  });

  test('the shard size comes from GONGKAI_SEARCH_SHARD_SIZE, else the default', () => {
    assert.equal(configuredShardSize({}), DEFAULT_SHARD_SIZE);
    assert.equal(configuredShardSize({ GONGKAI_SEARCH_SHARD_SIZE: '24' }), 24);
    assert.throws(() => searchShards(['2024:0'], yearOf, configuredShardSize({ GONGKAI_SEARCH_SHARD_SIZE: 'many' })));
  });
});
